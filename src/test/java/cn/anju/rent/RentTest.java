package cn.anju.rent;

import cn.anju.support.LeaseFixtures;
import cn.anju.support.Pdfs;
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
import java.sql.Date;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** Bills from standards and tiers, prorated; payments idempotent, oldest bill first, credit, reversal; the receipt. */
@PlatformTest
class RentTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    BillRuns runs;

    final LocalDate today = TestClock.today();
    final YearMonth month = YearMonth.from(today);

    /** What the rule says this lease's first bill is: M = round(standard × area × (1 − reduction), 2), then round(M × days/month, 2). */
    BigDecimal expectedFirstBill(long lease) {
        record Terms(BigDecimal area, String tier) {
        }
        Terms t = jdbc.sql("select rent_area, rent_tier from lease where id = ?").param(lease)
                .query((rs, n) -> new Terms(rs.getBigDecimal(1), rs.getString(2))).single();
        BigDecimal rate = t.tier().equals("MARKET") ? new BigDecimal("13.00") : new BigDecimal("6.50"); // demo 榆阳区 standards
        int off = switch (t.tier()) {
            case "REDUCED" -> 50;
            case "MINIMUM" -> 90;
            default -> 0;
        };
        long days = ChronoUnit.DAYS.between(today, month.atEndOfMonth()) + 1;
        BigDecimal monthly = rate.multiply(t.area()).multiply(BigDecimal.valueOf(100 - off)).divide(BigDecimal.valueOf(100))
                .setScale(2, RoundingMode.HALF_UP);
        return days == month.lengthOfMonth() ? monthly
                : monthly.multiply(BigDecimal.valueOf(days)).divide(BigDecimal.valueOf(month.lengthOfMonth()), 2, RoundingMode.HALF_UP);
    }

    JsonNode account(WebClient who, long lease) {
        return WebClient.json(who.getJson("/api/v1/rent-accounts/" + lease));
    }

    HttpResponse<String> pay(WebClient clerk, String key, long lease, String amount) {
        String body = "{\"leaseId\":" + lease + ",\"channel\":\"CASH\",\"amount\":" + amount + "}";
        return key == null ? clerk.postJson("/api/v1/payments", body) : clerk.postJsonWithHeaders("/api/v1/payments", body, Map.of("Idempotency-Key", key));
    }

    /** The contract's monthly rent is what a whole month bills (the demo's standards have not changed since 2024). */
    @Test
    void aWholeMonthBillsTheMonthlyRentTheContractPrints() {
        record Mismatch(String lease, BigDecimal contract, BigDecimal bill) {
        }
        var mismatches = jdbc.sql("""
                        select l.lease_number, l.monthly_rent, b.amount from bill b join lease l on l.id = b.lease_id
                         where b.charge_type = 'RENT' and b.monthly_amount is not null and b.line_amounts is null
                           and b.period_start = date_trunc('month', b.period_start)::date
                           and b.period_end = (date_trunc('month', b.period_start) + interval '1 month' - interval '1 day')::date
                           and l.monthly_rent > 0 and l.lease_number like '%-Z%'
                           and not exists (select 1 from lease_amendment a where a.lease_id = l.id)
                           and b.amount <> l.monthly_rent""")
                .query((rs, n) -> new Mismatch(rs.getString(1), rs.getBigDecimal(2), rs.getBigDecimal(3))).list();
        assertThat(jdbc.sql("select count(*) from bill where charge_type = 'RENT' and line_amounts is null and monthly_amount is not null")
                .query(Long.class).single()).isGreaterThan(1_000);
        assertThat(mismatches).as("whole-month bills that differ from the contract's monthly rent").isEmpty();
    }

    @Test
    void theDatabasesProrationIsTheDocumentedOne() {
        // billing_months (SQL, used by the bill run) and RentMath.billingMonths (Java, held by the property tests) agree
        Random random = new Random(7);
        for (int i = 0; i < 300; i++) {
            LocalDate a = LocalDate.of(2024, 1, 1).plusDays(random.nextInt(1_500));
            LocalDate b = a.plusDays(random.nextInt(400));
            BigDecimal sql = jdbc.sql("select billing_months(?, ?)").params(Date.valueOf(a), Date.valueOf(b))
                    .query(BigDecimal.class).single();
            assertThat(sql.subtract(RentMath.billingMonths(a, b)).abs()).as(a + " .. " + b).isLessThan(new BigDecimal("1e-12"));
        }
    }

    @Test
    void aNewLeaseIsBilledFromItsStartProratedAndARerunAddsNothing() {
        LeaseFixtures.Active a = LeaseFixtures.active(port, jdbc);
        BillRuns.Result first = runs.run(BillRuns.Trigger.MANUAL, null, month);
        assertThat(first.bills()).isGreaterThanOrEqualTo(1);
        BillRuns.Result again = runs.run(BillRuns.Trigger.MANUAL, null, month);
        assertThat(again.bills()).as("a rerun never duplicates").isZero();
        var bills = WebClient.json(WebClient.loggedIn(port, "anju.staff").getJson("/api/v1/bills?leaseId=" + a.leaseId())).get("items");
        assertThat(bills.size()).isEqualTo(1);
        JsonNode bill = bills.get(0);
        assertThat(bill.get("chargeType").asString()).isEqualTo("RENT");
        assertThat(bill.get("periodStart").asString()).isEqualTo(today.toString());
        assertThat(bill.get("periodEnd").asString()).isEqualTo(month.atEndOfMonth().toString());
        assertThat(bill.get("amount").decimalValue()).isEqualByComparingTo(expectedFirstBill(a.leaseId()));
        assertThat(bill.get("basis").asString()).contains("元/㎡", "月");
        assertThat(jdbc.sql("select count(*) from audit_log where action = 'BILL_RUN' and target_id = ?").param(String.valueOf(first.runId()))
                .query(Long.class).single()).as("one audit entry per run, not per bill").isEqualTo(1);
        // next month's run bills the whole month
        runs.run(BillRuns.Trigger.MANUAL, null, month.plusMonths(1));
        assertThat(jdbc.sql("select count(*) from bill where lease_id = ? and period_start = ?").params(a.leaseId(), month.plusMonths(1).atDay(1))
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aPaymentIsIdempotentGoesToTheOldestBillAndTheRestBecomesCredit() {
        LeaseFixtures.Active a = LeaseFixtures.active(port, jdbc);
        runs.run(BillRuns.Trigger.MANUAL, null, month);
        runs.run(BillRuns.Trigger.MANUAL, null, month.plusMonths(1));
        WebClient clerk = WebClient.loggedIn(port, "anju.staff");
        BigDecimal owed = account(clerk, a.leaseId()).get("outstanding").decimalValue();
        assertThat(owed.signum()).isPositive();

        assertThat(WebClient.json(pay(clerk, null, a.leaseId(), "10")).get("code").asString()).isEqualTo("IDEMPOTENCY_KEY_REQUIRED");
        String key = "test-" + System.nanoTime();
        String amount = owed.add(new BigDecimal("50.00")).toPlainString();
        HttpResponse<String> first = pay(clerk, key, a.leaseId(), amount);
        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
        HttpResponse<String> retry = pay(clerk, key, a.leaseId(), amount);
        assertThat(retry.statusCode()).as("a retry returns the first result").isEqualTo(200);
        assertThat(WebClient.json(retry).get("receiptNumber").asString()).isEqualTo(WebClient.json(first).get("receiptNumber").asString());
        assertThat(WebClient.json(pay(clerk, key, a.leaseId(), "1.00")).get("code").asString()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
        assertThat(jdbc.sql("select count(*) from payment where lease_id = ?").param(a.leaseId()).query(Long.class).single()).isEqualTo(1);

        JsonNode acc = account(clerk, a.leaseId());
        assertThat(acc.get("outstanding").decimalValue()).isEqualByComparingTo("0");
        assertThat(acc.get("creditBalance").decimalValue()).isEqualByComparingTo("50.00");
        // allocations add up to the payment, and the older bill was paid first
        assertThat(jdbc.sql("select sum(amount) from payment_allocation where payment_id = ?")
                .param(WebClient.json(first).get("paymentId").asLong()).query(BigDecimal.class).single()).isEqualByComparingTo(amount);

        // the credit moves onto the next bill when it is made
        runs.run(BillRuns.Trigger.MANUAL, null, month.plusMonths(2));
        acc = account(clerk, a.leaseId());
        JsonNode latest = acc.get("bills").get(0);
        BigDecimal newBill = latest.get("amount").decimalValue();
        BigDecimal credit = new BigDecimal("50.00");
        assertThat(latest.get("paid").decimalValue()).isEqualByComparingTo(credit.min(newBill));
        assertThat(acc.get("creditBalance").decimalValue()).isEqualByComparingTo(credit.subtract(newBill).max(BigDecimal.ZERO));

        // the receipt prints in Chinese with the amount in capitals and the fiscal e-receipt number
        HttpResponse<byte[]> pdf = clerk.getBytes("/api/v1/payments/" + WebClient.json(first).get("paymentId").asLong() + "/receipt");
        assertThat(pdf.statusCode()).isEqualTo(200);
        String text = Pdfs.text(pdf.body());
        assertThat(text).contains("公共租赁住房租金收款收据", WebClient.json(first).get("receiptNumber").asString(), "人民币", "元", "SIM-");
        assertThat(WebClient.loggedIn(port, "shenmu.op").getBytes("/api/v1/payments/" + WebClient.json(first).get("paymentId").asLong() + "/receipt")
                .statusCode()).isEqualTo(404);
    }

    @Test
    void aReversalUndoesThePaymentBillByBillAndOnlyAManagerMayDoIt() {
        LeaseFixtures.Active a = LeaseFixtures.active(port, jdbc);
        runs.run(BillRuns.Trigger.MANUAL, null, month);
        WebClient clerk = WebClient.loggedIn(port, "anju.staff");
        BigDecimal owed = account(clerk, a.leaseId()).get("outstanding").decimalValue();
        long payment = WebClient.json(pay(clerk, "rev-" + System.nanoTime(), a.leaseId(), owed.toPlainString())).get("paymentId").asLong();
        assertThat(account(clerk, a.leaseId()).get("outstanding").decimalValue()).isEqualByComparingTo("0");

        assertThat(clerk.postJson("/api/v1/payments/" + payment + "/reversal", "{\"reason\":\"收错户\"}").statusCode()).isEqualTo(403);
        WebClient manager = WebClient.loggedIn(port, "anju.manager");
        assertThat(WebClient.json(manager.postJson("/api/v1/payments/" + payment + "/reversal", "{\"reason\":\" \"}")).get("code").asString())
                .isEqualTo("REASON_REQUIRED");
        assertThat(manager.postJson("/api/v1/payments/" + payment + "/reversal", "{\"reason\":\"收错户\"}").statusCode()).isEqualTo(201);
        assertThat(manager.postJson("/api/v1/payments/" + payment + "/reversal", "{\"reason\":\"再次\"}").statusCode()).isEqualTo(409);
        assertThat(account(clerk, a.leaseId()).get("outstanding").decimalValue()).isEqualByComparingTo(owed);
        // nothing was edited: the original stands, beside its reversal
        assertThat(jdbc.sql("select amount from payment where lease_id = ? order by id").param(a.leaseId()).query(BigDecimal.class).list())
                .usingElementComparator(BigDecimal::compareTo).containsExactly(owed, owed.negate());
    }

    @Test
    void lateFeesAccrueOnThePrincipalAndArePostedWhenTheMoneyComes() {
        LeaseFixtures.Active a = LeaseFixtures.active(port, jdbc);
        runs.run(BillRuns.Trigger.MANUAL, null, month);
        var bill = jdbc.sql("select id, due_date, amount from bill where lease_id = ?").param(a.leaseId())
                .query((rs, n) -> new Object[]{rs.getLong(1), rs.getObject(2, LocalDate.class), rs.getBigDecimal(3)}).single();
        LocalDate due = (LocalDate) bill[1];
        BigDecimal principal = (BigDecimal) bill[2];
        // ten days past the due date, whichever day of the month the suite's clock starts on
        long forward = Math.max(0, ChronoUnit.DAYS.between(today, due)) + 10;
        long days = ChronoUnit.DAYS.between(due, today.plusDays(forward));
        TestClock.advance(Duration.ofDays(forward));
        try {
            WebClient clerk = WebClient.loggedIn(port, "anju.staff");
            JsonNode acc = account(clerk, a.leaseId());
            BigDecimal expected = principal.multiply(new BigDecimal("0.0005")).multiply(BigDecimal.valueOf(days)).setScale(2, RoundingMode.HALF_UP)
                    .min(principal);
            assertThat(acc.get("lateFeeAccrued").decimalValue()).isEqualByComparingTo(expected);
            assertThat(acc.get("arrears").decimalValue()).isEqualByComparingTo(principal);
            HttpResponse<String> paid = pay(clerk, "fee-" + System.nanoTime(), a.leaseId(), principal.add(expected).toPlainString());
            assertThat(paid.statusCode()).as(paid.body()).isEqualTo(201);
            acc = account(clerk, a.leaseId());
            assertThat(acc.get("outstanding").decimalValue()).isEqualByComparingTo("0");
            assertThat(acc.get("lateFeeAccrued").decimalValue()).isEqualByComparingTo("0");
            // (on 31 December the bill is one day's rent, whose ten days' fee may round to nothing: then nothing is posted)
            assertThat(jdbc.sql("select coalesce(sum(amount), 0) from bill_adjustment where bill_id = ? and kind = 'LATE_FEE'").param(bill[0])
                    .query(BigDecimal.class).single()).isEqualByComparingTo(expected);
        } finally {
            TestClock.reset();
        }
    }

    @Test
    void theCashiersDayClosesToTheFenAndTheCollectionRateShowsItsBills() {
        LeaseFixtures.Active a = LeaseFixtures.active(port, jdbc);
        runs.run(BillRuns.Trigger.MANUAL, null, month);
        WebClient clerk = WebClient.loggedIn(port, "anju.staff");
        BigDecimal before = closingNet(clerk);
        long p1 = WebClient.json(pay(clerk, "closing-1-" + System.nanoTime(), a.leaseId(), "20.05")).get("paymentId").asLong();
        pay(clerk, "closing-2-" + System.nanoTime(), a.leaseId(), "0.10");
        WebClient manager = WebClient.loggedIn(port, "anju.manager");
        assertThat(manager.postJson("/api/v1/payments/" + p1 + "/reversal", "{\"reason\":\"日结测试\"}").statusCode()).isEqualTo(201);
        // the cashier's own line: taken 20.15, reversed 20.05, net 0.10 more than before
        assertThat(closingNet(clerk).subtract(before)).isEqualByComparingTo("0.10");
        assertThat(WebClient.loggedIn(port, "yuyang.finance").getJson("/api/v1/cashier-closing").statusCode()).isEqualTo(403);

        JsonNode rate = WebClient.json(WebClient.loggedIn(port, "yuyang.finance").getJson("/api/v1/collection-rate?districtCode=610802&month=" + month));
        BigDecimal due = rate.get("due").decimalValue();
        BigDecimal collected = rate.get("collected").decimalValue();
        assertThat(due).isPositive();
        assertThat(rate.get("rate").decimalValue()).isEqualByComparingTo(collected.divide(due, 4, RoundingMode.HALF_UP));
        rate.get("unpaidBills").forEach(b -> assertThat(b.get("outstanding").decimalValue()).isPositive());
    }

    BigDecimal closingNet(WebClient cashier) {
        BigDecimal net = BigDecimal.ZERO;
        for (JsonNode line : WebClient.json(cashier.getJson("/api/v1/cashier-closing"))) {
            assertThat(line.get("cashier").asString()).isEqualTo("周明"); // a cashier sees only their own lines
            net = net.add(line.get("net").decimalValue());
        }
        return net;
    }
}
