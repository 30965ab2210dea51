package cn.anju.lease;

import cn.anju.shared.measure.MeasureDefinition;
import cn.anju.shared.measure.MeasurePeriod;
import cn.anju.shared.measure.MeasureRecord;
import cn.anju.shared.measure.MeasureSql;
import cn.anju.shared.measure.MeasureUnit;
import cn.anju.shared.measure.OnTimeRate;
import cn.anju.shared.measure.RecordKind;
import cn.anju.shared.measure.SqlRatio;
import cn.anju.shared.policy.PolicySettings;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Clock;

/**
 * The lease module's figures of how the operator serves a flat's turnover, for the evaluation (考核): how long a flat
 * stands empty between two households, whether keys are handed over in time after signing, and whether a household
 * that must leave is moved out and settled in time. Each reads only the lease's own dated facts: its history events
 * ({@code lease_event}), the day it was signed, the day the household had to leave by ({@code vacate_by}), the day it
 * moved out and the move-out settlement ({@code lease_settlement}). Days are the city's, by the platform clock.
 */
final class LeaseServiceMeasures {

    private LeaseServiceMeasures() {
    }

    /** 平均空置至再出租天数: a ratio of days over re-lets, so that over projects it is Σ days ÷ Σ re-lets, never a mean of means. */
    @Component
    static class DaysToRelet extends SqlRatio {

        static final MeasureDefinition DEFINITION = MeasureDefinition.ratio("DAYS_TO_RELET", "平均空置至再出租天数",
                "Average days from vacancy to re-let", MeasureUnit.DAY, MeasureUnit.COUNT, MeasurePeriod.Kind.RANGE, true,
                "统计期内办理入住（按入住交接日期）的新签租赁合同中，该房屋此前有合同办理过退房的（再出租），"
                        + "自该房屋最近一次退房之日至本次入住之日的天数之和 ÷ 再出租合同数，即平均空置天数；数值越低越好。"
                        + "续签合同不是再出租，不计；房屋首次出租的不计。调换房源腾出的房屋没有退房记录，其空置不计。"
                        + "无再出租合同时不适用。");

        /** The previous household on the unit is the latest one that moved out by this move-in: the flat was empty since. */
        DaysToRelet(JdbcClient jdbc, Clock clock) {
            super(jdbc, clock, DEFINITION, """
                            select l.id, l.lease_number, %1$s - p.moved_out_on
                              from lease l join lease_event e on e.lease_id = l.id and e.kind = 'MOVED_IN'
                             cross join lateral (select max(o.moved_out_on) as moved_out_on from lease o
                                                  where o.unit_id = l.unit_id and o.id <> l.id and o.moved_out_on <= %1$s) p
                             where (l.district_code = any(?) or l.project_id = any(?)) and e.at >= ? and e.at < ?
                               and p.moved_out_on is not null
                             order by e.at, l.id""".formatted(MeasureSql.cityDay("e.at", clock)),
                    (rs, n) -> MeasureRecord.group(RecordKind.LEASE, rs.getLong(1), rs.getString(2), 1, rs.getLong(3)));
        }
    }

    /** 按时入住率: a first lease (not a renewal) signed in the period, keys handed over within the policy's days. */
    @Component
    static class MoveInOnTime extends OnTimeRate {

        static final String POLICY = "evaluation.move-in-days";

        MoveInOnTime(JdbcClient jdbc, PolicySettings settings, Clock clock) {
            super(jdbc, settings, clock, ratio("MOVE_IN_ON_TIME_RATE", "按时入住率", "Move-in on time",
                    "统计期内签订（按签约日期）的新签租赁合同（不含续签）中，自签约之日起规定天数（政策设置 evaluation.move-in-days，"
                            + "默认30天，按自然日）内办理入住交接的合同数 ÷ 已有结果的合同数。已有结果：已入住，或期限已过仍未入住"
                            + "（计为未按时）；期限未到且未入住的暂不计入，故统计期结束满规定天数后数值不再变化。"
                            + "期限内家庭放弃、合同在入住前终止的不计；期限过后才终止的计为未按时。无合同时不适用。"),
                    RecordKind.LEASE, POLICY, """
                            select l.id, l.lease_number, l.district_code, l.signed_on, %s, %s
                              from lease l
                             where (l.district_code = any(?) or l.project_id = any(?)) and l.renews_lease_id is null
                               and l.signed_on between ? and ?
                             order by l.signed_on, l.id""".formatted(
                            MeasureSql.cityDay("(select min(e.at) from lease_event e where e.lease_id = l.id and e.kind = 'MOVED_IN')", clock),
                            MeasureSql.cityDay("(select min(e.at) from lease_event e where e.lease_id = l.id and e.kind = 'TERMINATED')", clock)));
        }
    }

    /**
     * 按时退房结算率: a household that must leave (the day it had to leave by is set when its lease ends without a
     * renewal) is moved out with the settlement statement — deposit less damages less arrears, the refund worked out —
     * within the policy's days of that day. The move-out handover writes the statement in the same step; one the rent
     * ledger could not settle (arrears unknown) is not settled.
     */
    @Component
    static class MoveOutOnTime extends OnTimeRate {

        static final String POLICY = "evaluation.move-out-days";

        MoveOutOnTime(JdbcClient jdbc, PolicySettings settings, Clock clock) {
            super(jdbc, settings, clock, ratio("MOVE_OUT_ON_TIME_RATE", "按时退房结算率", "Move-out settled on time",
                    "合同结束（租期届满且未续签，或提前终止）须腾退的租赁合同中，在应腾退之日（含过渡期）后规定天数"
                            + "（政策设置 evaluation.move-out-days，默认15天，按自然日）内办结退房交接和退房结算（欠费已核定、应退押金已算出）"
                            + "的合同数 ÷ 已有结果的合同数。每份合同计入应腾退之日与办结之日中较早一日所在的统计期；"
                            + "已有结果：已办结，或期限已过仍未办结（计为未按时）；期限未到且未办结的暂不计入，"
                            + "故统计期结束满规定天数后数值不再变化。退房时欠费未能核定的结算不算办结。无合同时不适用。"),
                    RecordKind.LEASE, POLICY, """
                            select l.id, l.lease_number, l.district_code, l.vacate_by, s.day, null::date
                              from lease l
                              left join lateral (select case when x.arrears_known then %s end as day
                                                   from lease_settlement x where x.lease_id = l.id) s on true
                             where (l.district_code = any(?) or l.project_id = any(?)) and l.vacate_by is not null
                               and least(l.vacate_by, s.day) between ? and ?
                             order by least(l.vacate_by, s.day), l.id""".formatted(MeasureSql.cityDay("x.at", clock)));
        }
    }
}
