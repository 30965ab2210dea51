package cn.anju.rent;

import cn.anju.audit.AuditAction;

/** What the rent module writes on the audit log. */
enum RentAudit implements AuditAction {
    RENT_STANDARD_APPROVE, BILL_RUN, OTHER_CHARGE_SET, OTHER_CHARGE_END, DEPOSIT_RECEIVE, PAYMENT_POST, PAYMENT_REVERSE,
    GATEWAY_CALLBACK_REPLAY, GATEWAY_CALLBACK_REFUSED, GATEWAY_DUPLICATE_PAYMENT, REFUND_REQUESTED, REFUND_APPROVED,
    REFUND_REFUNDED, REMITTANCE_SUBMIT, REMITTANCE_CONFIRM;

    /** The step of a duplicate payment's refund that reached this state. */
    static RentAudit refundReached(RefundState state) {
        return switch (state) {
            case REQUESTED -> REFUND_REQUESTED;
            case APPROVED -> REFUND_APPROVED;
            case REFUNDED -> REFUND_REFUNDED;
            case OPEN -> throw new IllegalArgumentException("a refund never returns to OPEN");
        };
    }
}
