package cn.anju.maintenance;

import cn.anju.shared.measure.MeasurePeriod;
import cn.anju.shared.measure.MeasureScope;
import cn.anju.shared.measure.MeasureValue;
import cn.anju.shared.measure.Measures;
import cn.anju.support.MeasureChecks;
import cn.anju.support.PlatformTest;
import cn.anju.support.TestClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The repair on-time rate and the repair satisfaction rate, recomputed from the work orders by the test. */
@PlatformTest
class MaintenanceMeasuresTest {

    @Autowired
    Measures measures;
    @Autowired
    JdbcClient jdbc;

    @Test
    void onTimeRateIsOrdersCompletedWithinTheirDeadlineOverOrdersCompletedInThePeriod() {
        YearMonth month = YearMonth.from(TestClock.today()).minusMonths(1);
        MeasureValue v = measures.compute("WORK_ORDER_ON_TIME_RATE", MeasureScope.districts("610802", "610803"),
                new MeasurePeriod.Range(month.atDay(1), month.atEndOfMonth()));
        Map<Long, Boolean> completed = new HashMap<>();
        jdbc.sql("select id, completed_at, done_due_at from work_order where district_code in ('610802', '610803') and completed_at is not null")
                .query(rs -> {
                    OffsetDateTime done = rs.getObject(2, OffsetDateTime.class);
                    OffsetDateTime due = rs.getObject(3, OffsetDateTime.class);
                    LocalDate day = done.atZoneSameInstant(TestClock.ZONE).toLocalDate();
                    if (due != null && YearMonth.from(day).equals(month)) {
                        completed.put(rs.getLong(1), !done.isAfter(due));
                    }
                });
        MeasureChecks.countRatio(v, completed);
        assertThat(v.ratio()).as("most on time, not all").isStrictlyBetween(BigDecimal.ZERO, BigDecimal.ONE);
    }

    @Test
    void satisfactionIsTenantRatingsOfFourOrFiveOverTheTenantsRatingsGivenInThePeriod() {
        LocalDate today = TestClock.today();
        MeasurePeriod period = new MeasurePeriod.Range(today.minusDays(90), today);
        MeasureValue v = measures.compute("REPAIR_SATISFACTION_RATE", MeasureScope.districts("610802", "610881"), period);
        Map<Long, Boolean> rated = new HashMap<>();
        jdbc.sql("""
                        select id, rating, confirmed_at from work_order
                         where district_code in ('610802', '610881') and source = 'TENANT' and rating is not null""")
                .query(rs -> {
                    LocalDate day = rs.getObject(3, OffsetDateTime.class).atZoneSameInstant(TestClock.ZONE).toLocalDate();
                    if (!day.isBefore(today.minusDays(90)) && !day.isAfter(today)) {
                        rated.put(rs.getLong(1), rs.getInt(2) >= 4);
                    }
                });
        MeasureChecks.countRatio(v, rated);
        assertThat(v.numerator().signum()).as("the demo tenant is mostly pleased").isPositive();
    }

    @Test
    @Transactional // the past it writes is rolled back: the demo's history stays the platform's own
    void satisfactionCountsOnlyWhatTheReportingTenantsSaidInThePeriodAndScope() {
        long project = jdbc.sql("select project_id from work_order where district_code = '610802' order by id limit 1").query(Long.class).single();
        long five = rated(project, "TENANT", 5, "2015-01-05T10:00");
        long four = rated(project, "TENANT", 4, "2015-02-01T10:00");
        long three = rated(project, "TENANT", 3, "2015-02-10T10:00");
        long one = rated(project, "TENANT", 1, "2015-03-31T23:30"); // the city's last evening of the quarter
        long staffs = rated(project, "HOTLINE", 5, "2015-02-02T10:00"); // a rating staff entered: the operator's word
        long next = rated(project, "TENANT", 5, "2015-04-01T00:30"); // the next quarter in the city, not yet by UTC

        MeasureValue q1 = compute(MeasureScope.districts("610802"), "2015-01-01", "2015-03-31");
        assertThat(MeasureChecks.flags(q1)).isEqualTo(Map.of(five, true, four, true, three, false, one, false));
        assertThat(q1.numerator()).isEqualByComparingTo("2");
        assertThat(q1.denominator()).isEqualByComparingTo("4");
        assertThat(q1.ratio()).isEqualByComparingTo("0.5");
        assertThat(MeasureChecks.flags(q1)).doesNotContainKeys(staffs, next);
        assertThat(q1.records()).allMatch(r -> r.label().equals(jdbc.sql("select order_number from work_order where id = ?").param(r.id())
                .query(String.class).single()));
        assertThat(MeasureChecks.flags(compute(MeasureScope.projects(project), "2015-04-01", "2015-06-30"))).isEqualTo(Map.of(next, true));
        assertThat(compute(MeasureScope.districts("610881"), "2015-01-01", "2015-03-31").applicable()).isFalse();
        assertThat(compute(MeasureScope.NOTHING, "2015-01-01", "2015-03-31").applicable()).isFalse();
        MeasureValue none = compute(MeasureScope.districts("610802"), "2014-07-01", "2014-09-30");
        assertThat(none.applicable()).isFalse();
        assertThat(none.ratio()).isNull();
    }

    MeasureValue compute(MeasureScope scope, String from, String to) {
        return measures.compute("REPAIR_SATISFACTION_RATE", scope, new MeasurePeriod.Range(LocalDate.parse(from), LocalDate.parse(to)));
    }

    /** A confirmed order of a year before the demo's history, rated at a time of the city's day. */
    long rated(long project, String source, int rating, String confirmed) {
        Timestamp at = Timestamp.from(LocalDateTime.parse(confirmed).atZone(TestClock.ZONE).toInstant());
        return jdbc.sql("""
                        insert into work_order (order_number, district_code, project_id, source, category, location_kind, state,
                               description, submitted_at, completed_at, confirmed_at, rating)
                        values ('T19-WO-' || nextval('work_order_number_seq'), '610802', ?, ?, 'LIGHTING', 'COMMON', 'CONFIRMED',
                                '楼道灯不亮', ?, ?, ?, ?) returning id""")
                .params(project, source, at, at, at, rating).query(Long.class).single();
    }
}
