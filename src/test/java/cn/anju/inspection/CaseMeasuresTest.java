package cn.anju.inspection;

import cn.anju.shared.calendar.WorkingDays;
import cn.anju.shared.measure.MeasurePeriod;
import cn.anju.shared.measure.MeasureRecord;
import cn.anju.shared.measure.MeasureScope;
import cn.anju.shared.measure.MeasureValue;
import cn.anju.shared.measure.Measures;
import cn.anju.shared.measure.RecordKind;
import cn.anju.support.MeasureChecks;
import cn.anju.support.PlatformTest;
import cn.anju.support.TestClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The violation evidence on-time rate: on cases the test wrote around the 2026 Spring Festival (whose working days the
 * calendar holds), exactly; and on the demo's cases, recomputed by the test's own reading of the written definition.
 */
@PlatformTest
class CaseMeasuresTest {

    @Autowired
    Measures measures;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    WorkingDays workingDays;

    final MeasureScope yuyang = MeasureScope.districts("610802");

    MeasureValue compute(MeasureScope scope, String from, String to) {
        return measures.compute("EVIDENCE_ON_TIME_RATE", scope, new MeasurePeriod.Range(LocalDate.parse(from), LocalDate.parse(to)));
    }

    @Test
    @Transactional // the past it writes is rolled back: the demo's history stays the platform's own
    void evidenceOnTimeIsCasesFirstReportedWithinFiveWorkingDaysOfTheirFindingOverThoseDecided() {
        // found on the Friday before the festival: the make-up Saturday, then the 24th to the 27th are its five working days
        long festival = opened("2026-02-13T10:00", "STAFF");
        event(festival, "DRAFT", "REPORTED", "2026-02-27T16:00");
        long late = opened("2026-03-02T10:00", "STAFF");
        event(late, "DRAFT", "REPORTED", "2026-03-10T09:00"); // the 6th working day
        // found on a patrol four days before the case was opened: its clock starts at the patrol
        long patrolled = opened("2026-01-09T10:00", "PATROL");
        patrolFound(patrolled, "2026-01-05T09:00");
        event(patrolled, "DRAFT", "REPORTED", "2026-01-13T10:00");
        long sentBack = opened("2026-01-20T10:00", "STAFF");
        event(sentBack, "DRAFT", "REPORTED", "2026-01-22T10:00");
        event(sentBack, "UNDER_REVIEW", "DRAFT", "2026-01-26T10:00");
        event(sentBack, "DRAFT", "REPORTED", "2026-02-05T10:00"); // the first report counts
        long droppedInTime = opened("2026-03-16T10:00", "STAFF");
        event(droppedInTime, "DRAFT", "CLOSED", "2026-03-18T10:00");
        long droppedLate = opened("2026-03-02T11:00", "STAFF");
        event(droppedLate, "DRAFT", "CLOSED", "2026-03-20T10:00");
        long neverReported = opened("2026-01-07T10:00", "STAFF");
        long arrears = opened("2026-02-02T10:00", "ARREARS"); // the platform's: reported when opened
        event(arrears, null, "REPORTED", "2026-02-02T10:00");
        long nextQuarter = opened("2026-04-01T00:30", "STAFF"); // the city's 1 April, UTC's 31 March
        event(nextQuarter, "DRAFT", "REPORTED", "2026-04-20T10:00");

        MeasureValue q1 = compute(yuyang, "2026-01-01", "2026-03-31");
        assertThat(MeasureChecks.flags(q1)).isEqualTo(Map.of(festival, true, late, false, patrolled, false, sentBack, true,
                droppedLate, false, neverReported, false));
        assertThat(q1.numerator()).isEqualByComparingTo("2");
        assertThat(q1.denominator()).isEqualByComparingTo("6");
        assertThat(q1.ratio()).isEqualByComparingTo("0.3333");
        assertThat(q1.records()).allMatch(r -> r.kind() == RecordKind.VIOLATION_CASE && r.label().equals(
                jdbc.sql("select case_number from violation_case where id = ?").param(r.id()).query(String.class).single()));
        assertThat(MeasureChecks.flags(q1)).doesNotContainKeys(droppedInTime, arrears, nextQuarter);
        assertThat(MeasureChecks.flags(compute(MeasureScope.projects(project()), "2026-04-01", "2026-04-30"))).isEqualTo(Map.of(nextQuarter, false));
        assertThat(compute(MeasureScope.districts("610881"), "2026-01-01", "2026-03-31").applicable()).isFalse();
        assertThat(compute(MeasureScope.NOTHING, "2026-01-01", "2026-03-31").applicable()).isFalse();
        MeasureValue none = compute(yuyang, "2025-07-01", "2025-09-30");
        assertThat(none.applicable()).isFalse();
        assertThat(none.ratio()).isNull();

        // the district allows six working days: the 6th-day report and the patrol's case are in time
        jdbc.sql("""
                        insert into policy_setting (region_code, key, value, effective_from, changed_by, reason)
                        values ('610802', 'evaluation.evidence-working-days', '6', ?, null, '测试')""")
                .param(Timestamp.from(TestClock.clock().instant().minusSeconds(60))).update();
        try {
            assertThat(MeasureChecks.flags(compute(yuyang, "2026-01-01", "2026-03-31"))).isEqualTo(Map.of(festival, true, late, true,
                    patrolled, true, sentBack, true, droppedLate, false, neverReported, false));
        } finally {
            jdbc.sql("delete from policy_setting where region_code = '610802' and key = 'evaluation.evidence-working-days'").update();
        }
    }

