package cn.anju.contract;

import cn.anju.shared.state.State;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/** A handover is prepared by the district, then confirmed by each side in either order: PREPARED → one side → HANDED_OVER. */
public enum HandoverStatus implements State<HandoverStatus> {
    PREPARED("待双方确认"), OUTGOING_CONFIRMED("移交方已确认"), INCOMING_CONFIRMED("接收方已确认"), HANDED_OVER("已完成移交");

    private static final Map<HandoverStatus, Set<HandoverStatus>> TRANSITIONS = Map.of(
            PREPARED, EnumSet.of(OUTGOING_CONFIRMED, INCOMING_CONFIRMED),
            OUTGOING_CONFIRMED, EnumSet.of(HANDED_OVER),
            INCOMING_CONFIRMED, EnumSet.of(HANDED_OVER),
            HANDED_OVER, EnumSet.noneOf(HandoverStatus.class));

    private final String label;

    HandoverStatus(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }

    @Override
    public boolean canBecome(HandoverStatus next) {
        return TRANSITIONS.get(this).contains(next);
    }
}
