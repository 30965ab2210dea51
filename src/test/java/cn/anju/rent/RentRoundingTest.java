package cn.anju.rent;

import cn.anju.identity.OrganisationType;
import cn.anju.identity.TestAccounts;
import cn.anju.shared.Role;
import cn.anju.support.TestClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One rounding rule, held over generated leases (docs/rent.md): leases starting and ending on any day, billed monthly,
 * quarterly or half-yearly, in every tier, while the standard, the market standard and a tier's reduction change in
 * the middle of the year. After a year of bill runs, every bill (a) equals the sum of its printed month lines, each
 * line recomputable from what it prints, and (b) equals what {@link RentMath} says from the lease and the standards
 * alone. Its own database with no demo data, so the year of bills disturbs no other test. The seed is printed; rerun
 * one with {@code -Drent.rounding.seed=…}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = {
        "anju.embedded-db.database=anju_rent_rounding", "anju.rent.bill-cron=-", "anju.lease.daily-cron=-",
        "anju.rent.bill-chunk=97"})
@ActiveProfiles("test")
@Import(TestClock.Config.class)
class RentRoundingTest {

    static final long SEED = Long.getLong("rent.rounding.seed", System.nanoTime());
    static final int LEASES = 300;
    static final String[] TIERS = {"STANDARD", "REDUCED", "MINIMUM", "MARKET"};
    static final String[] CYCLES = {"MONTHLY", "QUARTERLY", "HALF_YEARLY"};

    @Autowired
    JdbcClient jdbc;
    @Autowired
    BillRuns runs;
    @Autowired
    TestAccounts identity;

    record Lease(long id, String tier, BigDecimal area, String cycle, LocalDate start, LocalDate end) {
    }

    record Change(LocalDate from, BigDecimal value) {
    }

    /** The leases, standards and district reductions as the generator made them, and their year of bills (once per class: one database). */
    static final List<Lease> leases = new ArrayList<>();
    static final Map<String, List<Change>> standards = new HashMap<>();
    static final Map<String, List<Change>> fixedReductions = new HashMap<>();

    synchronized void generated() {
        if (leases.isEmpty()) {
            System.out.println("RentRoundingTest seed " + SEED);
            leases.addAll(generate(new Random(SEED)));
            // a year of bill runs, month by month, as the nightly job makes them
            for (int m = 1; m <= 12; m++) {
                runs.run(BillRuns.Trigger.SCHEDULED, null, YearMonth.of(2027, m));
            }
        }
    }

    @Test
    void everyBillIsTheSumOfItsPrintedMonthPiecesAndWhatTheRuleSays() {
        generated();
        record Bill(long id, long lease, LocalDate start, LocalDate end, BigDecimal amount) {
        }
        Map<String, Bill> actual = new TreeMap<>();
        jdbc.sql("select id, lease_id, period_start, period_end, amount from bill where charge_type = 'RENT' and period_start < date '2028-01-01'")
                .query((rs, n) -> new Bill(rs.getLong(1), rs.getLong(2), rs.getObject(3, LocalDate.class), rs.getObject(4, LocalDate.class),
                        rs.getBigDecimal(5)))
                .list().forEach(b -> actual.put(b.lease() + " " + b.start() + ".." + b.end(), b));

        // (b) what the rule says, from the lease and the standards alone
        Map<String, BigDecimal> expected = new TreeMap<>();
        for (Lease l : leases) {
            int months = switch (l.cycle()) {
                case "QUARTERLY" -> 3;
                case "HALF_YEARLY" -> 6;
                default -> 1;
            };
            for (YearMonth p = YearMonth.of(2027, 1); p.getYear() == 2027; p = p.plusMonths(months)) {
                LocalDate s = max(p.atDay(1), l.start());
                LocalDate e = min(p.plusMonths(months - 1).atEndOfMonth(), l.end());
                if (!e.isBefore(s)) {
                    expected.put(l.id() + " " + s + ".." + e, RentMath.bill(m -> monthly(l, m), s, e));
                }
            }
        }
        assertThat(actual.keySet()).as("seed " + SEED + ": the bills made are the periods the leases run in").isEqualTo(expected.keySet());
        actual.forEach((key, bill) -> assertThat(bill.amount()).as("seed " + SEED + ": " + key).isEqualByComparingTo(expected.get(key)));

        // (a) every bill from its printed lines, every line from what it prints
        record Line(long bill, LocalDate from, LocalDate to, BigDecimal rate, BigDecimal area, String reduction, BigDecimal monthly,
                    BigDecimal amount) {
        }
        Map<Long, BigDecimal> sums = new HashMap<>();
        jdbc.sql("select bill_id, period_start, period_end, yuan_per_sqm, rent_area, reduction, monthly_rent, amount from bill_printed_line")
                .query((rs, n) -> new Line(rs.getLong(1), rs.getObject(2, LocalDate.class), rs.getObject(3, LocalDate.class),
                        rs.getBigDecimal(4), rs.getBigDecimal(5), rs.getString(6), rs.getBigDecimal(7), rs.getBigDecimal(8)))
                .list().forEach(line -> {
                    String mode = line.reduction().isEmpty() ? null : line.reduction().endsWith("%") ? "PERCENT" : "FIXED";
                    BigDecimal off = mode == null ? null : new BigDecimal(line.reduction().replace("%", ""));
                    assertThat(line.monthly()).as("M of a printed line").isEqualByComparingTo(RentMath.monthlyRent(line.rate(), line.area(), mode, off));
                    assertThat(line.amount()).as("a printed line").isEqualByComparingTo(RentMath.piece(line.monthly(), line.from(), line.to()));
                    sums.merge(line.bill(), line.amount(), BigDecimal::add);
                });
        actual.values().forEach(b -> assertThat(sums.get(b.id())).as("seed " + SEED + ": Σ lines of bill " + b.id()).isEqualByComparingTo(b.amount()));
        assertThat(jdbc.sql("select count(*) from bill where line_amounts is not null").query(Long.class).single()).as("multi-month bills print their months").isPositive();
    }

