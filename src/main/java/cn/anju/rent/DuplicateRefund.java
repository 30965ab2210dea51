package cn.anju.rent;

import cn.anju.shared.state.Column;
import cn.anju.shared.state.StateChange;
import cn.anju.shared.state.StateTable;

import java.time.Instant;

/**
 * The refund of a duplicate online payment, as its four-eyes steps need it: requested by the operator's manager,
 * approved by the district's finance, recorded with the refund's reference. Each step returns the typed change.
 */
record DuplicateRefund(long id, String district, long project, RefundState state, int version) {

    static final StateTable<RefundState> TABLE = StateTable.of("gateway_exception", "refund_state", RefundState.class, "该笔退款");
    static final Column<Long> REQUESTED_BY = Column.of("requested_by", Long.class);
    static final Column<Instant> REQUESTED_AT = Column.of("requested_at", Instant.class);
    static final Column<String> REQUEST_NOTE = Column.of("request_note", String.class);
    static final Column<Long> APPROVED_BY = Column.of("approved_by", Long.class);
    static final Column<Instant> APPROVED_AT = Column.of("approved_at", Instant.class);
    static final Column<Long> REFUNDED_BY = Column.of("refunded_by", Long.class);
    static final Column<Instant> REFUNDED_AT = Column.of("refunded_at", Instant.class);
    static final Column<String> REFUND_REFERENCE = Column.of("refund_reference", String.class);

    StateChange<RefundState> request(long manager, Instant at, String note) {
        return TABLE.change(id, version, state, RefundState.REQUESTED, REQUESTED_BY.set(manager), REQUESTED_AT.set(at), REQUEST_NOTE.set(note));
    }

    StateChange<RefundState> approve(long finance, Instant at) {
        return TABLE.change(id, version, state, RefundState.APPROVED, APPROVED_BY.set(finance), APPROVED_AT.set(at));
    }

    /** The money went back through the gateway or the bank, under this reference. */
    StateChange<RefundState> refunded(long manager, Instant at, String reference) {
        return TABLE.change(id, version, state, RefundState.REFUNDED, REFUNDED_BY.set(manager), REFUNDED_AT.set(at), REFUND_REFERENCE.set(reference));
    }
}
