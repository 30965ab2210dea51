package cn.anju.household;

import cn.anju.shared.state.State;
import org.springframework.modulith.NamedInterface;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/** The states of an eligibility decision and which change leads where; revoked and expired are final. */
@NamedInterface("api")
public enum EligibilityStatus implements State<EligibilityStatus> {
    VALID("有效"), SUSPENDED("暂停"), REVOKED("已撤销"), EXPIRED("已到期");

    private static final Map<EligibilityStatus, Set<EligibilityStatus>> TRANSITIONS = Map.of(
            VALID, EnumSet.of(SUSPENDED, REVOKED, EXPIRED),
            SUSPENDED, EnumSet.of(VALID, REVOKED, EXPIRED),
            REVOKED, EnumSet.noneOf(EligibilityStatus.class),
            EXPIRED, EnumSet.noneOf(EligibilityStatus.class));

    private final String label;

    EligibilityStatus(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }

    @Override
    public boolean canBecome(EligibilityStatus next) {
        return TRANSITIONS.get(this).contains(next);
    }
}
