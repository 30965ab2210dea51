package cn.anju.lease;

import cn.anju.allocation.DirectAllocations;
import cn.anju.allocation.SelectionChoices;
import cn.anju.household.Eligibility;
import cn.anju.household.HouseholdQueries;
import cn.anju.housing.HousingStock;
import cn.anju.housing.UnitStatus;
import cn.anju.identity.CurrentUser;
import cn.anju.lease.LeaseRecords.Lease;
import cn.anju.shared.calendar.WorkingDays;
import cn.anju.shared.policy.PolicySettings;
import cn.anju.shared.web.ProblemException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;

/**
 * The lease's life. A lease is drafted from a household's choice in a selection round, for the unit reserved for it,
 * only while the household's eligibility is in force, for at most the policy's term (5 years by default); it is
 * checked again at signing, which also fixes the rent tier and the filing deadline; move-in ({@link Handovers})
 * activates it; ending it before move-in frees the unit, after move-in starts the move-out.
 */
@NamedInterface("api")
@Service
public class Leases {

    private final JdbcClient jdbc;
    private final SelectionChoices choices;
    private final DirectAllocations allocations;
    private final Eligibility eligibility;
    private final HousingStock housing;
    private final PolicySettings settings;
    private final WorkingDays workingDays;
    private final LeaseRecords records;
    private final Renewals renewals;
    private final HouseholdQueries households;
    private final LeaseRent rent;
    private final Clock clock;

    Leases(JdbcClient jdbc, SelectionChoices choices, DirectAllocations allocations, Eligibility eligibility, HousingStock housing, PolicySettings settings,
           WorkingDays workingDays, LeaseRecords records, Renewals renewals, HouseholdQueries households, LeaseRent rent, Clock clock) {
        this.rent = rent;
        this.households = households;
        this.jdbc = jdbc;
        this.choices = choices;
        this.allocations = allocations;
        this.eligibility = eligibility;
        this.housing = housing;
        this.settings = settings;
        this.workingDays = workingDays;
        this.records = records;
        this.renewals = renewals;
        this.clock = clock;
    }

    /** From a choice in a selection round, or from a government officer's direct allocation: one of the two. */
    public record Draft(Long selectionApplicantId, Long directAllocationId, LocalDate startDate, int termMonths,
                        BigDecimal monthlyRent) {
    }

    private record Source(long household, long unit, String district, String number) {
    }

    private Source source(Draft d) {
        if ((d.selectionApplicantId() == null) == (d.directAllocationId() == null)) {
            throw ProblemException.badRequest("LEASE_SOURCE_REQUIRED", "请指定合同依据：选房结果或直接配租（二选一）。");
        }
        String year = String.valueOf(LocalDate.now(clock).getYear());
        if (d.selectionApplicantId() != null) {
            SelectionChoices.Chosen c = choices.chosen(d.selectionApplicantId())
                    .orElseThrow(() -> ProblemException.badRequest("NO_CHOICE", "该家庭没有在选房中选定房源。"));
            return new Source(c.householdId(), c.unitId(), c.districtCode(),
                    c.districtCode() + "-" + year + "-" + String.format("%06d", d.selectionApplicantId()));
        }
        DirectAllocations.Allocated a = allocations.reserved(d.directAllocationId())
                .orElseThrow(() -> ProblemException.badRequest("NO_ALLOCATION", "没有该直接配租预留，或已签约、已取消。"));
        return new Source(a.householdId(), a.unitId(), a.districtCode(),
                a.districtCode() + "-" + year + "-Z" + String.format("%05d", d.directAllocationId()));
    }