    /** Two runs of one month at once (a manual run meeting the nightly one): each bill made once, and counted by one run. */
    @Test
    void twoRunsOfOneMonthAtOnceMakeEachBillOnceAndEachRunCountsWhatItWrote() throws Exception {
        generated();
        YearMonth month = YearMonth.of(2028, 1);
        CountDownLatch go = new CountDownLatch(1);
        try (var pool = Executors.newFixedThreadPool(2)) {
            var first = pool.submit(() -> {
                go.await();
                return runs.run(BillRuns.Trigger.MANUAL, null, month);
            });
            var second = pool.submit(() -> {
                go.await();
                return runs.run(BillRuns.Trigger.SCHEDULED, null, month);
            });
            go.countDown();
            BillRuns.Result a = first.get();
            BillRuns.Result b = second.get();
            long made = jdbc.sql("select count(*) from bill where charge_type = 'RENT' and period_start >= date '2028-01-01'").query(Long.class).single();
            assertThat(made).as("some leases run into 2028").isPositive();
            assertThat(a.bills() + b.bills()).as("each bill in exactly one run's count").isEqualTo(made);
            assertThat(a.total().add(b.total())).isEqualByComparingTo(jdbc.sql(
                    "select sum(amount) from bill where charge_type = 'RENT' and period_start >= date '2028-01-01'").query(BigDecimal.class).single());
        }
    }

    /** M for the lease in a month: the standard of its kind, less its tier's reduction, in force on the month's first day. */
    BigDecimal monthly(Lease l, YearMonth m) {
        LocalDate day = m.atDay(1);
        boolean market = l.tier().equals("MARKET");
        BigDecimal rate = inForce(standards.get(market ? "MARKET" : "STANDARD"), day);
        if (market) {
            return RentMath.monthlyRent(rate, l.area(), null, null);
        }
        BigDecimal fixed = inForce(fixedReductions.getOrDefault(l.tier(), List.of()), day);
        if (fixed != null) {
            return RentMath.monthlyRent(rate, l.area(), "FIXED", fixed);
        }
        int percent = switch (l.tier()) { // the city's defaults (V13)
            case "REDUCED" -> 50;
            case "MINIMUM" -> 90;
            default -> 0;
        };
        return RentMath.monthlyRent(rate, l.area(), "PERCENT", BigDecimal.valueOf(percent));
    }

    static BigDecimal inForce(List<Change> changes, LocalDate day) {
        BigDecimal value = null;
        for (Change c : changes) {
            if (!c.from().isAfter(day)) {
                value = c.value();
            }
        }
        return value;
    }

    static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

