package cn.anju.maintenance;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * A work order's states and which change leads where: SUBMITTED → ACCEPTED | REFUSED | REFERRED → DISPATCHED →
 * ON_SITE → COMPLETED → CONFIRMED | REOPENED, and a reopened order is dispatched again.
 */
public enum WorkOrderState {
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

    private final String label;

    WorkOrderState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean canBecome(WorkOrderState next) {
        return TRANSITIONS.get(this).contains(next);
    }

    /** Still being worked on: its deadlines run. */
    public boolean open() {
        return this == SUBMITTED || this == ACCEPTED || this == DISPATCHED || this == ON_SITE || this == REOPENED;
    }
}
