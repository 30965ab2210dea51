package cn.anju.rent;

import cn.anju.support.LeaseFixtures;
import cn.anju.support.PlatformTest;
import cn.anju.support.TestClock;
import cn.anju.support.WebClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.YearMonth;

import static org.assertj.core.api.Assertions.assertThat;

/** What the end of a lease means for its rent: the settlement at move-out, and a transition period billed, then the market rent. */
@PlatformTest
class RentAtLeaseEndTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    BillRuns runs;

    final LocalDate today = TestClock.today();
    final YearMonth month = YearMonth.from(today);

    @Test
    void moveOutSettlesWithTheLedgersArrearsAndDeposit() {
        LeaseFixtures.Active a = LeaseFixtures.active(port, jdbc);
        runs.run(BillRuns.Trigger.MANUAL, null, month);
        WebClient clerk = WebClient.loggedIn(port, "anju.staff");
        BigDecimal deposit = WebClient.json(clerk.getJson("/api/v1/leases/" + a.leaseId())).get("deposit").decimalValue();
        assertThat(clerk.postJson("/api/v1/rent-accounts/" + a.leaseId() + "/deposit", "{\"amount\":" + deposit + "}").statusCode()).isEqualTo(204);
        assertThat(WebClient.json(clerk.postJson("/api/v1/rent-accounts/" + a.leaseId() + "/deposit", "{\"amount\":1}")).get("code").asString())
                .isEqualTo("DEPOSIT_EXCEEDS_CONTRACT");
        BigDecimal owed = WebClient.json(clerk.getJson("/api/v1/rent-accounts/" + a.leaseId())).get("outstanding").decimalValue();
        assertThat(clerk.postJson("/api/v1/leases/" + a.leaseId() + "/terminate", "{\"kind\":\"VOLUNTARY\",\"reason\":\"购房搬离\"}").statusCode())
                .isEqualTo(204);
        HttpResponse<String> out = clerk.postJson("/api/v1/leases/" + a.leaseId() + "/move-out", """
                {"keysReturned":2,"waterReading":20,"electricityReading":400,"fixtures":[{"item":"入户门及门锁","condition":"GOOD","note":""}],
                 "damages":"","damageAmount":0,"unitReturnedAs":"VACANT"}""");
        assertThat(out.statusCode()).as(out.body()).isEqualTo(200);
        JsonNode s = WebClient.json(out);
        assertThat(s.get("arrearsKnown").asBoolean()).isTrue();
        assertThat(s.get("arrears").decimalValue()).isEqualByComparingTo(owed);
        assertThat(s.get("deposit").decimalValue()).isEqualByComparingTo(deposit);
        assertThat(s.get("refund").decimalValue()).isEqualByComparingTo(deposit.subtract(owed));
    }

    @Test
    void aHouseholdMadeToLeavePaysTheLeaseRentThroughItsTransitionPeriodThenTheMarketRent() {
        LeaseFixtures.Active a = LeaseFixtures.active(port, jdbc);
        WebClient clerk = WebClient.loggedIn(port, "anju.staff");
        assertThat(clerk.postJson("/api/v1/leases/" + a.leaseId() + "/terminate", "{\"kind\":\"ARREARS\",\"reason\":\"拖欠租金6个月\"}")
                .statusCode()).isEqualTo(204);
        LocalDate vacateBy = jdbc.sql("select vacate_by from lease where id = ?").param(a.leaseId()).query(LocalDate.class).single();
        assertThat(vacateBy).isEqualTo(today.plusMonths(2));
        // the month in which the transition period ends (or the next, if it ends on a month's last day)
        YearMonth m = YearMonth.from(vacateBy.plusDays(1));
        runs.run(BillRuns.Trigger.MANUAL, null, m);
        BigDecimal area = jdbc.sql("select rent_area from lease where id = ?").param(a.leaseId()).query(BigDecimal.class).single();
        LocalDate marketFrom = vacateBy.plusDays(1);
        BigDecimal market = jdbc.sql("select amount from bill where lease_id = ? and charge_type = 'RENT_MARKET'").param(a.leaseId())
                .query(BigDecimal.class).single();
        assertThat(jdbc.sql("select period_start from bill where lease_id = ? and charge_type = 'RENT_MARKET'").param(a.leaseId())
                .query(LocalDate.class).single()).isEqualTo(marketFrom);
        // the demo's market standard in 榆阳区 is 13.00 a m² a month, and no tier reduction applies to it
        assertThat(market).isEqualByComparingTo(RentMath.prorate(new BigDecimal("13.00").multiply(area).setScale(2, RoundingMode.HALF_UP), marketFrom, m.atEndOfMonth()));
        if (vacateBy.getMonth() == m.getMonth()) {
            assertThat(jdbc.sql("select period_end from bill where lease_id = ? and charge_type = 'RENT' and period_start = ?")
                    .params(a.leaseId(), m.atDay(1)).query(LocalDate.class).single()).as("lease rent up to the end of the transition period")
                    .isEqualTo(vacateBy);
        }
    }
}
