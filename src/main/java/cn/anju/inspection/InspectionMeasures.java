package cn.anju.inspection;

import cn.anju.shared.measure.Measure;
import cn.anju.shared.measure.MeasureDefinition;
import cn.anju.shared.measure.MeasurePeriod;
import cn.anju.shared.measure.MeasureRecord;
import cn.anju.shared.measure.MeasureScope;
import cn.anju.shared.measure.MeasureUnit;
import cn.anju.shared.measure.MeasureValue;
import cn.anju.shared.measure.RecordKind;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** The inspection module's figures: how much of the planned patrols and of the occupant checks was done. */
final class InspectionMeasures {

    private InspectionMeasures() {
    }

    /** 巡查覆盖率; the patrols page and its API show it for the month so far. */
    @Component
    static class PatrolCoverage implements Measure {

        static final MeasureDefinition DEFINITION = MeasureDefinition.ratio("PATROL_COVERAGE", "巡查覆盖率", "Patrol coverage",
                MeasureUnit.COUNT, MeasureUnit.COUNT, MeasurePeriod.Kind.RANGE, false,
                "统计期内（截至今天，不含尚未到期的日子）按巡查计划应巡查的任务中，已完成的任务数 ÷ 应巡查任务数。"
                        + "按任务当前状态统计：过期未巡的计为漏巡。无应巡查任务时不适用。");

        private final JdbcClient jdbc;
        private final Clock clock;

        PatrolCoverage(JdbcClient jdbc, Clock clock) {
            this.jdbc = jdbc;
            this.clock = clock;
        }

        public MeasureDefinition definition() {
            return DEFINITION;
        }

        public MeasureValue compute(MeasureScope scope, MeasurePeriod period) {
            MeasurePeriod.Range range = (MeasurePeriod.Range) period;
            LocalDate today = LocalDate.now(clock);
            List<Object> params = new ArrayList<>(scope.params());
            params.add(Date.valueOf(range.from()));
            params.add(Date.valueOf(range.to().isAfter(today) ? today : range.to()));
            List<MeasureRecord> tasks = jdbc.sql("""
                            select t.id, p.name || ' ' || to_char(t.due_on, 'YYYY-MM-DD'), t.state = 'DONE'
                              from patrol_task t join patrol_plan p on p.id = t.plan_id
                             where (t.district_code = any(?) or t.project_id = any(?)) and t.due_on between ? and ?
                             order by t.due_on, t.id""")
                    .params(params)
                    .query((rs, n) -> MeasureRecord.counted(RecordKind.PATROL_TASK, rs.getLong(1), rs.getString(2), rs.getBoolean(3)))
                    .list();
            return MeasureValue.ratio(DEFINITION, period, tasks);
        }
    }

    /** 入户核查完成率: of the occupant checks a campaign must make, those made. */
    @Component
    static class VerificationCoverage implements Measure {

        static final MeasureDefinition DEFINITION = MeasureDefinition.ratio("VERIFICATION_COVERAGE", "入户核查完成率",
                "Occupant verification coverage", MeasureUnit.COUNT, MeasureUnit.COUNT, MeasurePeriod.Kind.RANGE, true,
                "起止日期与统计期有交集的入户核查活动中，应核查的户（活动开始时在住的每份合同一户）中，"
                        + "截至统计期末已上门核查并登记结果的户数 ÷ 应核查户数。无核查活动时不适用。");

        private final JdbcClient jdbc;
        private final Clock clock;

        VerificationCoverage(JdbcClient jdbc, Clock clock) {
            this.jdbc = jdbc;
            this.clock = clock;
        }

        public MeasureDefinition definition() {
            return DEFINITION;
        }

        public MeasureValue compute(MeasureScope scope, MeasurePeriod period) {
            MeasurePeriod.Range range = (MeasurePeriod.Range) period;
            List<Object> params = new ArrayList<>();
            params.add(Timestamp.from(range.to().plusDays(1).atStartOfDay(clock.getZone()).toInstant()));
            params.addAll(scope.params());
            params.add(Date.valueOf(range.to()));
            params.add(Date.valueOf(range.from()));
            List<MeasureRecord> visits = jdbc.sql("""
                            select v.id, c.name || ' ' || v.lease_number, v.outcome is not null and v.visited_at < ?
                              from verification_visit v join verification_campaign c on c.id = v.campaign_id
                             where (v.district_code = any(?) or v.project_id = any(?)) and c.starts_on <= ? and c.ends_on >= ?
                             order by c.id, v.id""")
                    .params(params)
                    .query((rs, n) -> MeasureRecord.counted(RecordKind.VERIFICATION_VISIT, rs.getLong(1), rs.getString(2), rs.getBoolean(3)))
                    .list();
            return MeasureValue.ratio(DEFINITION, period, visits);
        }
    }
}
