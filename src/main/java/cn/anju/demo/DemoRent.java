package cn.anju.demo;

import cn.anju.identity.IdentitySeeding;
import cn.anju.rent.BillRuns;
import cn.anju.rent.RentSeeding;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Demo rent (the standards come first, {@link DemoRentStandards}): deposits received, six months of
 * bills made by the real bill run, and payments through the real counter: most households paid up to last month,
 * some owe a month or two, a few owe six months or more (the arrears a case is opened for).
 */
@Component
@Profile("demo")
@Order(40)
class DemoRent implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoRent.class);

    private final RentSeeding seeding;
    private final BillRuns runs;
    private final IdentitySeeding identity;
    private final JdbcClient jdbc;
    private final Clock clock;

    DemoRent(RentSeeding seeding, BillRuns runs, IdentitySeeding identity, JdbcClient jdbc, Clock clock) {
        this.seeding = seeding;
        this.runs = runs;
        this.identity = identity;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (seeding.hasBills()) {
            return;
        }
        int deposits = seeding.depositsReceived();
        YearMonth now = YearMonth.now(clock.withZone(ZoneId.of("Asia/Shanghai")));
        int bills = 0;
        for (int back = 6; back >= 0; back--) {
            bills += runs.run(BillRuns.Trigger.SCHEDULED, null, now.minusMonths(back)).bills();
        }
        // history: most households paid every bill on time; some missed the last month or two; a few paid nothing for
        // six months and more (the arrears a case is opened for)
        Random random = new Random(2028);
        LocalDate today = LocalDate.now(clock.withZone(ZoneId.of("Asia/Shanghai")));
        Map<Long, List<RentSeeding.DueBill>> byLease = new LinkedHashMap<>();
        seeding.dueBefore(today).forEach(b -> byLease.computeIfAbsent(b.leaseId(), k -> new ArrayList<>()).add(b));
        List<RentSeeding.DueBill> paidBills = new ArrayList<>();
        // tenant.demo always owes this month's rent, whatever the day, so that paying online can be tried
        List<Long> demoTenantLeases = jdbc.sql("""
                        select l.id from lease l join app_user u on u.household_id = l.household_id where u.username = 'tenant.demo'""")
                .query(Long.class).list();
        for (Long lease : demoTenantLeases) {
            byLease.computeIfPresent(lease, (k, v) -> v.stream().filter(b -> b.periodStart().isBefore(now.atDay(1))).toList());
        }
        for (List<RentSeeding.DueBill> leaseBills : byLease.values()) {
            int roll = random.nextInt(100);
            if (roll < 4) {
                continue;
            }
            LocalDate cutoff = roll < 14 ? today.minusMonths(2) : today;
            leaseBills.stream().filter(b -> b.dueDate().isBefore(cutoff)).forEach(paidBills::add);
        }
        int paid = seeding.paidOnTime(paidBills, Map.of("610802", identity.userId("anju.staff"), "610803", identity.userId("anju.staff"),
                "610881", identity.userId("shenmu.op")));
        long anju = jdbc.sql("select id from organisation where code = 'OP-YLAJ'").query(Long.class).single();
        long shenmuOp = jdbc.sql("select id from organisation where code = 'OP-SMBZ'").query(Long.class).single();
        Long finance = identity.userId("yuyang.finance");
        int batches = seeding.remittedHistory(Map.of("610802", anju, "610803", anju, "610881", shenmuOp),
                Map.of("610802", identity.userId("anju.manager"), "610803", identity.userId("anju.manager"), "610881", identity.userId("shenmu.op")),
                Map.of("610802", finance), today); // other districts' finance bureaus have no demo account: confirmation recorded without a user
        log.info("Demo rent ready: {} deposits, {} bills, {} payments, {} remittance batches", deposits,
                bills, paid, batches);
    }
}
