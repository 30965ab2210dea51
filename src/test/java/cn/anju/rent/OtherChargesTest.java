package cn.anju.rent;

import cn.anju.support.LeaseFixtures;
import cn.anju.support.PlatformTest;
import cn.anju.support.TestClock;
import cn.anju.support.WebClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Other charges go through the same bill run as their own charge types, are paid by their own payments, and never
 * reach rent: a rent payment never settles a property fee, and a property-fee payment is never remitted, held for the
 * treasury, or counted in the reconciliation's rent.
 */
@PlatformTest
class OtherChargesTest {

    static final LocalDate TODAY = TestClock.today();

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    BillRuns runs;

    BigDecimal sum(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(BigDecimal.class).single();
    }

    @Test
    void chargesAreBilledAndPaidApartFromRentAndNeverReachTheTreasury() {
        LeaseFixtures.Active a = LeaseFixtures.active(port, jdbc);
        WebClient clerk = WebClient.loggedIn(port, "anju.staff");
        String base = "/api/v1/rent-accounts/" + a.leaseId() + "/other-charges";
        assertThat(clerk.postJson(base, "{\"type\":\"PROPERTY_FEE\",\"basis\":\"PER_SQM\",\"amount\":1.20,\"effectiveFrom\":\"" + TODAY + "\"}")
                .statusCode()).isEqualTo(201);
        assertThat(clerk.postJson(base, "{\"type\":\"PARKING\",\"basis\":\"FIXED\",\"amount\":150.00,\"effectiveFrom\":\"" + TODAY + "\"}")
                .statusCode()).isEqualTo(201);
        assertThat(WebClient.json(clerk.postJson(base, "{\"type\":\"WATER\",\"basis\":\"FIXED\",\"amount\":-3}")).get("code").asString())
                .isEqualTo("CHARGE_AMOUNT");
        // the government sets neither: 403 before the body is read
        assertThat(WebClient.loggedIn(port, "yuyang.gov").postJson(base, "{}").statusCode()).isEqualTo(403);

        BillRuns.Result run = runs.run(BillRuns.Trigger.MANUAL, null, YearMonth.from(TODAY));
        assertThat(run.chargeBills()).isGreaterThanOrEqualTo(2);
        YearMonth month = YearMonth.from(TODAY);
        long days = month.atEndOfMonth().toEpochDay() - TODAY.toEpochDay() + 1;
        BigDecimal area = sum("select rent_area from lease where id = ?", a.leaseId());
        BigDecimal fee = sum("select amount from bill where lease_id = ? and charge_type = 'PROPERTY_FEE'", a.leaseId());
        assertThat(fee).isEqualByComparingTo(new BigDecimal("1.20").multiply(area).multiply(BigDecimal.valueOf(days))
                .divide(BigDecimal.valueOf(month.lengthOfMonth()), 2, RoundingMode.HALF_UP));
        BigDecimal parking = sum("select amount from bill where lease_id = ? and charge_type = 'PARKING'", a.leaseId());
        assertThat(parking).isEqualByComparingTo(new BigDecimal("150").multiply(BigDecimal.valueOf(days))
                .divide(BigDecimal.valueOf(month.lengthOfMonth()), 2, RoundingMode.HALF_UP));
        // a second run bills nothing more
        runs.run(BillRuns.Trigger.MANUAL, null, YearMonth.from(TODAY));
        assertThat(sum("select count(*) from bill where lease_id = ? and account = 'CHARGES'", a.leaseId())).isEqualByComparingTo("2");

        BigDecimal rentBilled = sum("select coalesce(sum(amount), 0) from bill where lease_id = ? and account = 'RENT'", a.leaseId());
        // a rent payment of more than the rent: the rent is paid, the rest is rent credit, the charges stay unpaid
        var rentPaid = WebClient.json(clerk.postJsonWithHeaders("/api/v1/payments", "{\"leaseId\":" + a.leaseId()
                + ",\"channel\":\"CASH\",\"amount\":" + rentBilled.add(new BigDecimal("500")) + "}", Map.of("Idempotency-Key", "oc-rent-" + a.leaseId())));
        var account = WebClient.json(clerk.getJson("/api/v1/rent-accounts/" + a.leaseId()));
        assertThat(account.get("outstanding").decimalValue()).isEqualByComparingTo("0");
        assertThat(account.get("creditBalance").decimalValue()).isEqualByComparingTo("500");
        assertThat(account.get("chargesOutstanding").decimalValue()).isEqualByComparingTo(fee.add(parking));
        assertThat(sum("select coalesce(sum(x.amount), 0) from payment_allocation x join bill b on b.id = x.bill_id where b.lease_id = ? and b.account = 'CHARGES'",
                a.leaseId())).isEqualByComparingTo("0");

        // the charges paid by their own payment: never in a remittance batch, never held for the treasury
        WebClient finance = WebClient.loggedIn(port, "yuyang.finance");
        BigDecimal heldBefore = held(finance);
        long chargesPayment = WebClient.json(clerk.postJsonWithHeaders("/api/v1/payments", "{\"leaseId\":" + a.leaseId()
                + ",\"channel\":\"POS\",\"amount\":" + fee.add(parking) + ",\"account\":\"CHARGES\"}", Map.of("Idempotency-Key", "oc-charges-" + a.leaseId())))
                .get("paymentId").asLong();
        assertThat(WebClient.json(clerk.getJson("/api/v1/rent-accounts/" + a.leaseId())).get("chargesOutstanding").decimalValue()).isEqualByComparingTo("0");
        assertThat(held(finance)).as("held for the treasury: rent only").isEqualByComparingTo(heldBefore);
        assertThat(jdbc.sql("select count(*) from fiscal_receipt where payment_id = ?").param(chargesPayment).query(Long.class).single())
                .as("no non-tax revenue e-receipt for a service charge").isZero();
        var batch = WebClient.loggedIn(port, "anju.manager").postJson("/api/v1/remittances", "{\"districtCode\":\"610802\",\"upTo\":\"" + TODAY + "\"}");
        assertThat(batch.statusCode()).as(batch.body()).isEqualTo(201);
        assertThat(jdbc.sql("select count(*) from remittance_item where payment_id = ?").param(chargesPayment).query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from remittance_item where payment_id = ?").param(rentPaid.get("paymentId").asLong())
                .query(Long.class).single()).isEqualTo(1);

        // the reconciliation's rent figures leave the charges out: billed is the rent bills only
        var rows = WebClient.json(finance.getJson("/api/v1/reconciliation?districtCode=610802&month=" + month));
        long project = jdbc.sql("select project_id from lease where id = ?").param(a.leaseId()).query(Long.class).single();
        BigDecimal billedRent = sum("""
                select coalesce(sum(b.amount), 0) + coalesce((select sum(case when a.kind = 'CREDIT' then -a.amount else a.amount end)
                    from bill_adjustment a join bill x on x.id = a.bill_id where x.project_id = ? and x.account = 'RENT'
                     and x.period_start between ? and ?), 0)
                  from bill b where b.project_id = ? and b.account = 'RENT' and b.period_start between ? and ?""",
                project, month.atDay(1), month.atEndOfMonth(), project, month.atDay(1), month.atEndOfMonth());
        rows.forEach(r -> {
            if (r.get("projectId").asLong() == project) {
                assertThat(r.get("billed").decimalValue()).isEqualByComparingTo(billedRent);
            }
        });
    }

