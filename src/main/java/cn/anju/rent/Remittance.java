package cn.anju.rent;

import cn.anju.shared.state.Column;
import cn.anju.shared.state.StateChange;
import cn.anju.shared.state.StateTable;

import java.time.Instant;
import java.time.LocalDate;

/** A remittance batch as the finance's confirmation needs it: where it belongs (the scope), its status and version. */
record Remittance(long id, String district, RemittanceStatus status, int version) {

    static final StateTable<RemittanceStatus> TABLE = StateTable.of("remittance_batch", "status", RemittanceStatus.class, "该批次");
    static final Column<String> TREASURY_RECEIPT_NO = Column.of("treasury_receipt_no", String.class);
    static final Column<LocalDate> TREASURY_DATE = Column.of("treasury_date", LocalDate.class);
    static final Column<Long> CONFIRMED_BY = Column.of("confirmed_by", Long.class);
    static final Column<Instant> CONFIRMED_AT = Column.of("confirmed_at", Instant.class);

    /** The money reached the treasury: the receipt (国库缴款书) number and the day it was booked. */
    StateChange<RemittanceStatus> confirm(String receiptNo, LocalDate treasuryDate, long finance, Instant at) {
        return TABLE.change(id, version, status, RemittanceStatus.CONFIRMED, TREASURY_RECEIPT_NO.set(receiptNo),
                TREASURY_DATE.set(treasuryDate), CONFIRMED_BY.set(finance), CONFIRMED_AT.set(at));
    }
}
