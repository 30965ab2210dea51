package cn.anju.lease;

import org.springframework.modulith.NamedInterface;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/** A lease's states and which change leads where: DRAFT → SIGNED → ACTIVE → EXPIRED | TERMINATED. */
@NamedInterface("api")
public enum LeaseStatus {
    DRAFT, SIGNED, ACTIVE, EXPIRED, TERMINATED;

    private static final Map<LeaseStatus, Set<LeaseStatus>> TRANSITIONS = Map.of(
            DRAFT, EnumSet.of(SIGNED, TERMINATED),
            SIGNED, EnumSet.of(ACTIVE, TERMINATED),
            ACTIVE, EnumSet.of(EXPIRED, TERMINATED),
            EXPIRED, EnumSet.noneOf(LeaseStatus.class),
            TERMINATED, EnumSet.noneOf(LeaseStatus.class));

    public boolean canBecome(LeaseStatus next) {
        return TRANSITIONS.get(this).contains(next);
    }
}
