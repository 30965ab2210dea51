package cn.anju.contract;

import cn.anju.shared.state.State;
import org.springframework.modulith.NamedInterface;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * DRAFT → SIGNED → IN_FORCE → ENDED | TERMINATED. The days govern access (coverage runs from the first day through the
 * last); the state follows them, moved by the daily job and at signing. A signed contract may be terminated before it
 * starts.
 */
@NamedInterface("api")
public enum ContractStatus implements State<ContractStatus> {
    DRAFT("草拟中"), SIGNED("已签订"), IN_FORCE("履行中"), ENDED("已到期"), TERMINATED("已终止");

    private static final Map<ContractStatus, Set<ContractStatus>> TRANSITIONS = Map.of(
            DRAFT, EnumSet.of(SIGNED),
            SIGNED, EnumSet.of(IN_FORCE, TERMINATED),
            IN_FORCE, EnumSet.of(ENDED, TERMINATED),
            ENDED, EnumSet.noneOf(ContractStatus.class),
            TERMINATED, EnumSet.noneOf(ContractStatus.class));

    private final String label;

    ContractStatus(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }

    @Override
    public boolean canBecome(ContractStatus next) {
        return TRANSITIONS.get(this).contains(next);
    }

    public boolean closed() {
        return this == ENDED || this == TERMINATED;
    }
}
