package cn.anju.maintenance;

import cn.anju.audit.AuditLog;
import cn.anju.audit.AuditOutcome;
import cn.anju.identity.CurrentUser;
import cn.anju.identity.DataScopes;
import cn.anju.shared.Role;
import cn.anju.shared.events.ResidentEvent;
import cn.anju.shared.state.StateChange;
import cn.anju.shared.state.StateChanges;
import cn.anju.shared.web.ProblemException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Map;

/**
 * What every step of a work order shares: loading an order the user may see, applying a step's change with the
 * version check, and writing it on the order's timeline and the audit log (and the tenant's resident file).
 */
@Component
class WorkOrderRecords {

    private final JdbcClient jdbc;
    private final DataScopes scopes;
    private final StateChanges changes;
    private final ApplicationEventPublisher events;
    private final AuditLog audit;
    private final Clock clock;

    WorkOrderRecords(JdbcClient jdbc, DataScopes scopes, StateChanges changes, ApplicationEventPublisher events, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.scopes = scopes;
        this.changes = changes;
        this.events = events;
        this.audit = audit;
        this.clock = clock;
    }

    WorkOrder find(long id) {
        return jdbc.sql("""
                        select id, order_number, district_code, project_id, household_id, source, location_kind, state, submitted_at, version
                          from work_order where id = ?""")
                .param(id)
                .query((rs, n) -> new WorkOrder(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4), (Long) rs.getObject(5),
                        WorkOrders.Source.valueOf(rs.getString(6)), ScopeGuard.Location.valueOf(rs.getString(7)),
                        WorkOrderState.valueOf(rs.getString(8)), rs.getTimestamp(9).toInstant(), rs.getInt(10)))
                .optional().orElseThrow(WorkOrderRecords::notFound);
    }

    /** An order the user may see: staff within their projects, a tenant their own household's. */
    WorkOrder load(CurrentUser actor, long id) {
        WorkOrder o = find(id);
        boolean visible = actor.has(Role.TENANT) ? o.household() != null && o.household().equals(actor.householdId())
                : scopes.of(actor).coversProject(o.district(), o.project());
        if (!visible) {
            throw notFound();
        }
        return o;
    }

    private static ProblemException notFound() {
        return ProblemException.notFound("WORK_ORDER_NOT_FOUND", "工单不存在。");
    }

    /** Applies a step with the version check; its note goes on the order's timeline, the step on the audit log. */
    void apply(StateChange<WorkOrderState> change, String note, Long actorId) {
        changes.apply(change, c -> {
            timeline(c.id(), c.from(), c.to(), note, actorId);
            audit.record(MaintenanceAudit.orderReached(c.to()), "work_order", c.id(), AuditOutcome.SUCCESS, Map.of("from", c.from().name()));
        });
    }

    /** An entry on the order's timeline; {@code from} is null for the report itself. */
    void timeline(long id, WorkOrderState from, WorkOrderState to, String note, Long actorId) {
        jdbc.sql("insert into work_order_event (work_order_id, from_state, to_state, note, actor_id, at) values (?, ?, ?, ?, ?, ?)")
                .params(id, from == null ? null : from.name(), to.name(), note, actorId, Timestamp.from(clock.instant())).update();
    }

    /** The tenant's resident file hears of their repair. */
    void told(long id, long household, String kind, String title, String detail, Long actorId) {
        events.publishEvent(new ResidentEvent(household, kind, title, detail, "work_order", id, actorId, clock.instant()));
    }
}
