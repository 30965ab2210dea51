package cn.anju.lease;

import cn.anju.shared.measure.MeasurePeriod;
import cn.anju.shared.measure.MeasureRecord;
import cn.anju.shared.measure.MeasureScope;
import cn.anju.shared.measure.MeasureValue;
import cn.anju.shared.measure.Measures;
import cn.anju.shared.measure.RecordKind;
import cn.anju.support.LeaseFixtures;
import cn.anju.support.MeasureChecks;
import cn.anju.support.PlatformTest;
import cn.anju.support.SelectionFixtures;
import cn.anju.support.TestClock;
import cn.anju.support.WebClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The evaluation's lease measures. Each is checked on leases the test wrote in a year before the demo's history, so
 * the figure is exactly theirs (numerator, denominator, ratio, which leases and how they count), then on a lease
 * taken through the real steps today, for the facts the lease module itself writes and for "not decided yet".
 */
@PlatformTest
class LeaseServiceMeasuresTest {

    static final String MOVE_OUT = """
            {"keysReturned":2,"waterReading":20,"electricityReading":400,"fixtures":[{"item":"入户门及门锁","condition":"GOOD","note":""}],
             "damages":"","damageAmount":0,"unitReturnedAs":"VACANT"}""";

    @LocalServerPort
    int port;
    @Autowired
    Measures measures;
    @Autowired
    JdbcClient jdbc;

    final LocalDate today = TestClock.today();
    final MeasureScope yuyang = MeasureScope.districts("610802");

    MeasureValue compute(String code, MeasureScope scope, String from, String to) {
        return measures.compute(code, scope, new MeasurePeriod.Range(LocalDate.parse(from), LocalDate.parse(to)));
    }

    static LocalDate d(String day) {
        return LocalDate.parse(day);
    }

    @Test
    @Transactional // the past it writes is rolled back: the demo's history stays the platform's own
    void daysToReletAveragesTheDaysFromTheUnitsLastMoveOutToEachMoveInOfThePeriod() {
        PastLeases past = new PastLeases(jdbc, "T19-RL-");
        past.lived("A", d("2014-05-01"), d("2014-05-10"), d("2015-01-10"));
        long second = past.lived("B", d("2015-01-20"), d("2015-02-09"), d("2015-02-20")); // 30 days empty
        long third = past.lived("C", d("2015-03-01"), d("2015-03-07"), d("2015-03-20")); // 15 days
        long fourth = past.lived("D", d("2015-03-25"), d("2015-04-02"), d("2015-06-30")); // 13 days, the next quarter

        MeasureValue q1 = compute("DAYS_TO_RELET", yuyang, "2015-01-01", "2015-03-31");
        assertThat(q1.numerator()).as("days").isEqualByComparingTo("45");
        assertThat(q1.denominator()).as("re-lets").isEqualByComparingTo("2");
        assertThat(q1.ratio()).isEqualByComparingTo("22.5");
        assertThat(days(q1)).isEqualTo(Map.of(second, 30L, third, 15L));
        assertThat(q1.records()).allMatch(r -> r.kind() == RecordKind.LEASE && r.label().equals(past.number(r.id())));
        assertThat(compute("DAYS_TO_RELET", MeasureScope.projects(past.project), "2015-01-01", "2015-03-31").ratio())
                .as("placed by its project as by its district").isEqualByComparingTo("22.5");

        assertThat(days(compute("DAYS_TO_RELET", yuyang, "2015-03-01", "2015-04-30"))).as("by the day of the move-in")
                .isEqualTo(Map.of(third, 15L, fourth, 13L));
        MeasureValue firstLet = compute("DAYS_TO_RELET", yuyang, "2014-04-01", "2014-06-30");
        assertThat(firstLet.applicable()).as("a unit's first household is no re-let").isFalse();
        assertThat(firstLet.ratio()).isNull();
        assertThat(compute("DAYS_TO_RELET", MeasureScope.districts("610881"), "2015-01-01", "2015-03-31").applicable()).isFalse();
        assertThat(compute("DAYS_TO_RELET", MeasureScope.NOTHING, "2015-01-01", "2015-03-31").applicable()).isFalse();
    }

    static Map<Long, Long> days(MeasureValue v) {
        Map<Long, Long> days = new TreeMap<>();
        for (MeasureRecord r : v.records()) {
            assertThat(r.base()).as("each re-let adds one to the denominator").isEqualByComparingTo(BigDecimal.ONE);
            days.put(r.id(), r.part().longValueExact());
        }
        return days;
    }

