package cn.anju.evaluation;

import cn.anju.shared.state.State;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/** DRAFT → APPROVED (a leader who did not draft it, four eyes) → PAID (the finance bureau records the voucher). */
public enum SettlementStatus implements State<SettlementStatus> {
    DRAFT("草稿"), APPROVED("已审批"), PAID("已支付");

    private static final Map<SettlementStatus, Set<SettlementStatus>> TRANSITIONS = Map.of(
            DRAFT, EnumSet.of(APPROVED),
            APPROVED, EnumSet.of(PAID),
            PAID, EnumSet.noneOf(SettlementStatus.class));

    private final String label;

    SettlementStatus(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }

    @Override
    public boolean canBecome(SettlementStatus next) {
        return TRANSITIONS.get(this).contains(next);
    }
}
