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
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Remittance to the treasury: batches take each payment once, only finance confirms, the books balance. */
@PlatformTest
class TreasuryTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    BillRuns runs;

    final LocalDate today = TestClock.today();

    BigDecimal held(WebClient who, String district) {
        for (JsonNode h : WebClient.json(who.getJson("/api/v1/treasury/held"))) {
            if (h.get("districtCode").asString().equals(district)) {
                return h.get("held").decimalValue();
            }
        }
        return BigDecimal.ZERO;
    }

    @Test
    void batchesTakeEachPaymentOnceFinanceConfirmsAndTheBooksBalance() {
        LeaseFixtures.Active a = LeaseFixtures.active(port, jdbc);
        runs.run(BillRuns.Trigger.MANUAL, null, YearMonth.from(today));
        WebClient clerk = WebClient.loggedIn(port, "anju.staff");
        WebClient manager = WebClient.loggedIn(port, "anju.manager");
        WebClient finance = WebClient.loggedIn(port, "yuyang.finance");
        long paid = WebClient.json(clerk.postJsonWithHeaders("/api/v1/payments", "{\"leaseId\":" + a.leaseId() + ",\"channel\":\"CASH\",\"amount\":100.00}",
                Map.of("Idempotency-Key", "treasury-1-" + System.nanoTime()))).get("paymentId").asLong();
        long wrong = WebClient.json(clerk.postJsonWithHeaders("/api/v1/payments", "{\"leaseId\":" + a.leaseId() + ",\"channel\":\"CASH\",\"amount\":30.00}",
                Map.of("Idempotency-Key", "treasury-2-" + System.nanoTime()))).get("paymentId").asLong();
        assertThat(manager.postJson("/api/v1/payments/" + wrong + "/reversal", "{\"reason\":\"收错金额\"}").statusCode()).isEqualTo(201);

        BigDecimal heldBefore = held(finance, "610802");
        assertThat(heldBefore).isPositive();
        assertThat(WebClient.json(manager.postJson("/api/v1/remittances", "{\"districtCode\":\"610802\",\"upTo\":\"" + today.plusDays(1) + "\"}"))
                .get("code").asString()).isEqualTo("REMITTANCE_FUTURE");
        var submitted = manager.postJson("/api/v1/remittances", "{\"districtCode\":\"610802\",\"upTo\":\"" + today + "\"}");
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(201);
        long batch = WebClient.json(submitted).get("id").asLong();
        // the payment, the mistaken one and its reversal are all in: the batch nets them
        assertThat(jdbc.sql("select count(*) from remittance_item where batch_id = ? and payment_id in (?, ?)").params(batch, paid, wrong)
                .query(Long.class).single()).isEqualTo(2);
        assertThat(jdbc.sql("select amount from remittance_batch where id = ?").param(batch).query(BigDecimal.class).single())
                .isEqualByComparingTo(jdbc.sql("select sum(p.amount) from payment p join remittance_item i on i.payment_id = p.id where i.batch_id = ?")
                        .param(batch).query(BigDecimal.class).single());
        // nothing left to put in a second batch
        assertThat(WebClient.json(manager.postJson("/api/v1/remittances", "{\"districtCode\":\"610802\",\"upTo\":\"" + today + "\"}"))
                .get("code").asString()).isEqualTo("REMITTANCE_EMPTY");

        // submitted is not remitted: only finance's confirmation moves the money out of "held"
        assertThat(held(finance, "610802")).isEqualByComparingTo(heldBefore);
        String confirmation = "{\"treasuryReceiptNo\":\"GK" + batch + "\",\"treasuryDate\":\"" + today + "\"}";
        for (String body : List.of(confirmation, "{}")) {
            assertThat(manager.postJson("/api/v1/remittances/" + batch + "/confirmation", body).statusCode()).as("the operator never confirms").isEqualTo(403);
        }
        assertThat(WebClient.json(finance.postJson("/api/v1/remittances/" + batch + "/confirmation", "{}")).get("code").asString())
                .isEqualTo("TREASURY_RECEIPT_REQUIRED");
        assertThat(finance.postJson("/api/v1/remittances/" + batch + "/confirmation", confirmation).statusCode()).isEqualTo(204);
        var twice = finance.postJson("/api/v1/remittances/" + batch + "/confirmation", confirmation);
        assertThat(twice.statusCode()).isEqualTo(409);
        assertThat(WebClient.json(twice).get("code").asString()).as("confirmed once").isEqualTo("ILLEGAL_TRANSITION");
        // finance also confirms whatever else waits (the demo's last month): then nothing collected is held
        for (JsonNode b : WebClient.json(finance.getJson("/api/v1/remittances"))) {
            if (b.get("status").asString().equals("SUBMITTED")) {
                assertThat(finance.postJson("/api/v1/remittances/" + b.get("id").asLong() + "/confirmation",
                        "{\"treasuryReceiptNo\":\"GK-T" + b.get("id").asLong() + "\",\"treasuryDate\":\"" + today + "\"}").statusCode()).isEqualTo(204);
            }
        }
        assertThat(held(finance, "610802")).isEqualByComparingTo("0");

        // money after the batch is held again, and only that
        clerk.postJsonWithHeaders("/api/v1/payments", "{\"leaseId\":" + a.leaseId() + ",\"channel\":\"POS\",\"amount\":12.34}",
                Map.of("Idempotency-Key", "treasury-3-" + System.nanoTime()));
        assertThat(held(finance, "610802")).isEqualByComparingTo("12.34");

        // the statement's two identities hold on every project, this month and last (history, credits, reversals,
        // a confirmed batch and money after it)
        for (YearMonth m : List.of(YearMonth.from(today), YearMonth.from(today).minusMonths(1))) {
            var rows = WebClient.json(finance.getJson("/api/v1/reconciliation?districtCode=610802&month=" + m));
            assertThat(rows.size()).isPositive();
            for (JsonNode r : rows) {
                assertThat(r.get("billed").decimalValue().subtract(r.get("collected").decimalValue()))
                        .as(r.get("projectName").asString() + " " + m).isEqualByComparingTo(r.get("arrears").decimalValue());
                assertThat(r.get("received").decimalValue().subtract(r.get("remitted").decimalValue()))
                        .as(r.get("projectName").asString() + " " + m).isEqualByComparingTo(r.get("held").decimalValue());
            }
        }
        assertThat(WebClient.loggedIn(port, "shenmu.op").getJson("/api/v1/reconciliation?districtCode=610802").statusCode()).isEqualTo(404);
        var export = finance.getBytes("/rent/treasury/reconciliation.xlsx?districtCode=610802");
        assertThat(export.statusCode()).isEqualTo(200);
        assertThat(export.body().length).isGreaterThan(1000);
    }

    @Test
    void aDepositIsNotRentAndNeverOwedToTheTreasury() {
        LeaseFixtures.Active a = LeaseFixtures.active(port, jdbc);
        WebClient finance = WebClient.loggedIn(port, "yuyang.finance");
        BigDecimal before = held(finance, "610802");
        WebClient clerk = WebClient.loggedIn(port, "anju.staff");
        BigDecimal deposit = WebClient.json(clerk.getJson("/api/v1/leases/" + a.leaseId())).get("deposit").decimalValue();
        assertThat(clerk.postJson("/api/v1/rent-accounts/" + a.leaseId() + "/deposit", "{\"amount\":" + deposit + "}").statusCode()).isEqualTo(204);
        assertThat(held(finance, "610802")).isEqualByComparingTo(before);
        assertThat(jdbc.sql("select count(*) from payment where lease_id = ?").param(a.leaseId()).query(Long.class).single()).isZero();
        assertThat(WebClient.json(clerk.getJson("/api/v1/rent-accounts/" + a.leaseId())).get("depositHeld").decimalValue())
                .isEqualByComparingTo(deposit);
    }
}
