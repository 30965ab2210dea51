package cn.anju.lease;

import cn.anju.audit.AuditLog;
import cn.anju.audit.AuditOutcome;
import cn.anju.household.Eligibility;
import cn.anju.household.RentTier;
import cn.anju.identity.CurrentUser;
import cn.anju.identity.DataScopes;
import cn.anju.shared.Role;
import cn.anju.shared.events.ResidentEvent;
import cn.anju.shared.state.Column;
import cn.anju.shared.state.StateChange;
import cn.anju.shared.state.StateChanges;
import cn.anju.shared.state.StateTable;
import cn.anju.shared.web.ProblemException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

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
    private final StateChanges changes;
    private final Clock clock;

    LeaseRecords(JdbcClient jdbc, DataScopes scopes, AuditLog audit, ApplicationEventPublisher events, StateChanges changes, Clock clock) {
        this.jdbc = jdbc;
        this.scopes = scopes;
        this.audit = audit;
        this.events = events;
        this.changes = changes;
        this.clock = clock;
    }

    /**
     * A lease as its rules need it. Each change of status is a method named for what happens; it checks
     * {@link LeaseStatus}'s table and returns the typed change that {@link #apply} writes with the version check.
     */
    record Lease(long id, String number, String district, long project, long unit, long household, LeaseStatus status,
                 LocalDate start, LocalDate end, BigDecimal monthlyRent, BigDecimal deposit, String rentTier,
                 Long renews, int amendmentNo, LocalDate movedOutOn, int version) {

        static final StateTable<LeaseStatus> TABLE = StateTable.of("lease", "status", LeaseStatus.class, "合同");
        static final Column<Long> ELIGIBILITY_DECISION = Column.of("eligibility_decision_id", Long.class);
        static final Column<RentTier> RENT_TIER = Column.of("rent_tier", RentTier.class);
        static final Column<LocalDate> SIGNED_ON = Column.of("signed_on", LocalDate.class);
        static final Column<LocalDate> FILING_DUE_ON = Column.of("filing_due_on", LocalDate.class);
        static final Column<Integer> MEMBER_COUNT = Column.of("member_count", Integer.class);
        static final Column<TerminationKind> TERMINATION_KIND = Column.of("termination_kind", TerminationKind.class);
        static final Column<String> TERMINATION_REASON = Column.of("termination_reason", String.class);
        static final Column<LocalDate> VACATE_BY = Column.of("vacate_by", LocalDate.class);

        boolean isRenewal() {
            return renews != null;
        }

        /** Signed on the eligibility decision in force (the lease holds its tier and the family's size) with the filing deadline. */
        StateChange<LeaseStatus> sign(Eligibility.InForce decision, int members, LocalDate signedOn, LocalDate filingDue) {
            return TABLE.change(id, version, status, LeaseStatus.SIGNED, ELIGIBILITY_DECISION.set(decision.decisionId()),
                    RENT_TIER.set(decision.rentTier()), SIGNED_ON.set(signedOn), FILING_DUE_ON.set(filingDue), MEMBER_COUNT.set(members));
        }

        /** The lease runs: the household moved in, or a signed renewal took over from the lease it follows. */
        StateChange<LeaseStatus> activate() {
            return TABLE.change(id, version, status, LeaseStatus.ACTIVE);
        }

        /** The term ended; {@code vacateBy} is the end of the transition period, null when a renewal follows. */
        StateChange<LeaseStatus> expire(LocalDate vacateBy) {
            return TABLE.change(id, version, status, LeaseStatus.EXPIRED, VACATE_BY.set(vacateBy));
        }

        /** Ended early for one of the listed kinds; {@code vacateBy} only once moved in (before, nobody has to leave). */
        StateChange<LeaseStatus> terminate(TerminationKind kind, String reason, LocalDate vacateBy) {
            return TABLE.change(id, version, status, LeaseStatus.TERMINATED, TERMINATION_KIND.set(kind), TERMINATION_REASON.set(reason),
                    VACATE_BY.set(vacateBy));
        }
    }

    Lease load(CurrentUser actor, long id) {
        requireClerk(actor);
        Lease l = find(id).orElseThrow(() -> ProblemException.notFound("LEASE_NOT_FOUND", "租赁合同不存在。"));
        requireInScope(actor, l.district(), l.project());
        return l;
    }

    Optional<Lease> find(long id) {
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

    /**
     * Applies a change of lease {@code l} with the version check, and records it as {@code event} in the lease's history, the
     * household's resident file and the audit log, in the same transaction.
     */
    void apply(Long actorId, Lease l, StateChange<LeaseStatus> change, String event, String title, String detail) {
        changes.apply(change, c -> {
            event(l, event, title, detail, actorId);
            audit.record(LeaseAudit.of(event), "lease", c.id(), AuditOutcome.SUCCESS, Map.of("from", c.from().name(), "to", c.to().name()));
        });
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
