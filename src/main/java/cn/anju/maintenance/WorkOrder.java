package cn.anju.maintenance;

import cn.anju.shared.state.Column;
import cn.anju.shared.state.StateChange;
import cn.anju.shared.state.StateTable;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A work order as its rules need it. Each step is a method named for what happens; it checks the order's state
 * table and returns the typed change that {@link WorkOrderRecords} applies with the version check.
 */
record WorkOrder(long id, String number, String district, long project, Long household, WorkOrders.Source source,
                 ScopeGuard.Location location, WorkOrderState state, Instant submittedAt, int version) {

    static final StateTable<WorkOrderState> TABLE = StateTable.of("work_order", "state", WorkOrderState.class, "工单");
    static final Column<WorkType> WORK_TYPE = Column.of("work_type", WorkType.class);
    static final Column<WorkOrders.Priority> PRIORITY = Column.of("priority", WorkOrders.Priority.class);
    static final Column<String> GUARD_REASON = Column.of("guard_reason", String.class);
    static final Column<Instant> ONSITE_DUE_AT = Column.of("onsite_due_at", Instant.class);
    static final Column<Instant> DONE_DUE_AT = Column.of("done_due_at", Instant.class);
    static final Column<String> DISPATCHED_TO = Column.of("dispatched_to", String.class);
    static final Column<Instant> ON_SITE_AT = Column.of("on_site_at", Instant.class);
    static final Column<Instant> COMPLETED_AT = Column.of("completed_at", Instant.class);
    static final Column<String> COMPLETION_NOTE = Column.of("completion_note", String.class);
    static final Column<BigDecimal> LABOUR_COST = Column.of("labour_cost", BigDecimal.class);
    static final Column<BigDecimal> MATERIAL_COST = Column.of("material_cost", BigDecimal.class);
    static final Column<Instant> CONFIRMED_AT = Column.of("confirmed_at", Instant.class);
    static final Column<Integer> RATING = Column.of("rating", Integer.class);
    static final Column<String> RATING_COMMENT = Column.of("rating_comment", String.class);

    /** When someone must be on site and when the repair must be done, counted from the report. */
    record Deadlines(Instant onSite, Instant done) {
    }

    /** The scope guard accepts the work type: the deadlines start to run. */
    StateChange<WorkOrderState> accept(WorkType type, WorkOrders.Priority priority, Deadlines deadlines) {
        return TABLE.change(id, version, state, WorkOrderState.ACCEPTED, WORK_TYPE.set(type), PRIORITY.set(priority),
                ONSITE_DUE_AT.set(deadlines.onSite()), DONE_DUE_AT.set(deadlines.done()));
    }

    /** The scope guard refuses the work type (not bought from the operator), with its reason. */
    StateChange<WorkOrderState> refuse(WorkType type, WorkOrders.Priority priority, String reason) {
        return TABLE.change(id, version, state, WorkOrderState.REFUSED, WORK_TYPE.set(type), PRIORITY.set(priority), GUARD_REASON.set(reason));
    }

    /** The scope guard refers the work to the government as the owner, with its reason. */
    StateChange<WorkOrderState> refer(WorkType type, WorkOrders.Priority priority, String reason) {
        return TABLE.change(id, version, state, WorkOrderState.REFERRED, WORK_TYPE.set(type), PRIORITY.set(priority), GUARD_REASON.set(reason));
    }

    StateChange<WorkOrderState> dispatch(String worker) {
        return TABLE.change(id, version, state, WorkOrderState.DISPATCHED, DISPATCHED_TO.set(worker));
    }

    StateChange<WorkOrderState> arrive(Instant at) {
        return TABLE.change(id, version, state, WorkOrderState.ON_SITE, ON_SITE_AT.set(at));
    }

    StateChange<WorkOrderState> complete(Completion c, Instant at) {
        return TABLE.change(id, version, state, WorkOrderState.COMPLETED, COMPLETED_AT.set(at), COMPLETION_NOTE.set(c.note()),
                LABOUR_COST.set(c.labourCost()), MATERIAL_COST.set(c.materialCost()));
    }

    /** The repair is confirmed; a tenant's rating (1 to 5) and comment go with it. */
    StateChange<WorkOrderState> confirm(Integer rating, String comment, Instant at) {
        return TABLE.change(id, version, state, WorkOrderState.CONFIRMED, CONFIRMED_AT.set(at), RATING.set(rating), RATING_COMMENT.set(comment));
    }

    /** Not fixed: the completion is taken back and the order goes out again (its deadline still counts from the report). */
    StateChange<WorkOrderState> reopen() {
        return TABLE.change(id, version, state, WorkOrderState.REOPENED, COMPLETED_AT.cleared(), COMPLETION_NOTE.cleared());
    }
}
