package cn.anju.feedback;

import cn.anju.shared.state.State;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * A case's states and which step leads where: RECEIVED → ACCEPTED (受理) → ASSIGNED (派单) → IN_PROGRESS → REPLIED (答复)
 * → FOLLOWED_UP (回访) → CLOSED (办结); REJECTED (not ours, redirected) from the first steps; a dissatisfied follow-up
 * REOPENED → IN_PROGRESS; a reply nobody could be reached about, or praise, CLOSED straight away.
 */
public enum FeedbackState implements State<FeedbackState> {
    RECEIVED("待受理"), ACCEPTED("已受理"), ASSIGNED("已派单"), IN_PROGRESS("办理中"), REPLIED("已答复"), FOLLOWED_UP("已回访"),
    REOPENED("重新办理"), CLOSED("已办结"), REJECTED("不予受理");

    private static final Map<FeedbackState, Set<FeedbackState>> TRANSITIONS = Map.of(
            RECEIVED, EnumSet.of(ACCEPTED, REJECTED),
            ACCEPTED, EnumSet.of(ASSIGNED, REJECTED, CLOSED),
            ASSIGNED, EnumSet.of(IN_PROGRESS, ASSIGNED),
            IN_PROGRESS, EnumSet.of(REPLIED),
            REPLIED, EnumSet.of(FOLLOWED_UP, CLOSED),
            FOLLOWED_UP, EnumSet.of(CLOSED, REOPENED),
            REOPENED, EnumSet.of(IN_PROGRESS),
            CLOSED, EnumSet.noneOf(FeedbackState.class),
            REJECTED, EnumSet.noneOf(FeedbackState.class));

    /** Not yet finished: its clocks run and it shows on the desks. */
    public static final Set<FeedbackState> OPEN = Collections.unmodifiableSet(EnumSet.of(RECEIVED, ACCEPTED, ASSIGNED, IN_PROGRESS,
            REOPENED));

    /** Waiting for the acknowledgement (受理告知). */
    public static final Set<FeedbackState> UNACKNOWLEDGED = Collections.unmodifiableSet(EnumSet.of(RECEIVED));

    /** Accepted and not yet answered: the reply clock runs. */
    public static final Set<FeedbackState> AWAITING_REPLY = Collections.unmodifiableSet(EnumSet.of(ACCEPTED, ASSIGNED, IN_PROGRESS,
            REOPENED));

    /** Finished, one way or the other. */
    public static final Set<FeedbackState> FINISHED = Collections.unmodifiableSet(EnumSet.of(CLOSED, REJECTED));

    private final String label;

    FeedbackState(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }

    @Override
    public boolean canBecome(FeedbackState next) {
        return TRANSITIONS.get(this).contains(next);
    }
}
