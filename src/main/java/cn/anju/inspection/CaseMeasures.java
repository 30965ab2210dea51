package cn.anju.inspection;

import cn.anju.shared.calendar.WorkingDays;
import cn.anju.shared.measure.MeasureSql;
import cn.anju.shared.measure.OnTimeRate;
import cn.anju.shared.measure.RecordKind;
import cn.anju.shared.policy.PolicySettings;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;

/** The inspection module's figure of how fast the operator reports a violation it found (违规证据按时上报率). */
final class CaseMeasures {

    private CaseMeasures() {
    }

    /**
     * A case is found when the operator opens it, or earlier when a patrol item or an occupant check it came from was
     * recorded; it is reported when it first goes to the district with its evidence (a case sent back for more evidence
     * keeps its first report). The rent module's arrears cases are opened and reported by the platform in one step and
     * say nothing of the operator, so they are left out.
     */
    @Component
    static class EvidenceOnTime extends OnTimeRate {

        static final String POLICY = "evaluation.evidence-working-days";

        private final WorkingDays workingDays;

        EvidenceOnTime(JdbcClient jdbc, PolicySettings settings, WorkingDays workingDays, Clock clock) {
            super(jdbc, settings, clock, ratio("EVIDENCE_ON_TIME_RATE", "违规证据按时上报率", "Violation evidence reported on time",
                    "统计期内发现（按发现日期：巡查记录或入户核查登记的时间，否则为立案时间）的违规案件中，自发现之日起规定工作日"
                            + "（政策设置 evaluation.evidence-working-days，默认5个工作日，按工作日历，发现当日不计）内"
                            + "首次连同证据上报住房保障部门的案件数 ÷ 已有结果的案件数。已有结果：已上报，或期限已过仍未上报（计为未按时）；"
                            + "期限未到且未上报的暂不计入，故统计期结束满规定工作日后数值不再变化。期限内撤销的草稿不计，"
                            + "期限过后才撤销的计为未按时；被退回补充证据的按首次上报计。系统按欠租自动立案并上报的案件不计。无案件时不适用。"),
                    RecordKind.VIOLATION_CASE, POLICY, """
                            select c.id, c.case_number, c.district_code, f.day, %s, %s
                              from violation_case c cross join lateral (select %s as day) f
                             where (c.district_code = any(?) or c.project_id = any(?)) and c.source <> 'ARREARS'
                               and f.day between ? and ?
                             order by f.day, c.id""".formatted(
                            MeasureSql.cityDay("(select min(e.at) from violation_case_event e where e.case_id = c.id and e.to_state = 'REPORTED')", clock),
                            MeasureSql.cityDay("""
                                    (select min(e.at) from violation_case_event e
                                      where e.case_id = c.id and e.from_state = 'DRAFT' and e.to_state = 'CLOSED')""", clock),
                            MeasureSql.cityDay("""
                                    least(c.opened_at, (select min(r.recorded_at) from patrol_item_result r where r.case_id = c.id),
                                          (select min(v.visited_at) from verification_visit v where v.case_id = c.id))""", clock)));
            this.workingDays = workingDays;
        }

        /** Working days by the calendar as it stands (an administrator may correct it), the day found not counted. */
        @Override
        protected LocalDate deadline(LocalDate found, int days) {
            return workingDays.plusWorkingDays(found, days);
        }
    }
}
