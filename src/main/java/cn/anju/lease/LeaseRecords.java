package cn.anju.lease;

import cn.anju.audit.AuditLog;
import cn.anju.audit.AuditOutcome;
import cn.anju.identity.CurrentUser;
import cn.anju.identity.DataScopes;
import cn.anju.shared.Role;
import cn.anju.shared.events.ResidentEvent;
import cn.anju.shared.web.ProblemException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;

/**
 * What every lease action shares: loading a lease in the actor's scope, moving it along the state table with one
 * versioned update, and recording the event (lease history, resident file, audit).
 */
@Component
class LeaseRecords {

    private final JdbcClient jdbc;
    private final DataScopes scopes;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    LeaseRecords(JdbcClient jdbc, DataScopes scopes, AuditLog audit, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.scopes = scopes;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    record Lease(long id, String number, String district, long project, long unit, long household, LeaseStatus status,
                 LocalDate start, LocalDate end, BigDecimal monthlyRent, BigDecimal deposit, String rentTier,
                 Long renews, int amendmentNo, LocalDate movedOutOn, int version) {

        boolean isRenewal() {
            return renews != null;
        }
    }

    Lease load(CurrentUser actor, long id) {
        requireClerk(actor);
        Lease l = find(id).orElseThrow(() -> ProblemException.notFound("LEASE_NOT_FOUND", "租赁合同不存在。"));
        requireInScope(actor, l.district(), l.project());
        return l;
    }

    java.util.Optional<Lease> find(long id) {
        return jdbc.sql("""
                        select id, lease_number, district_code, project_id, unit_id, household_id, status, start_date, end_date,
                               monthly_rent, deposit, rent_tier, renews_lease_id, amendment_no, moved_out_on, version
                          from lease where id = ?""")
                .param(id)
                .query((rs, n) -> new Lease(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getLong(5),
                        rs.getLong(6), LeaseStatus.valueOf(rs.getString(7)), rs.getObject(8, LocalDate.class),
                        rs.getObject(9, LocalDate.class), rs.getBigDecimal(10), rs.getBigDecimal(11), rs.getString(12),
                        (Long) rs.getObject(13), rs.getInt(14), rs.getObject(15, LocalDate.class), rs.getInt(16)))
                .optional();
    }

    /** One versioned update: the state, and what the transition sets beside it (termination kind and reason). */
    void move(Long actorId, Lease l, LeaseStatus to, String event, String title, TerminationKind kind, String reason) {
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
        event(l, event, title, reason == null ? "" : reason, actorId);
        audit.record("LEASE_" + event, "lease", l.id(), AuditOutcome.SUCCESS, Map.of("from", l.status().name(), "to", to.name()));
    }

    /** The lease's own history and the household's resident file, in the same transaction. */
    void event(Lease l, String kind, String title, String detail, Long actorId) {
        event(l.id(), l.household(), l.number(), kind, title, detail, actorId);
    }

    void event(long leaseId, long householdId, String number, String kind, String title, String detail, Long actorId) {
        var at = clock.instant();
        jdbc.sql("insert into lease_event (lease_id, kind, detail, actor, at) values (?, ?, ?, ?, ?)")
                .params(leaseId, kind, detail, actorId, Timestamp.from(at)).update();
        events.publishEvent(new ResidentEvent(householdId, "LEASE_" + kind, title + "（合同 " + number + "）", detail, "lease",
                leaseId, actorId, at));
    }

    static void requireClerk(CurrentUser actor) {
        if (!actor.hasAny(Role.GOV_ADMIN, Role.GOV_OFFICER, Role.OPERATOR_MANAGER, Role.OPERATOR_STAFF)) {
            throw ProblemException.forbidden("LEASE_FORBIDDEN", "租赁合同由承接主体或住房保障部门办理。");
        }
    }

    void requireInScope(CurrentUser actor, String district, long project) {
        if (!scopes.of(actor).coversProject(district, project)) {
            throw ProblemException.notFound("LEASE_NOT_FOUND", "租赁合同不存在。");
        }
    }
}
