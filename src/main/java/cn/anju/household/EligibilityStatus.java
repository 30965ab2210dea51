package cn.anju.household;

import org.springframework.modulith.NamedInterface;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/** The states of an eligibility decision and which change leads where; revoked and expired are final. */
@NamedInterface("api")
public enum EligibilityStatus {
    VALID, SUSPENDED, REVOKED, EXPIRED;

    private static final Map<EligibilityStatus, Set<EligibilityStatus>> TRANSITIONS = Map.of(
            VALID, EnumSet.of(SUSPENDED, REVOKED, EXPIRED),
            SUSPENDED, EnumSet.of(VALID, REVOKED, EXPIRED),
            REVOKED, EnumSet.noneOf(EligibilityStatus.class),
            EXPIRED, EnumSet.noneOf(EligibilityStatus.class));

    public boolean canBecome(EligibilityStatus next) {
        return TRANSITIONS.get(this).contains(next);
    }
}