    @Test
    @Transactional // the past it writes is rolled back: the demo's history stays the platform's own
    void moveInOnTimeIsFirstLeasesMovedIntoWithinThePolicysDaysOfSigningOverThoseDecided() {
        PastLeases past = new PastLeases(jdbc, "T19-MI-");
        long early = past.lived("1", d("2016-01-05"), d("2016-01-20"), d("2016-02-01"));
        long lastDay = past.lived("2", d("2016-01-10"), d("2016-02-09"), d("2016-03-01")); // the 30th day still counts
        long late = past.lived("3", d("2016-02-01"), d("2016-03-15"), d("2016-04-01")); // the 43rd
        long gaveUp = past.signed("4", d("2016-03-01"));
        past.event(gaveUp, "TERMINATED", d("2016-03-20"), 10); // before its deadline: nothing was late
        long neverCame = past.signed("5", d("2016-03-02"));
        past.event(neverCame, "TERMINATED", d("2016-04-10"), 10); // after it: late
        long before = past.lived("6", d("2015-12-31"), d("2016-01-05"), d("2016-01-06"));
        long renewal = past.signed("7", d("2016-02-15"));
        jdbc.sql("update lease set renews_lease_id = ? where id = ?").params(early, renewal).update(); // no move-in: not a first lease

        MeasureValue q1 = compute("MOVE_IN_ON_TIME_RATE", yuyang, "2016-01-01", "2016-03-31");
        assertThat(MeasureChecks.flags(q1)).isEqualTo(Map.of(early, true, lastDay, true, late, false, neverCame, false));
        assertThat(q1.numerator()).isEqualByComparingTo("2");
        assertThat(q1.denominator()).isEqualByComparingTo("4");
        assertThat(q1.ratio()).isEqualByComparingTo("0.5");
        assertThat(compute("MOVE_IN_ON_TIME_RATE", MeasureScope.districts("610881"), "2016-01-01", "2016-03-31").applicable()).isFalse();
        assertThat(compute("MOVE_IN_ON_TIME_RATE", MeasureScope.NOTHING, "2016-01-01", "2016-03-31").applicable()).isFalse();
        assertThat(compute("MOVE_IN_ON_TIME_RATE", yuyang, "2016-04-01", "2016-06-30").applicable()).isFalse();

        // the district gives 45 days: the 43rd is in time, and the household that left on day 39 was never late
        jdbc.sql("""
                        insert into policy_setting (region_code, key, value, effective_from, changed_by, reason)
                        values ('610802', 'evaluation.move-in-days', '45', ?, null, '测试')""")
                .param(Timestamp.from(TestClock.clock().instant().minusSeconds(60))).update();
        try {
            MeasureValue longer = compute("MOVE_IN_ON_TIME_RATE", yuyang, "2016-01-01", "2016-03-31");
            assertThat(MeasureChecks.flags(longer)).isEqualTo(Map.of(early, true, lastDay, true, late, true));
            assertThat(longer.ratio()).isEqualByComparingTo("1");
        } finally {
            jdbc.sql("delete from policy_setting where region_code = '610802' and key = 'evaluation.move-in-days'").update();
        }
    }

    @Test
    void aLeaseSignedTodayCountsOnceItsKeysAreHandedOver() {
        long lease = LeaseFixtures.drafted(port, SelectionFixtures.chosen(port, jdbc), 36);
        WebClient clerk = WebClient.loggedIn(port, "anju.staff");
        assertThat(clerk.postJson("/api/v1/leases/" + lease + "/sign", "{}").statusCode()).isEqualTo(204);
        String day = today.toString();
        assertThat(MeasureChecks.flags(compute("MOVE_IN_ON_TIME_RATE", yuyang, day, day))).as("signed, 30 days to go: not decided").doesNotContainKey(lease);
        assertThat(clerk.postJson("/api/v1/leases/" + lease + "/move-in", LeaseFixtures.MOVE_IN).statusCode()).isEqualTo(204);
        assertThat(MeasureChecks.flags(compute("MOVE_IN_ON_TIME_RATE", yuyang, day, day))).containsEntry(lease, true);
    }