    List<Lease> generate(Random random) {
        identity.organisation("HS-610802", "榆阳区住房保障中心", OrganisationType.DISTRICT_HOUSING, "610802", null);
        identity.account("rounding.gov", "舍入测试", "HS-610802", Set.of(Role.GOV_OFFICER), Set.of(), "Rounding-Test-29", false);
        long officer = identity.userId("rounding.gov");
        long project = jdbc.sql("""
                        insert into project (district_code, name, address, built_year, created_at)
                        values ('610802', '舍入测试项目', '榆阳区测试路1号', 2015, now()) returning id""").query(Long.class).single();
        long building = jdbc.sql("insert into building (project_id, district_code, number, floors, has_elevator) values (?, '610802', '1', 30, true) returning id")
                .param(project).query(Long.class).single();
        // standards: one from long ago and a change on the first day of a month of 2027, for each kind
        for (String kind : List.of("STANDARD", "MARKET")) {
            BigDecimal base = new BigDecimal(kind.equals("STANDARD") ? "6.50" : "13.00");
            Change later = new Change(LocalDate.of(2027, 2 + random.nextInt(11), 1), BigDecimal.valueOf(300 + random.nextInt(1200), 2));
            standards.put(kind, List.of(new Change(LocalDate.of(2020, 1, 1), base), later));
            for (Change c : standards.get(kind)) {
                jdbc.sql("""
                                insert into rent_standard (project_id, district_code, kind, yuan_per_sqm, effective_from, approved_by, approved_at, reason)
                                values (?, '610802', ?, ?, ?, ?, now(), '舍入测试')""")
                        .params(project, kind, c.value(), Date.valueOf(c.from()), officer).update();
            }
        }
        // the district's own fixed reduction for the lowest tier, from a month of 2027 (over the city's 90 %)
        Change fixed = new Change(LocalDate.of(2027, 2 + random.nextInt(11), 1), BigDecimal.valueOf(5_000 + random.nextInt(40_000), 2));
        fixedReductions.put("MINIMUM", List.of(fixed));
        jdbc.sql("""
                        insert into rent_tier_reduction (region_code, rent_tier, mode, amount, effective_from, changed_by, reason)
                        values ('610802', 'MINIMUM', 'FIXED', ?, ?, ?, '舍入测试：本区低保户每月减免固定金额')""")
                .params(fixed.value(), Date.valueOf(fixed.from()), officer).update();
        List<Lease> leases = new ArrayList<>();
        for (int i = 0; i < LEASES; i++) {
            BigDecimal area = BigDecimal.valueOf(2_500 + random.nextInt(7_500), 2);
            String tier = TIERS[random.nextInt(TIERS.length)];
            String cycle = CYCLES[random.nextInt(CYCLES.length)];
            LocalDate start = LocalDate.of(2026, 12, 1).plusDays(random.nextInt(330));
            LocalDate end = start.plusDays(20 + random.nextInt(400));
            long unit = jdbc.sql("""
                            insert into unit (project_id, building_id, district_code, floor, number, layout, building_area, usable_area, rent_area, status)
                            values (?, ?, '610802', ?, ?, '一室一厅', 60.00, 50.00, ?, 'OCCUPIED') returning id""")
                    .params(project, building, i / 10 + 1, Integer.toString(1000 + i), area).query(Long.class).single();
            long household = jdbc.sql("""
                            insert into household (district_code, category, registered_on, created_at)
                            values ('610802', 'LOW_INCOME', date '2020-01-01', now()) returning id""").query(Long.class).single();
            long decision = jdbc.sql("""
                            insert into eligibility_decision (household_id, district_code, decision_number, issuing_bureau, decided_on, valid_from,
                                                              valid_to, approved_area, rent_tier, status, created_by, created_at)
                            values (?, '610802', ?, '榆阳区住房保障中心', date '2026-01-01', date '2026-01-01', date '2030-12-31', 60, ?, 'VALID', ?, now())
                            returning id""")
                    .params(household, "ROUND-" + i, tier, officer).query(Long.class).single();
            long lease = jdbc.sql("""
                            insert into lease (lease_number, district_code, project_id, unit_id, household_id, eligibility_decision_id, rent_tier,
                                               monthly_rent, deposit, start_date, end_date, status, created_by, created_at, rent_area, billing_cycle)
                            values (?, '610802', ?, ?, ?, ?, ?, 0, 0, ?, ?, 'ACTIVE', ?, now(), ?, ?) returning id""")
                    .params("610802-ROUND-" + i, project, unit, household, decision, tier, Date.valueOf(start), Date.valueOf(end), officer, area, cycle)
                    .query(Long.class).single();
            jdbc.sql("insert into lease_event (lease_id, kind, detail, actor, at) values (?, 'MOVED_IN', '', ?, now())").params(lease, officer).update();
            leases.add(new Lease(lease, tier, area, cycle, start, end));
        }
        return leases;
    }
}
