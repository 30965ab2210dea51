package cn.anju.lease;

import cn.anju.household.Eligibility;
import cn.anju.identity.CurrentUser;
import cn.anju.lease.LeaseRecords.Lease;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renewal (续签): a new lease for the same household and unit that follows an active one from the day after it ends.
 * The household must apply at least {@code lease.renewal_apply_months} (3) months before expiry (Art. 30); a later
 * application is accepted only by a government officer, with the reason recorded. Eligibility must be in force at
 * signing (checked by {@link Leases#sign}); the renewal takes over when the old lease ends, without a new move-in.
 */
@Service
public class Renewals {

    private final JdbcClient jdbc;
    private final LeaseRecords records;
    private final Eligibility eligibility;
    private final PolicySettings settings;
    private final Clock clock;
    private final LeaseRent rent;

    Renewals(JdbcClient jdbc, LeaseRecords records, Eligibility eligibility, PolicySettings settings, Clock clock, LeaseRent rent) {
        this.rent = rent;
        this.jdbc = jdbc;
        this.records = records;
        this.eligibility = eligibility;
        this.settings = settings;
        this.clock = clock;
    }

    /** @param lateReason only for a government officer accepting an application inside the last months */
    public record Application(int termMonths, BigDecimal monthlyRent, String lateReason) {
    }

    @Transactional
    public long apply(CurrentUser actor, long leaseId, Application a) {
        Lease old = records.load(actor, leaseId);
        if (old.status() != LeaseStatus.ACTIVE) {
            throw ProblemException.conflict("RENEWAL_NOT_ACTIVE", "只有履行中的合同可以续签。");
        }
        if (a == null) {
            throw ProblemException.badRequest("LEASE_TERMS_REQUIRED", "请填写续签的租期。");
        }
        int cap = settings.integer("lease.max_term_months", old.district());
        if (a.termMonths() < 1 || a.termMonths() > cap) {
            throw ProblemException.badRequest("LEASE_TERM_TOO_LONG", "租赁期限应为1到" + cap + "个月（不超过" + (cap / 12) + "年）。");
        }
        LocalDate today = LocalDate.now(clock);
        LocalDate deadline = applicationDeadline(old);
        boolean late = today.isAfter(deadline);
        if (late && !(actor.hasAny(Role.GOV_OFFICER, Role.GOV_ADMIN) && a.lateReason() != null && !a.lateReason().isBlank())) {
            throw ProblemException.unprocessable("RENEWAL_APPLICATION_LATE", "续租申请应在合同期满前"
                    + settings.integer("lease.renewal_apply_months", old.district()) + "个月（" + deadline
                    + "之前）提出；逾期申请须由住房保障部门经办人受理并填写理由。");
        }
        LocalDate start = old.end().plusDays(1);
        Eligibility.InForce decision = eligibility.inForce(old.household(), today)
                .orElseThrow(() -> ProblemException.unprocessable("ELIGIBILITY_NOT_IN_FORCE", "该家庭没有有效的保障资格，不能续签。"));
        BigDecimal area = jdbc.sql("select rent_area from lease where id = ?").param(old.id()).query(BigDecimal.class).single();
        BigDecimal monthlyRent = rent.settle(a.monthlyRent(), old.project(), area, decision.rentTier().name(), start);
        BigDecimal deposit = monthlyRent.multiply(BigDecimal.valueOf(settings.integer("lease.deposit_months", old.district())));
        String number = nextNumber(old.number());
        try {
            long id = jdbc.sql("""
                            insert into lease (lease_number, district_code, project_id, unit_id, household_id, eligibility_decision_id,
                                   renews_lease_id, rent_tier, monthly_rent, deposit, start_date, end_date, status, created_by, created_at,
                                   rent_area, billing_cycle)
                            select ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'DRAFT', ?, ?, o.rent_area, o.billing_cycle
                              from lease o where o.id = ? returning id""")
                    .params(number, old.district(), old.project(), old.unit(), old.household(), decision.decisionId(), old.id(),
                            decision.rentTier().name(), monthlyRent, deposit, Date.valueOf(start),
                            Date.valueOf(start.plusMonths(a.termMonths()).minusDays(1)), actor.id(), Timestamp.from(clock.instant()),
                            old.id())
                    .query(Long.class).single();
            String detail = late ? "逾期申请，受理理由：" + a.lateReason().trim() : "";
            records.event(old, "RENEWAL_APPLIED", "申请续签，新合同 " + number, detail, actor.id());
            records.event(id, old.household(), number, "DRAFTED", "起草续签合同", "续签自 " + old.number(), actor.id());
            return id;
        } catch (DuplicateKeyException e) {
            throw ProblemException.conflict("RENEWAL_EXISTS", "该合同已有办理中的续签合同。");
        }
    }

    /** The last day to apply: the policy's months before the end date. */
    LocalDate applicationDeadline(Lease l) {
        return l.end().minusMonths(settings.integer("lease.renewal_apply_months", l.district()));
    }

    /**
     * A signed renewal takes over from the lease it follows once that lease has ended: the old one expires and the
     * new one becomes active in the same transaction, so the household is never without a lease and the unit stays
     * occupied. Returns false while the old lease still runs.
     */
    @Transactional
    public boolean takeOverIfEnded(Long actorId, long renewalId) {
        Lease renewal = records.find(renewalId).orElseThrow();
        Lease old = records.find(renewal.renews()).orElseThrow();
        LocalDate today = LocalDate.now(clock);
        if (renewal.status() != LeaseStatus.SIGNED || !old.end().isBefore(today)) {
            return false;
        }
        if (old.status() == LeaseStatus.ACTIVE) {
            records.apply(actorId, old, old.expire(null), "EXPIRED", "租期届满（已续签）", "");
        } else if (old.status() != LeaseStatus.EXPIRED || old.movedOutOn() != null) {
            return false;
        } else {
            jdbc.sql("update lease set vacate_by = null where id = ?").param(old.id()).update();
        }
        records.apply(actorId, renewal, renewal.activate(), "RENEWAL_STARTED", "续签合同生效", "");
        return true;
    }

    /** "…-000012" → "…-000012-R1" → "…-000012-R2": a renewal keeps the first lease's number visible. */
    static String nextNumber(String number) {
        Matcher m = Pattern.compile("^(.*)-R(\\d+)$").matcher(number);
        return m.matches() ? m.group(1) + "-R" + (Integer.parseInt(m.group(2)) + 1) : number + "-R1";
    }
}