    @Test
    void aNewAmountEndsTheCurrentOneTheDayBefore() {
        LeaseFixtures.Active a = LeaseFixtures.active(port, jdbc);
        WebClient clerk = WebClient.loggedIn(port, "anju.staff");
        String base = "/api/v1/rent-accounts/" + a.leaseId() + "/other-charges";
        clerk.postJson(base, "{\"type\":\"PROPERTY_FEE\",\"basis\":\"FIXED\",\"amount\":40.00,\"effectiveFrom\":\"" + TODAY + "\"}");
        assertThat(WebClient.json(clerk.postJson(base, "{\"type\":\"PROPERTY_FEE\",\"basis\":\"FIXED\",\"amount\":45.00,\"effectiveFrom\":\"" + TODAY + "\"}"))
                .get("code").asString()).isEqualTo("CHARGE_FROM_TOO_EARLY");
        LocalDate next = TODAY.plusMonths(1).withDayOfMonth(1);
        assertThat(clerk.postJson(base, "{\"type\":\"PROPERTY_FEE\",\"basis\":\"FIXED\",\"amount\":45.00,\"effectiveFrom\":\"" + next + "\"}").statusCode())
                .isEqualTo(201);
        var list = WebClient.json(clerk.getJson(base));
        assertThat(list.size()).isEqualTo(2);
        assertThat(list.findValuesAsString("effectiveTo")).contains(next.minusDays(1).toString());
        // another operator's clerk sees nothing of it
        assertThat(WebClient.loggedIn(port, "shenmu.op").getJson(base).statusCode()).isEqualTo(404);
    }

