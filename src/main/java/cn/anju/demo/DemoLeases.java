package cn.anju.demo;

import cn.anju.allocation.DirectAllocations;
import cn.anju.housing.HousingQueries;
import cn.anju.housing.UnitStatus;
import cn.anju.lease.Amendments;
import cn.anju.lease.Filings;
import cn.anju.lease.Handovers;
import cn.anju.lease.LeaseQueries;
import cn.anju.lease.Leases;
import cn.anju.lease.TerminationKind;
import cn.anju.rent.Deposits;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * Demo leases, each made through every step of a real one on its own days: the district's officer allocates a vacant
 * unit to a waiting household (直接配租), the operator's clerk drafts the lease from it and signs it with the household,
 * submits it for filing, which the officer confirms (a few are still outstanding), and hands the unit over at move-in,
 * taking the deposit. Every lease started before the rent history ({@link DemoRent}) begins, most of them years ago;
 * about one in twelve ends within the next three months (households eligible too recently wait); a few
 * households are terminated for arrears today ({@link #today}) and must move out; one household exchanges its flat.
 */
@Component
@Profile("demo")
class DemoLeases {

    /** A lease the demo made, for the steps that follow (rent, cases, field operations). */
    record Let(long lease, String district, long household, long project, long unit, boolean movingOut) {
    }

    /** How many households each district houses, its operator's clerk and its officer. */
    private record Plan(String district, int count, String clerk, String officer) {
        Plan(String district, int count) {
            this(district, count, DemoData.CLERKS.get(district), DemoHousing.OFFICERS.get(district));
        }
    }

    private static final List<Plan> PLANS = List.of(new Plan("610802", 540), new Plan("610803", 215), new Plan("610881", 470));
    private static final List<Handovers.Fixture> FIXTURES = List.of(new Handovers.Fixture("入户门及门锁", Handovers.Condition.GOOD, ""),
            new Handovers.Fixture("水龙头及洁具", Handovers.Condition.GOOD, ""));

    private final DemoActs acts;
    private final HousingQueries housing;
    private final DirectAllocations allocations;
    private final Leases leases;
    private final LeaseQueries queries;
    private final Filings filings;
    private final Handovers handovers;
    private final Deposits deposits;
    private final Amendments amendments;

    DemoLeases(DemoActs acts, HousingQueries housing, DirectAllocations allocations, Leases leases, LeaseQueries queries,
               Filings filings, Handovers handovers, Deposits deposits, Amendments amendments) {
        this.acts = acts;
        this.housing = housing;
        this.allocations = allocations;
        this.leases = leases;
        this.queries = queries;
        this.filings = filings;
        this.handovers = handovers;
        this.deposits = deposits;
        this.amendments = amendments;
    }

    /** @param waiting the households waiting today, in id order; the demo tenant's household is housed first */
    List<Let> let(List<DemoHouseholds.Waiting> waiting, long tenantHousehold) {
        Random random = new Random(2027);
        Random pick = new Random(2030);
        List<Let> lets = new ArrayList<>();
        for (Plan plan : PLANS) {
            List<DemoHouseholds.Waiting> households = new ArrayList<>(waiting.stream().filter(w -> w.district().equals(plan.district())).toList());
            households.stream().filter(w -> w.household() == tenantHousehold).findFirst().ifPresent(w -> {
                households.remove(w);
                households.addFirst(w);
            });
            // about three in four of the vacant units are let, spread over the district
            List<HousingQueries.UnitRow> units = acts.now(plan.officer(), u -> housing.allUnits(u, new HousingQueries.UnitFilter(
                            plan.district(), null, null, UnitStatus.VACANT, null, null, null))).stream()
                    .sorted(Comparator.comparingLong(HousingQueries.UnitRow::id)).filter(u -> pick.nextInt(94) < 72).toList();
            int let = 0;
            for (int i = 0; let < plan.count() && i < households.size() && let < units.size(); i++) {
                Optional<Let> made = let(plan, i, households.get(i), units.get(let), random);
                made.ifPresent(lets::add);
                let += made.isPresent() ? 1 : 0;
            }
        }
        return lets;
    }

    private Optional<Let> let(Plan plan, int i, DemoHouseholds.Waiting w, HousingQueries.UnitRow unit, Random random) {
        LocalDate today = acts.today();
        LocalDate billedFrom = DemoRent.firstMonth(today).atDay(1);
        int roll = random.nextInt(100);
        // most leases run for years; about one in twelve ends within the next three months; a few are moving out
        LocalDate drawn = roll < 8 ? today.plusDays(1 + random.nextInt(90)).minusMonths(60) : billedFrom.minusDays(1 + random.nextInt(1_400));
        LocalDate start = startFor(w, drawn);
        if (!start.isBefore(billedFrom)) {
            return Optional.empty(); // eligible too recently to have moved in before the rent history: still waiting
        }
        LocalDate signed = start.minusDays(3 + random.nextInt(10));
        boolean filed = random.nextInt(100) >= 3;
        boolean moving = i > 0 && roll >= 97;
        long allocation = acts.at(acts.at(signed.minusDays(5), 9), plan.officer(), u -> allocations.allocate(u,
                new DirectAllocations.NewAllocation(w.household(), unit.id(), "住房困难家庭直接配租，经区住房保障中心审批")));
        long lease = acts.at(acts.at(signed.minusDays(2), 9), plan.clerk(), u -> leases.draft(u,
                new Leases.Draft(null, allocation, start, 60, null)));
        acts.run(acts.at(signed, 10), plan.clerk(), u -> leases.sign(u, lease));
        if (filed) {
            acts.run(acts.at(signed.plusDays(5), 10), plan.clerk(), u -> filings.submit(u, lease));
            acts.run(acts.at(signed.plusDays(12), 10), plan.officer(), u -> filings.confirm(u, lease,
                    plan.district() + "-BA-" + signed.getYear() + "-" + String.format("%05d", lease)));
        }
        Handovers.MoveIn moveIn = new Handovers.MoveIn(2, BigDecimal.valueOf(random.nextInt(5_000), 1),
                BigDecimal.valueOf(random.nextInt(90_000), 1), BigDecimal.valueOf(random.nextInt(3_000), 1), FIXTURES, List.of(), true);
        acts.run(acts.at(start, 15), plan.clerk(), u -> {
            handovers.moveIn(u, lease, moveIn);
            deposits.receive(u, lease, queries.get(u, lease).deposit());
        });
        return Optional.of(new Let(lease, plan.district(), w.household(), unit.projectId(), unit.id(), moving));
    }

    /**
     * A lease starts only while the household's eligibility is in force, decided before the lease was drafted (the
     * allocation some days before the start): not before the household became eligible, nor just after its decision
     * was renewed.
     */
    private static LocalDate startFor(DemoHouseholds.Waiting w, LocalDate drawn) {
        LocalDate start = drawn.isBefore(w.eligibleSince().plusDays(20)) ? w.eligibleSince().plusDays(20) : drawn;
        if (w.renewedOn() != null && !start.isBefore(w.renewedOn()) && start.isBefore(w.renewedOn().plusDays(20))) {
            return w.renewedOn().plusDays(20);
        }
        return start;
    }

    /**
     * Today's events after the history: the households chosen to move out are terminated for arrears three days ago
     * (their transition period runs), and one household moves to a larger flat in its project through an amendment.
     */
    void today(List<Let> lets) {
        LocalDate today = acts.today();
        for (Let l : lets.stream().filter(Let::movingOut).toList()) {
            acts.run(acts.at(today.minusDays(3), 10), DemoData.CLERKS.get(l.district()), u -> leases.terminate(u, l.lease(), TerminationKind.ARREARS,
                    "累计拖欠租金6个月以上，经住房保障部门决定收回"));
        }
        Optional<Let> exchanging = lets.stream().filter(l -> l.district().equals("610802") && !l.movingOut())
                .max(Comparator.comparingLong(Let::lease));
        exchanging.ifPresent(l -> acts.now("anju.staff", u -> housing.allUnits(u, new HousingQueries.UnitFilter("610802", l.project(), null,
                        UnitStatus.VACANT, "两室一厅", null, null))).stream().min(Comparator.comparingLong(HousingQueries.UnitRow::id))
                .ifPresent(to -> acts.now("anju.staff", u -> amendments.amend(u, l.lease(), new Amendments.Amendment(
                        Amendments.Kind.UNIT_EXCHANGE, to.id(), null, "家庭新增成员，经申请调换为两室一厅")))));
    }
}
