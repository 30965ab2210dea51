package cn.anju.lease;

import cn.anju.allocation.SelectionChoices;
import cn.anju.audit.AuditLog;
import cn.anju.audit.AuditOutcome;
import cn.anju.household.Eligibility;
import cn.anju.housing.HousingStock;
import cn.anju.housing.UnitStatus;
import cn.anju.identity.CurrentUser;
import cn.anju.identity.DataScope;
import cn.anju.identity.DataScopes;
import cn.anju.shared.Role;
import cn.anju.shared.policy.PolicySettings;
import cn.anju.shared.web.ProblemException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;

/**
 * The lease's life. A lease is drafted from a household's choice in a selection round, for the unit reserved for it,
 * only while the household's eligibility is in force, for at most the policy's term (5 years by default); it is
 * checked again at signing; move-in activates it and occupies the unit; ending it before move-in frees the unit.
 */
@Service
public class Leases {

    private final JdbcClient jdbc;
    private final SelectionChoices choices;
    private final Eligibility eligibility;
    private final HousingStock housing;
    private final PolicySettings settings;
    private final DataScopes scopes;
    private final AuditLog audit;
    private final Clock clock;

    Leases(JdbcClient jdbc, SelectionChoices choices, Eligibility eligibility, HousingStock housing, PolicySettings settings,
           DataScopes scopes, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.choices = choices;
        this.eligibility = eligibility;
        this.housing = housing;
        this.settings = settings;
        this.scopes = scopes;
        this.audit = audit;
        this.clock = clock;
    }

    public record Draft(long selectionApplicantId, LocalDate startDate, int termMonths, BigDecimal monthlyRent) {
    }

    @Transactional
    public long draft(CurrentUser actor, Draft d) {
        requireClerk(actor);
        SelectionChoices.Chosen chosen = choices.chosen(d.selectionApplicantId())
                .orElseThrow(() -> ProblemException.badRequest("NO_CHOICE", "该家庭没有在选房中选定房源。"));
        HousingStock.UnitState unit = housing.unit(chosen.unitId()).orElseThrow();
        record Choice(long household, long unit, String district, long project, UnitStatus status) {
        }
        Choice c = new Choice(chosen.householdId(), chosen.unitId(), chosen.districtCode(), unit.projectId(), unit.status());
        requireInScope(actor, c.district(), c.project());
        if (c.status() != UnitStatus.RESERVED) {
            throw ProblemException.conflict("UNIT_NOT_RESERVED", "房源不是为该家庭预订的状态，不能签约。");
        }
        if (d.startDate() == null || d.monthlyRent() == null || d.monthlyRent().signum() < 0 || d.monthlyRent().scale() > 2) {
            throw ProblemException.badRequest("LEASE_TERMS_REQUIRED", "请填写起租日期和月租金（元，最多两位小数）。");
        }
        int cap = settings.integer("lease.max_term_months", c.district());
        if (d.termMonths() < 1 || d.termMonths() > cap) {
            throw ProblemException.badRequest("LEASE_TERM_TOO_LONG", "租赁期限应为1到" + cap + "个月（不超过" + (cap / 12) + "年）。");
        }
        Eligibility.InForce decision = eligibility.inForce(c.household(), d.startDate())
                .orElseThrow(() -> ProblemException.unprocessable("ELIGIBILITY_NOT_IN_FORCE", "该家庭在起租日没有有效的保障资格，不能签约。"));
        BigDecimal deposit = d.monthlyRent().multiply(BigDecimal.valueOf(settings.integer("lease.deposit_months", c.district())));
        String number = c.district() + "-" + LocalDate.now(clock).getYear() + "-" + String.format("%06d", d.selectionApplicantId());
        try {
            long id = jdbc.sql("""
                            insert into lease (lease_number, district_code, project_id, unit_id, household_id, eligibility_decision_id,
                                   selection_applicant_id, rent_tier, monthly_rent, deposit, start_date, end_date, status, created_by, created_at)
                            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'DRAFT', ?, ?) returning id""")
                    .params(number, c.district(), c.project(), c.unit(), c.household(), decision.decisionId(),
                            d.selectionApplicantId(), decision.rentTier().name(), d.monthlyRent(), deposit,
                            Date.valueOf(d.startDate()), Date.valueOf(d.startDate().plusMonths(d.termMonths()).minusDays(1)),
                            actor.id(), Timestamp.from(clock.instant()))
                    .query(Long.class).single();
            event(id, "DRAFTED", "", actor);
            return id;
        } catch (DuplicateKeyException e) {
            throw ProblemException.conflict("LEASE_EXISTS", "该家庭或该房源已有未结束的租赁合同。");
        }
    }