    @Test
    @Transactional // the past it writes is rolled back: the demo's history stays the platform's own
    void moveOutOnTimeIsLeavingsSettledWithinThePolicysDaysOfTheDayToLeaveByOverThoseDecided() {
        PastLeases past = new PastLeases(jdbc, "T19-MO-");
        long onTime = leaving(past, "1", "2017-01-10", "2017-01-20", true);
        long late = leaving(past, "2", "2017-02-01", "2017-02-16", true);
        jdbc.sql("update lease_settlement set at = at + interval '1 hour' where lease_id = ?").param(late).update(); // 00:30 on the 17th
        long arrearsUnknown = leaving(past, "3", "2017-03-01", "2017-03-05", false);
        long early = leaving(past, "4", "2017-05-01", "2017-03-20", true); // settled before the day to leave by: counted then
        long before = leaving(past, "5", "2016-12-31", "2017-01-03", true);
        long lastQuarterDay = leaving(past, "6", "2017-03-31", "2017-04-10", true);

        MeasureValue q1 = compute("MOVE_OUT_ON_TIME_RATE", yuyang, "2017-01-01", "2017-03-31");
        assertThat(MeasureChecks.flags(q1)).isEqualTo(Map.of(onTime, true, late, false, arrearsUnknown, false, early, true, lastQuarterDay, true));
        assertThat(q1.numerator()).isEqualByComparingTo("3");
        assertThat(q1.denominator()).isEqualByComparingTo("5");
        assertThat(q1.ratio()).isEqualByComparingTo("0.6");
        assertThat(MeasureChecks.flags(compute("MOVE_OUT_ON_TIME_RATE", MeasureScope.projects(past.project), "2016-10-01", "2016-12-31")))
                .isEqualTo(Map.of(before, true));
        assertThat(compute("MOVE_OUT_ON_TIME_RATE", MeasureScope.districts("610881"), "2017-01-01", "2017-03-31").applicable()).isFalse();
        assertThat(compute("MOVE_OUT_ON_TIME_RATE", MeasureScope.NOTHING, "2017-01-01", "2017-03-31").applicable()).isFalse();
        assertThat(compute("MOVE_OUT_ON_TIME_RATE", yuyang, "2017-07-01", "2017-09-30").applicable()).isFalse();
    }

    /** A lease of 2013 whose household had to leave by one day and was moved out and settled on another. */
    static long leaving(PastLeases past, String number, String leaveBy, String settled, boolean arrearsKnown) {
        long lease = past.signed(number, d("2013-01-02"));
        past.lived(lease, d("2013-01-10"), d(settled));
        past.vacateBy(lease, d(leaveBy));
        past.settled(lease, d(settled), arrearsKnown);
        return lease;
    }

    @Test
    void aHouseholdThatLeavesTodayCountsWhenSettledOrOnceItsDaysHavePassed() {
        WebClient clerk = WebClient.loggedIn(port, "anju.staff");
        LeaseFixtures.Active settled = LeaseFixtures.active(port, jdbc);
        String deposit = WebClient.json(clerk.getJson("/api/v1/leases/" + settled.leaseId())).get("deposit").decimalValue().toPlainString();
        assertThat(clerk.postJson("/api/v1/rent-accounts/" + settled.leaseId() + "/deposit", "{\"amount\":" + deposit + "}").statusCode())
                .isEqualTo(204);
        LeaseFixtures.Active staying = LeaseFixtures.active(port, jdbc);
        for (long lease : new long[] {settled.leaseId(), staying.leaseId()}) {
            assertThat(clerk.postJson("/api/v1/leases/" + lease + "/terminate", "{\"kind\":\"VOLUNTARY\",\"reason\":\"购房搬离\"}")
                    .statusCode()).isEqualTo(204);
        }
        var out = clerk.postJson("/api/v1/leases/" + settled.leaseId() + "/move-out", MOVE_OUT);
        assertThat(out.statusCode()).as(out.body()).isEqualTo(200);
        assertThat(WebClient.json(out).get("arrearsKnown").asBoolean()).isTrue();

        String day = today.toString();
        Map<Long, Boolean> now = MeasureChecks.flags(compute("MOVE_OUT_ON_TIME_RATE", yuyang, day, day));
        assertThat(now).containsEntry(settled.leaseId(), true).as("15 days to go: not decided").doesNotContainKey(staying.leaseId());
        TestClock.advance(Duration.ofDays(16));
        try {
            assertThat(MeasureChecks.flags(compute("MOVE_OUT_ON_TIME_RATE", yuyang, day, day))).containsEntry(settled.leaseId(), true)
                    .as("still there after its days").containsEntry(staying.leaseId(), false);
        } finally {
            TestClock.reset();
        }
    }
}
