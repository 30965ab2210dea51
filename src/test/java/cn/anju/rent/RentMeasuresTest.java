package cn.anju.rent;

import cn.anju.identity.ScopeFilter;
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
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The rent module's measures on the demo data, each recomputed from the tables by the test's own SQL. */
@PlatformTest
class RentMeasuresTest {

    static final String[] DISTRICTS = {"610802", "610881"};

    @Autowired
    Measures measures;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ArrearsReports arrears;

    final LocalDate today = TestClock.today();

    @Test
    void collectionRateIsWhatWasPaidOnTheMonthsRentBillsOverWhatTheyAsk() {
        YearMonth month = YearMonth.from(today).minusMonths(1);
        MeasureValue v = measures.compute("RENT_COLLECTION_RATE", MeasureScope.districts(DISTRICTS),
                new MeasurePeriod.Range(month.atDay(1), month.atEndOfMonth()));
        Map<Long, BigDecimal[]> bills = new HashMap<>();
        jdbc.sql("""
                        select b.id, b.amount + coalesce((select sum(case a.kind when 'CREDIT' then -a.amount else a.amount end)
                                                             from bill_adjustment a where a.bill_id = b.id), 0),
                               coalesce((select sum(x.amount) from payment_allocation x where x.bill_id = b.id), 0)
                          from bill b where b.district_code in ('610802', '610881') and b.charge_type in ('RENT', 'RENT_MARKET')
                           and b.period_start >= ? and b.period_start <= ?""")
                .params(month.atDay(1), month.atEndOfMonth())
                .query(rs -> {
                    bills.put(rs.getLong(1), new BigDecimal[]{rs.getBigDecimal(2), rs.getBigDecimal(3)});
                });
        MeasureChecks.amountRatio(v, bills);
        assertThat(v.ratio()).as("most of last month's rent was paid, not all").isStrictlyBetween(BigDecimal.ZERO, BigDecimal.ONE);
    }

    @Test
    void arrearsByAgeCountsHouseholdsByMonthsOfRentOwedAsTheArrearsReportDoes() {
        MeasureValue v = measures.compute("ARREARS_BY_AGE", MeasureScope.districts(DISTRICTS), new MeasurePeriod.AsOf(today));
        // each lease still lived in: overdue rent principal, and the monthly rent of its latest whole-month rent bill
        Map<Long, BigDecimal> overdue = new HashMap<>();
        jdbc.sql("""
                        select b.lease_id, greatest(b.amount - coalesce((select sum(x.amount) from payment_allocation x where x.bill_id = b.id), 0), 0)
                          from bill b join lease l on l.id = b.lease_id
                         where b.district_code in ('610802', '610881') and b.charge_type in ('RENT', 'RENT_MARKET') and b.due_date < ?
                           and l.moved_out_on is null""")
                .param(today).query(rs -> {
                    overdue.merge(rs.getLong(1), rs.getBigDecimal(2), BigDecimal::add);
                });
        Map<Long, BigDecimal> monthly = new HashMap<>();
        jdbc.sql("select lease_id, round(amount / months, 2) from bill where charge_type = 'RENT' and months > 0 order by lease_id, months >= 1, period_start")
                .query(rs -> {
                    monthly.put(rs.getLong(1), rs.getBigDecimal(2)); // the last row per lease wins: whole month first, then latest
                });
        Map<String, Long> bands = new LinkedHashMap<>(Map.of("UNDER_1", 0L, "FROM_1_TO_3", 0L, "FROM_3_TO_6", 0L, "FROM_6", 0L));
        overdue.forEach((lease, owed) -> {
            BigDecimal m = monthly.get(lease);
            if (owed.signum() > 0 && m != null && m.signum() > 0) {
                String band = owed.compareTo(m.multiply(BigDecimal.valueOf(6))) >= 0 ? "FROM_6"
                        : owed.compareTo(m.multiply(BigDecimal.valueOf(3))) >= 0 ? "FROM_3_TO_6"
                        : owed.compareTo(m) >= 0 ? "FROM_1_TO_3" : "UNDER_1";
                bands.merge(band, 1L, Long::sum);
            }
        });
        assertThat(v.breakdown()).extracting(MeasureValue.Share::category).containsExactly("UNDER_1", "FROM_1_TO_3", "FROM_3_TO_6", "FROM_6");
        bands.forEach((band, count) -> assertThat(v.countOf(band)).as(band).isEqualTo(count));
        assertThat(v.value()).isEqualByComparingTo(BigDecimal.valueOf(bands.values().stream().mapToLong(Long::longValue).sum()));
        assertThat(v.countOf("FROM_6")).as("the demo has households six months behind").isPositive();
        assertThat(v.countOf("FROM_1_TO_3")).as("and some a month or two").isPositive();
        // the top band is the six-months report's list (the demo's threshold is the policy's six months everywhere)
        assertThat(v.countOf("FROM_6")).isEqualTo(arrears.atThreshold(new ScopeFilter("b.district_code = any(?)", List.of((Object) DISTRICTS)), today)
                .size());
    }

