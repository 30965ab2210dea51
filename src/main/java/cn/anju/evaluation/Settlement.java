package cn.anju.evaluation;

import cn.anju.shared.state.Column;
import cn.anju.shared.state.StateChange;
import cn.anju.shared.state.StateTable;
import cn.anju.shared.web.ProblemException;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A period's settlement statement (结算单): its signed lines add up to {@code totalFen}, what the operator is paid. */
public record Settlement(long id, long evaluationId, long contractId, String districtCode, String period, SettlementStatus status,
                         long totalFen, BigDecimal payableRatio, long preparedBy, Instant preparedAt, Long approvedBy, String voucherNo,
                         LocalDate paidOn, int version, List<SettlementLine> lines) {

    static final StateTable<SettlementStatus> TABLE = StateTable.of("settlement", "status", SettlementStatus.class, "结算单");
    private static final Column<Long> APPROVED_BY = Column.of("approved_by", Long.class);
    private static final Column<Instant> APPROVED_AT = Column.of("approved_at", Instant.class);
    private static final Column<String> VOUCHER = Column.of("voucher_no", String.class);
    private static final Column<LocalDate> PAID_ON = Column.of("paid_on", LocalDate.class);
    private static final Column<Long> PAID_BY = Column.of("paid_by", Long.class);

    public Settlement {
        lines = List.copyOf(lines);
    }

    StateChange<SettlementStatus> approve(long by, Instant now) {
        return TABLE.change(id, version, status, SettlementStatus.APPROVED, APPROVED_BY.set(by), APPROVED_AT.set(now));
    }

    /** Paid with the finance bureau's voucher, on a day between the approval and today. */
    StateChange<SettlementStatus> pay(String voucher, LocalDate on, LocalDate approvedOn, LocalDate today, long by) {
        if (voucher == null || voucher.isBlank() || on == null) {
            throw ProblemException.badRequest("PAYMENT_INCOMPLETE", "请填写支付凭证号和支付日期。");
        }
        if (on.isAfter(today) || (approvedOn != null && on.isBefore(approvedOn))) {
            throw ProblemException.badRequest("PAYMENT_DATE_INVALID", "支付日期须在结算审批之后、不晚于今天。");
        }
        return TABLE.change(id, version, status, SettlementStatus.PAID, VOUCHER.set(voucher.strip()), PAID_ON.set(on), PAID_BY.set(by));
    }
}
