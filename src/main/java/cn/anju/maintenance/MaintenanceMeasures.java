package cn.anju.maintenance;

import cn.anju.shared.measure.MeasureDefinition;
import cn.anju.shared.measure.MeasurePeriod;
import cn.anju.shared.measure.MeasureUnit;
import cn.anju.shared.measure.RecordKind;
import cn.anju.shared.measure.SqlRatio;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Clock;

/** The maintenance module's figures: the repair on-time rate (维修及时率) and the tenants' satisfaction with repairs (维修满意率). */
final class MaintenanceMeasures {

    private MaintenanceMeasures() {
    }

    /** The work orders page and its API show it for the month; the evaluation reads it for any period. */
    @Component
    static class OnTimeRate extends SqlRatio {

        static final MeasureDefinition DEFINITION = MeasureDefinition.ratio("WORK_ORDER_ON_TIME_RATE", "维修及时率", "Repair on-time rate",
                MeasureUnit.COUNT, MeasureUnit.COUNT, MeasurePeriod.Kind.RANGE, true,
                "统计期内完工（按完工时间）且定有完工时限的维修工单中，在完工时限内完工的工单数 ÷ 完工工单数。"
                        + "返修后再次完工的按最后一次完工时间计。无完工工单时不适用。");

        OnTimeRate(JdbcClient jdbc, Clock clock) {
            super(jdbc, clock, DEFINITION, """
                    select w.id, w.order_number, w.completed_at <= w.done_due_at from work_order w
                     where (w.district_code = any(?) or w.project_id = any(?))
                       and w.completed_at >= ? and w.completed_at < ? and w.done_due_at is not null
                     order by w.completed_at, w.id""", counted(RecordKind.WORK_ORDER));
        }
    }

    /**
     * 维修满意率, from the rating (1 to 5) the reporting household gives when it confirms the repair. Only a tenant's own
     * report counts: staff confirm the other orders and may enter a rating there, which is the operator's word, not the
     * tenant's (the same rule as the complaint satisfaction rate).
     */
    @Component
    static class Satisfaction extends SqlRatio {

        /** The lowest rating (of 5) that counts as satisfied. */
        static final int SATISFIED = 4;

        static final MeasureDefinition DEFINITION = MeasureDefinition.ratio("REPAIR_SATISFACTION_RATE", "维修满意率", "Repair satisfaction",
                MeasureUnit.COUNT, MeasureUnit.COUNT, MeasurePeriod.Kind.RANGE, true,
                "统计期内（按确认时间）住户确认完工并评分的住户报修工单中，评分为4分或5分（满分5分）的工单数 ÷ 评分工单数。"
                        + "只计住户本人报修、由报修住户确认时所评的分数；其他来源（热线、巡查、员工登记、预防性维护）的工单"
                        + "可由工作人员确认并填写评分，不计。无评分工单时不适用。");

        Satisfaction(JdbcClient jdbc, Clock clock) {
            super(jdbc, clock, DEFINITION, """
                    select w.id, w.order_number, w.rating >= %d from work_order w
                     where (w.district_code = any(?) or w.project_id = any(?)) and w.source = 'TENANT' and w.rating is not null
                       and w.confirmed_at >= ? and w.confirmed_at < ?
                     order by w.confirmed_at, w.id""".formatted(SATISFIED), counted(RecordKind.WORK_ORDER));
        }
    }
}
