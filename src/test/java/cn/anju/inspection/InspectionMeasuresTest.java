package cn.anju.inspection;

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

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Patrol coverage and occupant verification coverage on the demo data, recomputed by the test. */
@PlatformTest
class InspectionMeasuresTest {

    @Autowired
    Measures measures;
    @Autowired
    JdbcClient jdbc;

    final LocalDate today = TestClock.today();

    @Test
    void patrolCoverageIsTasksDoneOverTasksDueSoFar() {
        YearMonth month = YearMonth.from(today);
        LocalDate from = month.minusMonths(2).atDay(1);
        // to the end of this month: the days after today are not due yet and do not count
        MeasureValue v = measures.compute("PATROL_COVERAGE", MeasureScope.districts("610802", "610881"),
                new MeasurePeriod.Range(from, month.atEndOfMonth()));
        Map<Long, Boolean> due = new HashMap<>();
        jdbc.sql("select id, due_on, state from patrol_task where district_code in ('610802', '610881')").query(rs -> {
            LocalDate day = rs.getObject(2, LocalDate.class);
            if (!day.isBefore(from) && !day.isAfter(today)) {
                due.put(rs.getLong(1), "DONE".equals(rs.getString(3)));
            }
        });
        MeasureChecks.countRatio(v, due);
        assertThat(v.ratio()).as("a few tasks were missed").isStrictlyBetween(BigDecimal.ZERO, BigDecimal.ONE);
    }

    @Test
    void verificationCoverageIsVisitsMadeOverVisitsTheCampaignsInThePeriodMustMake() {
        LocalDate from = today.minusDays(30);
        MeasureValue v = measures.compute("VERIFICATION_COVERAGE", MeasureScope.districts("610803"), new MeasurePeriod.Range(from, today));
        Map<Long, Boolean> visits = new HashMap<>();
        jdbc.sql("""
                        select v.id, c.starts_on, c.ends_on, v.outcome, v.visited_at
                          from verification_visit v join verification_campaign c on c.id = v.campaign_id where v.district_code = '610803'""")
                .query(rs -> {
                    LocalDate starts = rs.getObject(2, LocalDate.class);
                    LocalDate ends = rs.getObject(3, LocalDate.class);
                    OffsetDateTime visited = rs.getObject(5, OffsetDateTime.class);
                    if (!starts.isAfter(today) && !ends.isBefore(from)) {
                        visits.put(rs.getLong(1), rs.getString(4) != null
                                && !visited.atZoneSameInstant(TestClock.ZONE).toLocalDate().isAfter(today));
                    }
                });
        MeasureChecks.countRatio(v, visits);
        assertThat(v.ratio()).as("the demo's check is under way").isStrictlyBetween(BigDecimal.ZERO, BigDecimal.ONE);
    }
}
