package cn.anju.maintenance;

import cn.anju.shared.state.State;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * A work order's states and which change leads where: SUBMITTED → ACCEPTED | REFUSED | REFERRED → DISPATCHED →
 * ON_SITE → COMPLETED → CONFIRMED | REOPENED, and a reopened order is dispatched again.
 */
public enum WorkOrderState implements State<WorkOrderState> {
    SUBMITTED("待受理"), ACCEPTED("已受理"), REFUSED("不予受理"), REFERRED("已转产权人"), DISPATCHED("已派工"), ON_SITE("已到场"),
    COMPLETED("已完工"), CONFIRMED("已确认"), REOPENED("返修");

    private static final Map<WorkOrderState, Set<WorkOrderState>> TRANSITIONS = Map.of(
            SUBMITTED, EnumSet.of(ACCEPTED, REFUSED, REFERRED),
            ACCEPTED, EnumSet.of(DISPATCHED),
            REFUSED, EnumSet.noneOf(WorkOrderState.class),
            REFERRED, EnumSet.noneOf(WorkOrderState.class),
            DISPATCHED, EnumSet.of(ON_SITE),
            ON_SITE, EnumSet.of(COMPLETED),
            COMPLETED, EnumSet.of(CONFIRMED, REOPENED),
            CONFIRMED, EnumSet.noneOf(WorkOrderState.class),
            REOPENED, EnumSet.of(DISPATCHED));

    /** Still being worked on: its deadlines run. */
    public static final Set<WorkOrderState> OPEN = Collections.unmodifiableSet(EnumSet.of(SUBMITTED, ACCEPTED, DISPATCHED, ON_SITE, REOPENED));

    /** Accepted and not yet completed: past a deadline such an order is late (and escalated once). */
    public static final Set<WorkOrderState> UNDER_DEADLINE = Collections.unmodifiableSet(EnumSet.of(ACCEPTED, DISPATCHED, ON_SITE, REOPENED));

    private final String label;

    WorkOrderState(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }

    @Override
    public boolean canBecome(WorkOrderState next) {
        return TRANSITIONS.get(this).contains(next);
    }

    public boolean open() {
        return OPEN.contains(this);
    }
}
