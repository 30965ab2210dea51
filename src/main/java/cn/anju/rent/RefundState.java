package cn.anju.rent;

import cn.anju.shared.state.State;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * A duplicate online payment's refund: OPEN (found) → REQUESTED (by the operator's manager) → APPROVED (by the
 * district's finance) → REFUNDED (with the gateway's or bank's reference). Nothing goes back.
 */
public enum RefundState implements State<RefundState> {
    OPEN("待申请退款"), REQUESTED("已申请退款"), APPROVED("财政已批准"), REFUNDED("已退款");

    private static final Map<RefundState, Set<RefundState>> TRANSITIONS = Map.of(
            OPEN, EnumSet.of(REQUESTED),
            REQUESTED, EnumSet.of(APPROVED),
            APPROVED, EnumSet.of(REFUNDED),
            REFUNDED, EnumSet.noneOf(RefundState.class));

    private final String label;

    RefundState(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }

    @Override
    public boolean canBecome(RefundState next) {
        return TRANSITIONS.get(this).contains(next);
    }

    /** Money still owed back to the household. */
    public boolean toRefund() {
        return this != REFUNDED;
    }
}