    @Test
    void onTheDemoEveryCaseTheOperatorFoundAndReportedIsCountedAndTheDraftStillHasTime() {
        LocalDate today = TestClock.today();
        LocalDate from = today.minusDays(60);
        MeasureValue v = measures.compute("EVIDENCE_ON_TIME_RATE", MeasureScope.districts("610802", "610881"), new MeasurePeriod.Range(from, today));
        Map<Long, Boolean> decided = new HashMap<>();
        jdbc.sql("""
                        select c.id, c.opened_at, (select min(e.at) from violation_case_event e where e.case_id = c.id and e.to_state = 'REPORTED'),
                               (select min(r.recorded_at) from patrol_item_result r where r.case_id = c.id),
                               (select min(v.visited_at) from verification_visit v where v.case_id = c.id)
                          from violation_case c where c.district_code in ('610802', '610881') and c.source <> 'ARREARS'""")
                .query(rs -> {
                    LocalDate found = day(rs.getObject(2, OffsetDateTime.class));
                    for (int column : new int[] {4, 5}) {
                        OffsetDateTime earlier = rs.getObject(column, OffsetDateTime.class);
                        if (earlier != null && day(earlier).isBefore(found)) {
                            found = day(earlier);
                        }
                    }
                    if (found.isBefore(from) || found.isAfter(today)) {
                        return;
                    }
                    LocalDate due = workingDays.plusWorkingDays(found, 5);
                    OffsetDateTime reported = rs.getObject(3, OffsetDateTime.class);
                    if (reported != null || today.isAfter(due)) {
                        decided.put(rs.getLong(1), reported != null && !day(reported).isAfter(due));
                    }
                });
        MeasureChecks.countRatio(v, decided);
        long draft = jdbc.sql("select id from violation_case where district_code = '610802' and state = 'DRAFT' order by id limit 1")
                .query(Long.class).single();
        assertThat(v.records()).extracting(MeasureRecord::id).as("the demo's draft, opened today").doesNotContain(draft);
    }

    static LocalDate day(OffsetDateTime at) {
        return at.atZoneSameInstant(TestClock.ZONE).toLocalDate();
    }

    long project() {
        return jdbc.sql("select project_id from violation_case where district_code = '610802' order by id limit 1").query(Long.class).single();
    }

    /**
     * A case about 榆阳's first demo case's unit, opened at a time of the city's day; its history is the events the test
     * writes. It is stored closed, so that no list of work shows it to the other tests; the measure reads the history.
     */
    long opened(String at, String source) {
        return jdbc.sql("""
                        insert into violation_case (case_number, district_code, project_id, unit_id, type, source, state, facts, opened_at)
                        select 'T19-WG-' || nextval('violation_case_number_seq'), district_code, project_id, unit_id,
                               case when ? = 'ARREARS' then 'ARREARS' else 'OTHER' end, ?, 'CLOSED', '测试', ?
                          from violation_case where district_code = '610802' order by id limit 1
                        returning id""")
                .params(source, source, at(at)).query(Long.class).single();
    }

    void event(long caseId, String from, String to, String at) {
        jdbc.sql("insert into violation_case_event (case_id, from_state, to_state, note, at) values (?, ?, ?, '测试', ?)")
                .params(caseId, from, to, at(at)).update();
    }

    /**
     * A failed patrol item, recorded at the moment, of a task on one of 榆阳's plans, that the case came from. The task is
     * due the day before (a Sunday, when the demo's weekly plans have no task of their own): what counts is when the
     * item was found.
     */
    void patrolFound(long caseId, String at) {
        String dueOn = LocalDate.parse(at.substring(0, 10)).minusDays(1).toString();
        long task = jdbc.sql("""
                        insert into patrol_task (plan_id, district_code, project_id, due_on, deadline, state, done_at)
                        select id, district_code, project_id, ?::date, ?::date, 'DONE', ? from patrol_plan
                         where district_code = '610802' order by id limit 1 returning id""")
                .params(dueOn, at.substring(0, 10), at(at)).query(Long.class).single();
        jdbc.sql("insert into patrol_item_result (task_id, item_no, item, result, note, recorded_at, case_id) values (?, 1, '房屋使用', 'FAIL', '测试', ?, ?)")
                .params(task, at(at), caseId).update();
    }

    static Timestamp at(String at) {
        return Timestamp.from(LocalDateTime.parse(at).atZone(TestClock.ZONE).toInstant());
    }
}