    @Test
    void rentHeldIsCollectedLessWhatFinanceConfirmedByTheDay() {
        LocalDate endOfLastMonth = today.withDayOfMonth(1).minusDays(1);
        for (LocalDate day : List.of(today, endOfLastMonth, today.minusMonths(2))) {
            MeasureValue v = measures.compute("RENT_HELD", MeasureScope.districts("610802"), new MeasurePeriod.AsOf(day));
            Timestamp end = Timestamp.from(day.plusDays(1).atStartOfDay(TestClock.ZONE).toInstant());
            BigDecimal received = jdbc.sql("select coalesce(sum(amount), 0) from payment where district_code = '610802' and account = 'RENT' and received_at < ?")
                    .param(end).query(BigDecimal.class).single();
            BigDecimal confirmed = jdbc.sql("""
                            select coalesce(sum(p.amount), 0) from remittance_batch b join remittance_item i on i.batch_id = b.id
                              join payment p on p.id = i.payment_id
                             where b.district_code = '610802' and b.status = 'CONFIRMED' and b.confirmed_at < ? and p.received_at < ?""")
                    .params(end, end).query(BigDecimal.class).single();
            assertThat(v.value()).as("held on " + day).isEqualByComparingTo(received.subtract(confirmed));
            if (!day.isBefore(endOfLastMonth)) {
                assertThat(v.value().signum()).as("the demo's last month waits for finance on " + day).isPositive();
            }
        }
    }

    @Test
    void rentRemittedIsWhatFinanceConfirmedInThePeriodAndKeepsTheHeldLedgerWhole() {
        LocalDate from = today.minusDays(90);
        MeasureValue v = measures.compute("RENT_REMITTED", MeasureScope.districts("610802"), new MeasurePeriod.Range(from, today));
        BigDecimal batches = jdbc.sql("""
                        select coalesce(sum(amount), 0) from remittance_batch where district_code = '610802' and status = 'CONFIRMED'
                           and (confirmed_at at time zone 'Asia/Shanghai')::date between ? and ?""")
                .params(from, today).query(BigDecimal.class).single();
        assertThat(v.value()).isEqualByComparingTo(batches).isPositive();
        // held at the end = held the day before the start + received in the period − remitted in it
        BigDecimal received = jdbc.sql("""
                        select coalesce(sum(amount), 0) from payment where district_code = '610802' and account = 'RENT'
                           and (received_at at time zone 'Asia/Shanghai')::date between ? and ?""")
                .params(from, today).query(BigDecimal.class).single();
        BigDecimal heldBefore = measures.compute("RENT_HELD", MeasureScope.districts("610802"), new MeasurePeriod.AsOf(from.minusDays(1))).value();
        BigDecimal heldAfter = measures.compute("RENT_HELD", MeasureScope.districts("610802"), new MeasurePeriod.AsOf(today)).value();
        assertThat(heldAfter).isEqualByComparingTo(heldBefore.add(received).subtract(v.value()));
    }
}