    @Transactional
    public void sign(CurrentUser actor, long leaseId) {
        Lease l = load(actor, leaseId);
        if (eligibility.inForce(l.household(), LocalDate.now(clock).isAfter(l.start()) ? LocalDate.now(clock) : l.start()).isEmpty()) {
            throw ProblemException.unprocessable("ELIGIBILITY_NOT_IN_FORCE", "该家庭的保障资格已不在有效期内，不能签约。");
        }
        move(actor, l, LeaseStatus.SIGNED, "SIGNED", null, null);
    }

    @Transactional
    public void moveIn(CurrentUser actor, long leaseId) {
        Lease l = load(actor, leaseId);
        move(actor, l, LeaseStatus.ACTIVE, "MOVED_IN", null, null);
        housing.moveForLease(l.unit(), UnitStatus.RESERVED, UnitStatus.OCCUPIED, actor.id(), "入住：租赁合同 " + l.number());
    }

    @Transactional
    public void terminate(CurrentUser actor, long leaseId, TerminationKind kind, String reason) {
        Lease l = load(actor, leaseId); // who may and in scope first, so nobody learns more from a 400 than from a 404
        if (kind == null) {
            throw ProblemException.badRequest("TERMINATION_KIND_REQUIRED", "请选择终止类型：自愿退租、资格取消、违规处理决定或拖欠租金。");
        }
        if (reason == null || reason.isBlank()) {
            throw ProblemException.badRequest("REASON_REQUIRED", "请填写终止原因。");
        }
        if (kind == TerminationKind.ELIGIBILITY_REVOKED && eligibility.inForce(l.household(), LocalDate.now(clock)).isPresent()) {
            // the operator never decides eligibility: this kind only follows a government decision that ended it
            throw ProblemException.unprocessable("ELIGIBILITY_STILL_IN_FORCE", "该家庭的保障资格仍然有效，不能以“资格取消”终止合同。");
        }
        move(actor, l, LeaseStatus.TERMINATED, "TERMINATED", kind, reason.trim());
        if (l.status() != LeaseStatus.ACTIVE) {
            // never moved in: the reserved unit goes back to the stock at once (after move-in, move-out does it)
            housing.moveForLease(l.unit(), UnitStatus.RESERVED, UnitStatus.VACANT, actor.id(), "合同终止：" + l.number());
        }
    }

    record Lease(long id, String number, String district, long project, long unit, long household, LeaseStatus status,
                 LocalDate start, int version) {
    }

    private Lease load(CurrentUser actor, long id) {
        requireClerk(actor);
        Lease l = jdbc.sql("select id, lease_number, district_code, project_id, unit_id, household_id, status, start_date, version from lease where id = ?")
                .param(id)
                .query((rs, n) -> new Lease(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getLong(5),
                        rs.getLong(6), LeaseStatus.valueOf(rs.getString(7)), rs.getObject(8, LocalDate.class), rs.getInt(9)))
                .optional().orElseThrow(() -> ProblemException.notFound("LEASE_NOT_FOUND", "租赁合同不存在。"));
        requireInScope(actor, l.district(), l.project());
        return l;
    }

    private void move(CurrentUser actor, Lease l, LeaseStatus to, String event, TerminationKind kind, String reason) {
        if (!l.status().canBecome(to)) {
            throw ProblemException.conflict("LEASE_TRANSITION", "合同当前状态不能办理此操作。");
        }
        int changed = jdbc.sql("""
                        update lease set status = ?, termination_kind = coalesce(?, termination_kind),
                               termination_reason = coalesce(?, termination_reason), version = version + 1
                         where id = ? and version = ?""")
                .params(to.name(), kind == null ? null : kind.name(), reason, l.id(), l.version()).update();
        if (changed == 0) {
            throw ProblemException.conflict("CONCURRENT_CHANGE", "合同刚被他人修改，请刷新后重试。");
        }
        event(l.id(), event, reason == null ? "" : reason, actor);
        audit.record("LEASE_" + event, "lease", l.id(), AuditOutcome.SUCCESS, Map.of("from", l.status().name(), "to", to.name()));
    }

    private void event(long leaseId, String kind, String detail, CurrentUser actor) {
        jdbc.sql("insert into lease_event (lease_id, kind, detail, actor, at) values (?, ?, ?, ?, ?)")
                .params(leaseId, kind, detail, actor.id(), Timestamp.from(clock.instant())).update();
    }

    private static void requireClerk(CurrentUser actor) {
        if (!actor.hasAny(Role.GOV_ADMIN, Role.GOV_OFFICER, Role.OPERATOR_MANAGER, Role.OPERATOR_STAFF)) {
            throw ProblemException.forbidden("LEASE_FORBIDDEN", "租赁合同由承接主体或住房保障部门办理。");
        }
    }

    private void requireInScope(CurrentUser actor, String district, long project) {
        DataScope scope = scopes.of(actor);
        boolean in = scope instanceof DataScope.Operator op
                ? op.wholeDistricts().contains(district) || op.projectIds().contains(project)
                : scope.coversDistrict(district);
        if (!in) {
            throw ProblemException.notFound("LEASE_NOT_FOUND", "租赁合同不存在。");
        }
    }
}