    @Transactional
    public long draft(CurrentUser actor, Draft d) {
        LeaseRecords.requireClerk(actor);
        Source source = source(d);
        HousingStock.UnitState unit = housing.unit(source.unit()).orElseThrow();
        record Choice(long household, long unit, String district, long project, UnitStatus status) {
        }
        Choice c = new Choice(source.household(), source.unit(), source.district(), unit.projectId(), unit.status());
        records.requireInScope(actor, c.district(), c.project());
        if (c.status() != UnitStatus.RESERVED) {
            throw ProblemException.conflict("UNIT_NOT_RESERVED", "房源不是为该家庭预订的状态，不能签约。");
        }
        if (d.startDate() == null) {
            throw ProblemException.badRequest("LEASE_TERMS_REQUIRED", "请填写起租日期。");
        }
        int cap = settings.integer("lease.max_term_months", c.district());
        if (d.termMonths() < 1 || d.termMonths() > cap) {
            throw ProblemException.badRequest("LEASE_TERM_TOO_LONG", "租赁期限应为1到" + cap + "个月（不超过" + (cap / 12) + "年）。");
        }
        Eligibility.InForce decision = eligibility.inForce(c.household(), d.startDate())
                .orElseThrow(() -> ProblemException.unprocessable("ELIGIBILITY_NOT_IN_FORCE", "该家庭在起租日没有有效的保障资格，不能签约。"));
        BigDecimal rentArea = housing.describe(c.unit()).rentArea();
        BigDecimal monthlyRent = rent.settle(d.monthlyRent(), c.project(), rentArea, decision.rentTier().name(), d.startDate());
        BigDecimal deposit = monthlyRent.multiply(BigDecimal.valueOf(settings.integer("lease.deposit_months", c.district())));
        String number = source.number();
        try {
            long id = jdbc.sql("""
                            insert into lease (lease_number, district_code, project_id, unit_id, household_id, eligibility_decision_id,
                                   selection_applicant_id, direct_allocation_id, rent_tier, monthly_rent, deposit, start_date, end_date,
                                   status, created_by, created_at, rent_area)
                            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'DRAFT', ?, ?, ?) returning id""")
                    .params(number, c.district(), c.project(), c.unit(), c.household(), decision.decisionId(),
                            d.selectionApplicantId(), d.directAllocationId(), decision.rentTier().name(), monthlyRent, deposit,
                            Date.valueOf(d.startDate()), Date.valueOf(d.startDate().plusMonths(d.termMonths()).minusDays(1)),
                            actor.id(), Timestamp.from(clock.instant()), rentArea)
                    .query(Long.class).single();
            if (d.directAllocationId() != null) {
                allocations.markLeased(d.directAllocationId());
            }
            records.event(id, c.household(), number, "DRAFTED", "起草租赁合同", "", actor.id());
            return id;
        } catch (DuplicateKeyException e) {
            throw ProblemException.conflict("LEASE_EXISTS", "该家庭或该房源已有未结束的租赁合同。");
        }
    }

    /**
     * Signing checks eligibility again and takes the rent tier from the decision in force that day (the lease holds
     * the tier); it starts the filing deadline. A signed renewal whose lease has already ended takes over at once.
     */
    @Transactional
    public void sign(CurrentUser actor, long leaseId) {
        Lease l = records.load(actor, leaseId);
        LocalDate today = LocalDate.now(clock);
        // a first lease needs eligibility when it starts; a renewal, signed months ahead, needs it at signing (the
        // annual review may well extend the decision before the renewal starts; the lapse job watches after that)
        LocalDate checkOn = l.isRenewal() || today.isAfter(l.start()) ? today : l.start();
        Eligibility.InForce decision = eligibility.inForce(l.household(), checkOn)
                .orElseThrow(() -> ProblemException.unprocessable("ELIGIBILITY_NOT_IN_FORCE", "该家庭的保障资格已不在有效期内，不能签约。"));
        records.apply(actor.id(), l, l.sign(decision, households.head(l.household()).members(), today, filingDue(l.district(), today)),
                "SIGNED", "签订租赁合同", "");
        if (l.isRenewal()) {
            renewals.takeOverIfEnded(actor.id(), l.id());
        }
    }

    private LocalDate filingDue(String district, LocalDate signedOn) {
        int days = settings.integer("lease.filing_days", district);
        return "CALENDAR_DAYS".equals(settings.value("lease.filing_counting", district))
                ? signedOn.plusDays(days) : workingDays.plusWorkingDays(signedOn, days);
    }

    /**
     * Ends a lease early for one of the listed kinds. Before move-in the reserved unit goes back to the stock at
     * once; after move-in the household moves out, and one that must leave gets the transition period.
     */
    @Transactional
    public void terminate(CurrentUser actor, long leaseId, TerminationKind kind, String reason) {
        Lease l = records.load(actor, leaseId); // who may and in scope first, so nobody learns more from a 400 than from a 404
        if (kind == null) {
            throw ProblemException.badRequest("TERMINATION_KIND_REQUIRED", "请选择终止类型：自愿退租、资格取消、违规处理决定或拖欠租金。");
        }
        if (reason == null || reason.isBlank()) {
            throw ProblemException.badRequest("REASON_REQUIRED", "请填写终止原因。");
        }
        LocalDate today = LocalDate.now(clock);
        if (kind == TerminationKind.ELIGIBILITY_REVOKED && eligibility.inForce(l.household(), today).isPresent()) {
            // the operator never decides eligibility: this kind only follows a government decision that ended it
            throw ProblemException.unprocessable("ELIGIBILITY_STILL_IN_FORCE", "该家庭的保障资格仍然有效，不能以“资格取消”终止合同。");
        }
        // once moved in, the household leaves by the end of the transition period (at once when it ends the lease itself)
        LocalDate vacateBy = l.status() != LeaseStatus.ACTIVE ? null
                : kind.mustLeave() ? today.plusMonths(settings.integer("lease.transition_months", l.district())) : today;
        records.apply(actor.id(), l, l.terminate(kind, reason.trim(), vacateBy), "TERMINATED", "终止合同：" + kind.label(), reason.trim());
        if (l.status() != LeaseStatus.ACTIVE && !l.isRenewal()) {
            // never moved in: the reserved unit goes back to the stock at once (a renewal's unit stays with the lease it follows)
            housing.moveForLease(l.unit(), UnitStatus.RESERVED, UnitStatus.VACANT, actor.id(), "合同终止：" + l.number());
        }
    }
}
