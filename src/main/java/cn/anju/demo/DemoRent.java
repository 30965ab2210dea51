package cn.anju.demo;

import cn.anju.rent.BillRuns;
import cn.anju.rent.Payments;
import cn.anju.rent.RentLedger;
import cn.anju.rent.RentQueries;
import cn.anju.rent.Treasury;
import cn.anju.shared.web.PageQuery;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Demo rent, month by month over the last thirteen (a year before this one, so the quarters the demo evaluates have
 * their rent to count): the nightly bill run makes each month's bills on its first day;
 * most households pay each bill at the counter or by transfer a few days before it falls due; some stopped paying
 * two months ago, a few paid nothing (the six months' arrears a case is opened for); the demo tenant always owes this
 * month's rent, so that paying online can be tried. On the 3rd the operator's manager submits the previous month's
 * rent to the treasury, and 榆阳's finance bureau confirms it on the 6th (the other districts' finance bureaus have
 * no demo account: their batches wait), last month's batch still waiting for finance.
 */
@Component
@Profile("demo")
class DemoRent {

    private final DemoActs acts;
    private final BillRuns runs;
    private final RentQueries queries;
    private final Payments payments;
    private final Treasury treasury;

    DemoRent(DemoActs acts, BillRuns runs, RentQueries queries, Payments payments, Treasury treasury) {
        this.acts = acts;
        this.runs = runs;
        this.queries = queries;
        this.payments = payments;
        this.treasury = treasury;
    }

    /**
     * The first month the demo's rent history bills: twelve months before this one. Each month costs the first start
     * about two seconds (a thousand payments taken one by one through the cashier's action).
     */
    static YearMonth firstMonth(LocalDate today) {
        return YearMonth.from(today).minusMonths(12);
    }

    /** What the rent history left: bills, payments, batches, and the leases that never paid. */
    record History(int bills, int payments, int batches, Set<Long> neverPaid) {
    }

    History history(List<DemoLeases.Let> lets, long tenantHousehold) {
        LocalDate today = acts.today();
        YearMonth thisMonth = YearMonth.from(today);
        Random random = new Random(2028);
        Map<Long, LocalDate> cutoff = new HashMap<>();
        Set<Long> neverPaid = new HashSet<>();
        Set<Long> tenantLeases = new HashSet<>();
        for (DemoLeases.Let l : lets) {
            int roll = random.nextInt(100);
            if (roll < 4) {
                neverPaid.add(l.lease());
            } else {
                cutoff.put(l.lease(), roll < 14 ? today.minusMonths(2) : today);
            }
            if (l.household() == tenantHousehold) {
                tenantLeases.add(l.lease());
            }
        }
        int bills = 0;
        int paid = 0;
        int batches = 0;
        Map<String, Integer> paidLastMonth = Map.of();
        for (YearMonth month = firstMonth(today); !month.isAfter(thisMonth); month = month.plusMonths(1)) {
            boolean lastMonth = month.equals(thisMonth);
            YearMonth billed = month;
            bills += DemoClock.asOf(acts.at(month.atDay(1).atTime(2, 15)), () -> runs.run(BillRuns.Trigger.SCHEDULED, null, billed)).bills();
            batches += remit(month.minusMonths(1), paidLastMonth, lastMonth);
            YearMonth paying = month;
            // the month's payments share one commit (each still on its own day, by its cashier)
            Map<String, Integer> paidThisMonth = acts.together(() -> pay(paying, cutoff, tenantLeases, thisMonth));
            paid += paidThisMonth.values().stream().mapToInt(Integer::intValue).sum();
            paidLastMonth = paidThisMonth;
        }
        return new History(bills, paid, batches, neverPaid);
    }

    /** Each bill of the month its household pays, a few days before it falls due; returns the payments per district. */
    private Map<String, Integer> pay(YearMonth month, Map<Long, LocalDate> cutoff, Set<Long> tenantLeases, YearMonth thisMonth) {
        Map<String, Integer> paid = new HashMap<>();
        for (String cashier : List.of("anju.staff", "shenmu.op")) {
            for (RentLedger.BillRow b : billsOf(cashier, month)) {
                LocalDate by = cutoff.get(b.leaseId());
                boolean owedByTenant = tenantLeases.contains(b.leaseId()) && !b.periodStart().isBefore(thisMonth.atDay(1));
                if (by == null || owedByTenant || !b.dueDate().isBefore(by) || b.outstanding().signum() <= 0) {
                    continue;
                }
                Instant at = acts.at(b.dueDate().minusDays(3).isBefore(month.atDay(2)) ? month.atDay(2) : b.dueDate().minusDays(3), 10);
                Payments.Channel channel = b.id() % 3 == 0 ? Payments.Channel.BANK_TRANSFER : Payments.Channel.CASH;
                acts.run(at, cashier, u -> payments.post(u, "demo-bill-" + b.id(), new Payments.NewPayment(b.leaseId(), channel,
                        b.outstanding(), channel == Payments.Channel.BANK_TRANSFER ? "网银转账" : "")));
                paid.merge(b.leaseNumber().substring(0, 6), 1, Integer::sum);
            }
        }
        return paid;
    }

    /** The month's rent bills the cashier's operator collects (newest first, so the month's own are the first pages). */
    private List<RentLedger.BillRow> billsOf(String cashier, YearMonth month) {
        List<RentLedger.BillRow> found = new ArrayList<>();
        for (int page = 1; ; page++) {
            int p = page;
            List<RentLedger.BillRow> rows = acts.now(cashier, u -> queries.bills(u, null, false, new PageQuery(p, PageQuery.MAX_SIZE))).items();
            rows.stream().filter(b -> b.rent() && YearMonth.from(b.periodStart()).equals(month)).forEach(found::add);
            if (rows.size() < PageQuery.MAX_SIZE || rows.getLast().dueDate().isBefore(month.atDay(1))) {
                return found;
            }
        }
    }

    /** The month's rent goes to the treasury in one batch per district on the 3rd; 榆阳's finance confirms on the 6th. */
    private int remit(YearMonth month, Map<String, Integer> paid, boolean lastMonth) {
        int batches = 0;
        LocalDate submitOn = month.plusMonths(1).atDay(3);
        for (String district : paid.keySet().stream().sorted().toList()) {
            long batch = acts.at(acts.notAfterNow(acts.at(submitOn, 10)), DemoData.MANAGERS.get(district),
                    u -> treasury.submit(u, new Treasury.NewBatch(district, month.atEndOfMonth())));
            if (!lastMonth && district.equals("610802")) {
                acts.run(acts.at(month.plusMonths(1).atDay(6), 15), "yuyang.finance", u -> treasury.confirm(u, batch,
                        new Treasury.Confirmation("GK" + district + month.toString().replace("-", ""), month.plusMonths(1).atDay(6))));
            }
            batches++;
        }
        return batches;
    }
}
