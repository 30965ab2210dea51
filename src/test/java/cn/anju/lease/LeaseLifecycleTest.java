package cn.anju.lease;

import cn.anju.shared.calendar.WorkingDays;
import cn.anju.support.LeaseFixtures;
import cn.anju.support.PlatformTest;
import cn.anju.support.TestClock;
import cn.anju.support.WebClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;

/** Renewal, amendment with unit exchange, filing on the working-day calendar, and move-out with its settlement. */
@PlatformTest
class LeaseLifecycleTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    LeaseJobs jobs;
    @Autowired
    WorkingDays workingDays;

    final LocalDate today = TestClock.today();

    String status(long lease) {
        return jdbc.sql("select status from lease where id = ?").param(lease).query(String.class).single();
    }

    String unitStatus(long unit) {
        return jdbc.sql("select status from unit where id = ?").param(unit).query(String.class).single();
    }

    void endsOn(long lease, LocalDate end) {
        jdbc.sql("update lease set start_date = ?, end_date = ? where id = ?").params(end.minusYears(3), end, lease).update();
    }

    @Test
    void aRenewalAppliedInTimeIsSignedAndTakesOverWhenTheLeaseEnds() {
        LeaseFixtures.Active a = LeaseFixtures.active(port, jdbc);
        WebClient clerk = WebClient.loggedIn(port, "anju.staff");
        String renewal = "{\"termMonths\":36}";

        // two months before the end is inside the last three: too late for the operator, a government officer may accept it
        endsOn(a.leaseId(), today.plusMonths(2));
        HttpResponse<String> late = clerk.postJson("/api/v1/leases/" + a.leaseId() + "/renewal", renewal);
        assertThat(late.statusCode()).isEqualTo(422);
        assertThat(WebClient.json(late).get("code").asString()).isEqualTo("RENEWAL_APPLICATION_LATE");
        assertThat(WebClient.json(late).get("detail").asString()).contains("3个月");

        endsOn(a.leaseId(), today.plusMonths(5));
        HttpResponse<String> applied = clerk.postJson("/api/v1/leases/" + a.leaseId() + "/renewal", renewal);
        assertThat(applied.statusCode()).as(applied.body()).isEqualTo(201);
        long next = WebClient.json(applied).get("id").asLong();
        assertThat(clerk.postJson("/api/v1/leases/" + a.leaseId() + "/renewal", renewal).statusCode()).as("one renewal per lease").isEqualTo(409);
        var row = WebClient.json(clerk.getJson("/api/v1/leases/" + next));
        assertThat(row.get("renewsLeaseId").asLong()).isEqualTo(a.leaseId());
        assertThat(row.get("startDate").asString()).isEqualTo(today.plusMonths(5).plusDays(1).toString());
        assertThat(row.get("leaseNumber").asString()).endsWith("-R1");
        // the renewal states the standard's rent again (the household's tier as decided today), and 3 months' deposit of it
        assertThat(row.get("deposit").decimalValue()).isEqualByComparingTo(row.get("monthlyRent").decimalValue().multiply(BigDecimal.valueOf(3)));
        assertThat(WebClient.json(clerk.postJson("/api/v1/leases/" + a.leaseId() + "/renewal", "{\"termMonths\":36,\"monthlyRent\":9999.00}"))
                .get("code").asString()).isIn("RENEWAL_EXISTS", "LEASE_RENT_NOT_STANDARD");

        // eligibility must be in force at signing
        long decision = jdbc.sql("select id from eligibility_decision where household_id = ? and status = 'VALID' order by valid_to desc limit 1")
                .param(a.chosen().householdId()).query(Long.class).single();
        WebClient officer = WebClient.loggedIn(port, "yuyang.gov");
        assertThat(officer.postJson("/api/v1/eligibility-decisions/" + decision + "/status",
                "{\"status\":\"SUSPENDED\",\"reason\":\"收入核查\"}").statusCode()).isEqualTo(204);
        HttpResponse<String> refused = clerk.postJson("/api/v1/leases/" + next + "/sign", "{}");
        assertThat(WebClient.json(refused).get("code").asString()).isEqualTo("ELIGIBILITY_NOT_IN_FORCE");
        assertThat(officer.postJson("/api/v1/eligibility-decisions/" + decision + "/status",
                "{\"status\":\"VALID\",\"reason\":\"核查通过\"}").statusCode()).isEqualTo(204);

        assertThat(clerk.postJson("/api/v1/leases/" + next + "/sign", "{}").statusCode()).isEqualTo(204);
        assertThat(clerk.postJson("/api/v1/leases/" + next + "/move-in", LeaseFixtures.MOVE_IN).statusCode()).as("no second move-in").isEqualTo(409);
        assertThat(status(a.leaseId())).isEqualTo("ACTIVE");
        assertThat(status(next)).isEqualTo("SIGNED");

        // the old lease ends: the daily job hands over to the renewal, the household never leaves
        endsOn(a.leaseId(), today.minusDays(1));
        LeaseJobs.DailyRun run = jobs.runDaily();
        assertThat(run.renewed()).isGreaterThanOrEqualTo(1);
        assertThat(status(a.leaseId())).isEqualTo("EXPIRED");
        assertThat(status(next)).isEqualTo("ACTIVE");
        assertThat(unitStatus(a.chosen().unitId())).isEqualTo("OCCUPIED");
        assertThat(jdbc.sql("select vacate_by is null from lease where id = ?").param(a.leaseId()).query(Boolean.class).single())
                .as("a renewed household has nothing to vacate").isTrue();
        var file = WebClient.json(clerk.getJson("/api/v1/households/" + a.chosen().householdId() + "/resident-file"));
        assertThat(file.findValuesAsString("kind")).contains("LEASE_RENEWAL_STARTED", "LEASE_RENEWAL_APPLIED", "LEASE_MOVED_IN",
                "SELECTION_CHOSEN", "ELIGIBILITY_SUSPENDED");
    }

    @Test
    void aUnitExchangeMovesTheLeaseAndBothUnitsInOneStep() {
        LeaseFixtures.Active a = LeaseFixtures.active(port, jdbc);
        WebClient clerk = WebClient.loggedIn(port, "anju.manager");
        long target = jdbc.sql("""
                        select u.id from unit u join lease l on l.project_id = u.project_id
                         where l.id = ? and u.status = 'VACANT' order by u.id limit 1""")
                .param(a.leaseId()).query(Long.class).single();
        long occupied = jdbc.sql("select id from unit where status = 'OCCUPIED' and id <> ? and district_code = '610802' limit 1")
                .param(a.chosen().unitId()).query(Long.class).optional().orElse(a.chosen().unitId());

        HttpResponse<String> taken = clerk.postJson("/api/v1/leases/" + a.leaseId() + "/amendments",
                "{\"kind\":\"UNIT_EXCHANGE\",\"toUnitId\":" + occupied + ",\"reason\":\"家庭人口增加\"}");
        assertThat(taken.statusCode()).isIn(400, 409);
        assertThat(unitStatus(a.chosen().unitId())).as("nothing half-written").isEqualTo("OCCUPIED");

        HttpResponse<String> noReason = clerk.postJson("/api/v1/leases/" + a.leaseId() + "/amendments",
                "{\"kind\":\"UNIT_EXCHANGE\",\"toUnitId\":" + target + "}");
        assertThat(WebClient.json(noReason).get("code").asString()).isEqualTo("REASON_REQUIRED");

        String rentBefore = WebClient.json(clerk.getJson("/api/v1/leases/" + a.leaseId())).get("monthlyRent").decimalValue().toPlainString();
        // a figure that is not the standard's for the new unit is refused with the right one
        HttpResponse<String> wrongRent = clerk.postJson("/api/v1/leases/" + a.leaseId() + "/amendments",
                "{\"kind\":\"UNIT_EXCHANGE\",\"toUnitId\":" + target + ",\"monthlyRent\":1.00,\"reason\":\"家庭人口增加\"}");
        assertThat(WebClient.json(wrongRent).get("code").asString()).isEqualTo("LEASE_RENT_NOT_STANDARD");
        assertThat(unitStatus(target)).as("nothing half-written").isEqualTo("VACANT");
        HttpResponse<String> exchanged = clerk.postJson("/api/v1/leases/" + a.leaseId() + "/amendments",
                "{\"kind\":\"UNIT_EXCHANGE\",\"toUnitId\":" + target + ",\"reason\":\"家庭人口增加\"}");
        assertThat(exchanged.statusCode()).as(exchanged.body()).isEqualTo(201);
        assertThat(WebClient.json(exchanged).get("version").asInt()).isEqualTo(1);
        assertThat(unitStatus(a.chosen().unitId())).isEqualTo("VACANT");
        assertThat(unitStatus(target)).isEqualTo("OCCUPIED");
        var row = WebClient.json(clerk.getJson("/api/v1/leases/" + a.leaseId()));
        assertThat(row.get("unitId").asLong()).isEqualTo(target);
        BigDecimal rentAfter = row.get("monthlyRent").decimalValue();
        BigDecimal targetArea = jdbc.sql("select rent_area from unit where id = ?").param(target).query(BigDecimal.class).single();
        assertThat(jdbc.sql("select rent_area from lease where id = ?").param(a.leaseId()).query(BigDecimal.class).single())
                .isEqualByComparingTo(targetArea);
        var versions = WebClient.json(clerk.getJson("/api/v1/leases/" + a.leaseId() + "/amendments"));
        assertThat(versions.size()).isEqualTo(1);
        assertThat(versions.get(0).get("before").asString()).contains("栋");
        assertThat(versions.get(0).get("after").asString()).contains("栋");
        if (rentAfter.compareTo(new BigDecimal(rentBefore)) != 0) {
            assertThat(versions.get(0).get("before").asString()).contains(new BigDecimal(rentBefore).stripTrailingZeros().toPlainString());
        }

        // the rent tier comes from the eligibility decision: unchanged decision, unchanged rent → nothing to amend
        HttpResponse<String> same = clerk.postJson("/api/v1/leases/" + a.leaseId() + "/amendments",
                "{\"kind\":\"RENT_TIER\",\"reason\":\"复核\"}");
        assertThat(WebClient.json(same).get("code").asString()).isEqualTo("AMENDMENT_NO_CHANGE");
    }

    @Test
    void filingIsDueInWorkingDaysAndOnlyTheBureauConfirmsIt() {
        // the calendar: the National Day week is off, the Saturday after it is worked
        assertThat(workingDays.plusWorkingDays(LocalDate.of(2026, 9, 30), 1)).isEqualTo(LocalDate.of(2026, 10, 8));
        assertThat(workingDays.plusWorkingDays(LocalDate.of(2026, 10, 9), 1)).isEqualTo(LocalDate.of(2026, 10, 10));
        assertThat(workingDays.plusWorkingDays(LocalDate.of(2026, 11, 27), 1)).as("Friday → Monday").isEqualTo(LocalDate.of(2026, 11, 30));

        LeaseFixtures.Active a = LeaseFixtures.active(port, jdbc);
        WebClient clerk = WebClient.loggedIn(port, "anju.staff");
        var row = WebClient.json(clerk.getJson("/api/v1/leases/" + a.leaseId()));
        assertThat(row.get("filingDueOn").asString()).isEqualTo(workingDays.plusWorkingDays(today, 30).toString());

        assertThat(clerk.postJson("/api/v1/leases/" + a.leaseId() + "/filing", "{}").statusCode()).isEqualTo(204);
        assertThat(clerk.postJson("/api/v1/leases/" + a.leaseId() + "/filing", "{}").statusCode()).isEqualTo(409);
        jdbc.sql("update lease set filing_due_on = ? where id = ?").params(today.minusDays(1), a.leaseId()).update();
        WebClient officer = WebClient.loggedIn(port, "yuyang.gov");
        assertThat(WebClient.json(officer.getJson("/api/v1/leases?view=FILING_OVERDUE&size=200")).get("items")
                .findValuesAsString("leaseNumber")).contains(row.get("leaseNumber").asString());

        HttpResponse<String> operator = WebClient.loggedIn(port, "anju.manager")
                .postJson("/api/v1/leases/" + a.leaseId() + "/filing/confirmation", "{\"filingNumber\":\"YY-BA-1\"}");
        assertThat(operator.statusCode()).isEqualTo(403);
        assertThat(WebClient.json(officer.postJson("/api/v1/leases/" + a.leaseId() + "/filing/confirmation", "{}")).get("code")
                .asString()).isEqualTo("FILING_NUMBER_REQUIRED");
        String number = "YY-BA-" + a.leaseId();
        assertThat(officer.postJson("/api/v1/leases/" + a.leaseId() + "/filing/confirmation", "{\"filingNumber\":\"" + number + "\"}")
                .statusCode()).isEqualTo(204);
        row = WebClient.json(clerk.getJson("/api/v1/leases/" + a.leaseId()));
        assertThat(row.get("filingNumber").asString()).isEqualTo(number);
        assertThat(row.get("filedOn").asString()).isEqualTo(today.toString());
        assertThat(WebClient.json(officer.getJson("/api/v1/leases?view=FILING_OVERDUE&size=200")).get("items")
                .findValuesAsString("leaseNumber")).doesNotContain(row.get("leaseNumber").asString());
    }

    @Test
    void administratorsKeepTheCalendarAndItMovesDeadlines() {
        WebClient admin = WebClient.loggedIn(port, "city.gov"); // the city bureau's administrator
        LocalDate monday = LocalDate.of(2031, 3, 3);
        assertThat(workingDays.plusWorkingDays(monday.minusDays(3), 1)).isEqualTo(monday);
        HttpResponse<String> weekdayWorkday = admin.sendJson("PUT", "/api/v1/working-days/" + monday, "{\"kind\":\"WORKDAY\",\"name\":\"调休\"}");
        assertThat(WebClient.json(weekdayWorkday).get("code").asString()).isEqualTo("CALENDAR_WORKDAY_ON_WEEKDAY");
        assertThat(admin.sendJson("PUT", "/api/v1/working-days/" + monday, "{\"kind\":\"HOLIDAY\",\"name\":\"测试假日\"}").statusCode()).isEqualTo(204);
        assertThat(workingDays.plusWorkingDays(monday.minusDays(3), 1)).isEqualTo(monday.plusDays(1));
        assertThat(WebClient.json(admin.getJson("/api/v1/working-days?year=2031")).findValuesAsString("name")).contains("测试假日");
        assertThat(admin.sendJson("DELETE", "/api/v1/working-days/" + monday, null).statusCode()).isEqualTo(204);
        assertThat(workingDays.plusWorkingDays(monday.minusDays(3), 1)).isEqualTo(monday);
    }

    @Test
    void aHouseholdMadeToLeaveGetsItsTransitionPeriodAndMovesOutWithASettlement() {
        LeaseFixtures.Active a = LeaseFixtures.active(port, jdbc);
        WebClient clerk = WebClient.loggedIn(port, "anju.staff");
        String moveOut = """
                {"keysReturned":2,"waterReading":%s,"electricityReading":400,"fixtures":[{"item":"入户门及门锁","condition":"DAMAGED","note":"门锁损坏"}],
                 "damages":"门锁损坏","damageAmount":150.00,"unitReturnedAs":"UNDER_REPAIR"}""";
        assertThat(WebClient.json(clerk.postJson("/api/v1/leases/" + a.leaseId() + "/move-out", moveOut.formatted("20")))
                .get("code").asString()).as("an active lease is ended first").isEqualTo("MOVE_OUT_NOT_DUE");
        assertThat(clerk.postJson("/api/v1/leases/" + a.leaseId() + "/terminate", "{\"kind\":\"ARREARS\",\"reason\":\"拖欠租金6个月\"}")
                .statusCode()).isEqualTo(204);
        var row = WebClient.json(clerk.getJson("/api/v1/leases/" + a.leaseId()));
        assertThat(row.get("vacateBy").asString()).isEqualTo(today.plusMonths(2).toString());
        assertThat(WebClient.json(clerk.getJson("/api/v1/leases?view=MOVE_OUT_DUE&size=200")).get("items")
                .findValuesAsString("leaseNumber")).contains(row.get("leaseNumber").asString());
        assertThat(unitStatus(a.chosen().unitId())).as("the household is still there").isEqualTo("OCCUPIED");

        HttpResponse<String> below = clerk.postJson("/api/v1/leases/" + a.leaseId() + "/move-out", moveOut.formatted("3"));
        assertThat(WebClient.json(below).get("code").asString()).isEqualTo("READING_BELOW_MOVE_IN");
        HttpResponse<String> done = clerk.postJson("/api/v1/leases/" + a.leaseId() + "/move-out", moveOut.formatted("20"));
        assertThat(done.statusCode()).as(done.body()).isEqualTo(200);
        var settlement = WebClient.json(done);
        assertThat(settlement.get("deposit").decimalValue()).isEqualByComparingTo(row.get("deposit").decimalValue());
        assertThat(settlement.get("damages").decimalValue()).isEqualByComparingTo("150.00");
        // no rent ledger yet: the arrears are unknown and so is the refund, never a made-up zero
        assertThat(settlement.get("arrearsKnown").asBoolean()).isFalse();
        assertThat(settlement.get("arrears").isNull()).isTrue();
        assertThat(settlement.get("refund").isNull()).isTrue();
        assertThat(unitStatus(a.chosen().unitId())).isEqualTo("UNDER_REPAIR");
        assertThat(clerk.postJson("/api/v1/leases/" + a.leaseId() + "/move-out", moveOut.formatted("20")).statusCode()).isEqualTo(409);
        assertThat(WebClient.json(clerk.getJson("/api/v1/leases/" + a.leaseId() + "/settlement")).get("damages").decimalValue())
                .isEqualByComparingTo("150.00");
    }

    @Test
    void anActiveLeaseWhoseEligibilityLapsedIsFlaggedOnce() {
        LeaseFixtures.Active a = LeaseFixtures.active(port, jdbc);
        WebClient officer = WebClient.loggedIn(port, "yuyang.gov");
        jdbc.sql("select id from eligibility_decision where household_id = ? and status = 'VALID'").param(a.chosen().householdId())
                .query(Long.class).list().forEach(d -> assertThat(officer.postJson("/api/v1/eligibility-decisions/" + d + "/status",
                        "{\"status\":\"REVOKED\",\"reason\":\"收入超标\"}").statusCode()).isEqualTo(204));
        jobs.runDaily();
        assertThat(jdbc.sql("select eligibility_lapse_flagged_on from lease where id = ?").param(a.leaseId()).query(LocalDate.class).single())
                .isEqualTo(today);
        jobs.runDaily();
        assertThat(jdbc.sql("select count(*) from lease_event where lease_id = ? and kind = 'ELIGIBILITY_LAPSED'").param(a.leaseId())
                .query(Long.class).single()).isEqualTo(1);
        String number = jdbc.sql("select lease_number from lease where id = ?").param(a.leaseId()).query(String.class).single();
        assertThat(WebClient.json(officer.getJson("/api/v1/leases?view=ELIGIBILITY_LAPSED&size=200")).get("items")
                .findValuesAsString("leaseNumber")).contains(number);
        // now the operator may end the lease as the government decided
        assertThat(WebClient.loggedIn(port, "anju.staff").postJson("/api/v1/leases/" + a.leaseId() + "/terminate",
                "{\"kind\":\"ELIGIBILITY_REVOKED\",\"reason\":\"资格已撤销\"}").statusCode()).isEqualTo(204);
    }
}