    @Test
    void meteredWaterAndElectricityAreBilledInArrearsFromTheMonthsReadings() {
        LeaseFixtures.Active a = LeaseFixtures.active(port, jdbc);
        YearMonth month = YearMonth.from(TODAY);
        YearMonth last = month.minusMonths(1);
        // the household has lived there since before last month
        jdbc.sql("update lease set start_date = ? where id = ?").params(last.atDay(1).minusMonths(1), a.leaseId()).update();
        WebClient clerk = WebClient.loggedIn(port, "anju.staff");
        String base = "/api/v1/rent-accounts/" + a.leaseId() + "/other-charges";
        assertThat(WebClient.json(clerk.postJson(base, "{\"type\":\"PARKING\",\"basis\":\"METERED\",\"amount\":1,\"effectiveFrom\":\"" + last.atDay(1) + "\"}"))
                .get("code").asString()).isEqualTo("CHARGE_METERED_UTILITIES");
        assertThat(clerk.postJson(base, "{\"type\":\"WATER\",\"basis\":\"METERED\",\"amount\":3.50,\"effectiveFrom\":\"" + last.atDay(1) + "\"}")
                .statusCode()).isEqualTo(201);
        assertThat(clerk.postJson(base, "{\"type\":\"ELECTRICITY\",\"basis\":\"METERED\",\"amount\":0.55,\"effectiveFrom\":\"" + last.atDay(1) + "\"}")
                .statusCode()).isEqualTo(201);
        // no reading yet: nothing to bill
        runs.run(BillRuns.Trigger.MANUAL, null, month);
        assertThat(sum("select count(*) from bill where lease_id = ? and charge_type in ('WATER', 'ELECTRICITY')", a.leaseId())).isEqualByComparingTo("0");
        // last month's reading arrives: the next run bills it, once
        long unit = jdbc.sql("select unit_id from lease where id = ?").param(a.leaseId()).query(Long.class).single();
        jdbc.sql("""
                insert into meter_reading (unit_id, month, water_m3, electricity_kwh, imported_at) values (?, ?, 6.40, 187.30, now())
                on conflict (unit_id, month) do update set water_m3 = 6.40, electricity_kwh = 187.30""")
                .params(unit, last.atDay(1)).update();
        runs.run(BillRuns.Trigger.MANUAL, null, month);
        runs.run(BillRuns.Trigger.MANUAL, null, month);
        assertThat(sum("select amount from bill where lease_id = ? and charge_type = 'WATER'", a.leaseId())).isEqualByComparingTo("22.40");
        assertThat(sum("select amount from bill where lease_id = ? and charge_type = 'ELECTRICITY'", a.leaseId())).isEqualByComparingTo("103.02");
        assertThat(jdbc.sql("select period_start from bill where lease_id = ? and charge_type = 'WATER'").param(a.leaseId())
                .query(LocalDate.class).single()).isEqualTo(last.atDay(1));
        var bills = WebClient.json(clerk.getJson("/api/v1/bills?leaseId=" + a.leaseId() + "&size=50")).get("items");
        assertThat(bills.findValuesAsString("basis")).contains("6.40m³×3.50元", "187.30kWh×0.55元");
        // metered charges are other charges: never rent
        assertThat(WebClient.json(clerk.getJson("/api/v1/rent-accounts/" + a.leaseId())).get("chargesOutstanding").decimalValue())
                .isEqualByComparingTo("125.42");
    }

    BigDecimal held(WebClient finance) {
        for (var h : WebClient.json(finance.getJson("/api/v1/treasury/held"))) {
            if (h.get("districtCode").asString().equals("610802")) {
                return h.get("held").decimalValue();
            }
        }
        return BigDecimal.ZERO;
    }
}
