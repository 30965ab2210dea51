package cn.anju.disclosure;

import cn.anju.support.PlatformTest;
import cn.anju.support.TestClock;
import cn.anju.support.WebClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An item is due 20 working days after its record became final, by the working-day calendar: the National Day holiday
 * (1-7 October 2026) does not count and its make-up Saturday (10 October) does. Late the day after, listed for the
 * district.
 */
@PlatformTest
class DisclosureClockTest {

    @LocalServerPort
    int port;
    @Autowired
    Disclosures disclosures;
    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void resetClock() {
        TestClock.reset();
    }

    LocalDate due(long sourceId, LocalDate finalOn) {
        assertThat(disclosures.draft(new DisclosureDraft(DisclosureType.SELECTION_RESULT, sourceId, "610802", "测试配租结果", finalOn,
                Map.of("note", "测试")))).isTrue();
        return jdbc.sql("select due_on from disclosure_item where type = 'SELECTION_RESULT' and source_id = ?").param(sourceId)
                .query(LocalDate.class).single();
    }

    @Test
    void theClockCountsWorkingDaysAcrossTheNationalDayHoliday() {
        // Sep 30; Oct 8, 9, 10 (the make-up Saturday); 12-16, 19-23, 26-30; Nov 2 is the 20th working day
        assertThat(due(-2026_09_29L, LocalDate.of(2026, 9, 29))).isEqualTo(LocalDate.of(2026, 11, 2));
        // without a holiday: four weeks
        assertThat(due(-2026_10_20L, LocalDate.of(2026, 10, 20))).isEqualTo(LocalDate.of(2026, 11, 17));

        TestClock.advance(Duration.ofDays(ChronoUnit.DAYS.between(TestClock.today(), LocalDate.of(2026, 11, 17))));
        String late = WebClient.loggedIn(port, "yuyang.gov").getJson("/api/v1/disclosures/late").body();
        assertThat(late).contains("\"dueOn\":\"2026-11-02\"").doesNotContain("\"dueOn\":\"2026-11-17\"");
        TestClock.advance(Duration.ofDays(1));
        assertThat(WebClient.loggedIn(port, "yuyang.gov").getJson("/api/v1/disclosures/late").body()).contains("\"dueOn\":\"2026-11-17\"");
        assertThat(WebClient.loggedIn(port, "shenmu.gov").getJson("/api/v1/disclosures/late").body()).doesNotContain("测试配租结果");
    }
}
