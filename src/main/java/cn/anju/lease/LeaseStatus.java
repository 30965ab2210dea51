package cn.anju.lease;

import cn.anju.shared.state.State;
import org.springframework.modulith.NamedInterface;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/** A lease's states and which change leads where: DRAFT → SIGNED → ACTIVE → EXPIRED | TERMINATED. */
@NamedInterface("api")
public enum LeaseStatus implements State<LeaseStatus> {
    DRAFT("草稿"), SIGNED("已签约"), ACTIVE("履行中"), EXPIRED("已到期"), TERMINATED("已终止");

    private static final Map<LeaseStatus, Set<LeaseStatus>> TRANSITIONS = Map.of(
            DRAFT, EnumSet.of(SIGNED, TERMINATED),
            SIGNED, EnumSet.of(ACTIVE, TERMINATED),
            ACTIVE, EnumSet.of(EXPIRED, TERMINATED),
            EXPIRED, EnumSet.noneOf(LeaseStatus.class),
            TERMINATED, EnumSet.noneOf(LeaseStatus.class));

    /** Over: the household may still live there until its move-out is recorded, but nothing leads on. */
    public static final Set<LeaseStatus> ENDED = Collections.unmodifiableSet(EnumSet.of(EXPIRED, TERMINATED));

    private final String label;

    LeaseStatus(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }

    @Override
    public boolean canBecome(LeaseStatus next) {
        return TRANSITIONS.get(this).contains(next);
    }
}
