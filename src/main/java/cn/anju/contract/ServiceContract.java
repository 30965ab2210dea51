package cn.anju.contract;

import cn.anju.shared.state.Column;
import cn.anju.shared.state.StateChange;
import cn.anju.shared.state.StateChanges;
import cn.anju.shared.state.StateTable;
import cn.anju.shared.web.ProblemException;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * 政府购买服务合同: purchaser (the district), operator, number, period, the projects covered (a list, or every project of the
 * district, new ones included), service items, fee terms, holdback, the score-to-payment rule, fixed deductions and a
 * reference to its quantified targets. A LEGACY contract stands for a coverage row typed before contracts existed.
 */
public record ServiceContract(long id, String contractNo, String districtCode, long operatorId, Long procurementId,
                              boolean legacy, String title, LocalDate startsOn, LocalDate endsOn, boolean allProjects,
                              List<ServiceItem> serviceItems, FeeTerms fees, BigDecimal holdbackPercent, PaymentRule paymentRule,
                              List<FixedDeduction> deductions, String targetsRef, int windDownDays, ContractStatus status,
                              StoredPdf signedPdf, LocalDate signedOn, Termination termination, long createdBy, int version) {

    static final StateTable<ContractStatus> TABLE = StateTable.of("service_contract", "status", ContractStatus.class, "服务合同");
    private static final Column<String> SIGNED_FILE = Column.of("signed_file", String.class);
    private static final Column<String> SIGNED_SHA = Column.of("signed_sha256", String.class);
    private static final Column<LocalDate> SIGNED_ON = Column.of("signed_on", LocalDate.class);
    private static final Column<Long> SIGNED_BY = Column.of("signed_by", Long.class);
    private static final Column<Long> DECIDED_BY = Column.of("termination_decided_by", Long.class);

    /** A termination asked for by one officer (its last day in force and the reason), approved by a leader (four eyes). */
    public record Termination(LocalDate lastDay, String reason, Long askedBy, Long decidedBy) {
    }

    /** The last day the contract is in force: the termination's when terminated (or asked), else its end. */
    public LocalDate lastDay() {
        return status == ContractStatus.TERMINATED ? termination.lastDay() : endsOn;
    }

    /**
     * The refusal of a change made from a form that saw an older version of the contract, or whose guarded write found
     * none ({@code written} false): the same 409 {@code CONCURRENT_CHANGE} as {@code StateChanges} gives.
     */
    void requireSeen(Integer seenVersion, boolean written) {
        if (seenVersion != null && seenVersion != version || !written) {
            throw ProblemException.conflict(StateChanges.CONCURRENT_CHANGE, TABLE.noun() + "刚被他人办理或修改，请刷新后再试。");
        }
    }

    StateChange<ContractStatus> sign(StoredPdf pdf, LocalDate on, long by) {
        if (pdf == null) {
            throw ProblemException.badRequest("SIGNED_PDF_REQUIRED", "请上传双方签章的合同 PDF。");
        }
        if (on == null) {
            throw ProblemException.badRequest("SIGNED_ON_REQUIRED", "请填写签订日期。");
        }
        return TABLE.change(id, version, status, ContractStatus.SIGNED, SIGNED_FILE.set(pdf.key()), SIGNED_SHA.set(pdf.sha256()),
                SIGNED_ON.set(on), SIGNED_BY.set(by));
    }

    /** The state the days put a signed contract in on {@code day}: in force from its first day, ended after its last. */
    ContractStatus dueOn(LocalDate day) {
        if (status == ContractStatus.DRAFT || status.closed()) {
            return status;
        }
        if (endsOn != null && endsOn.isBefore(day)) {
            return ContractStatus.ENDED;
        }
        return startsOn.isAfter(day) ? ContractStatus.SIGNED : ContractStatus.IN_FORCE;
    }

    StateChange<ContractStatus> moveTo(ContractStatus next) {
        return TABLE.change(id, version, status, next);
    }

    /** Checks an officer's request to terminate: a signed contract, a last day within its term, a reason. */
    void checkTermination(LocalDate lastDay, String reason) {
        if (status != ContractStatus.SIGNED && status != ContractStatus.IN_FORCE) {
            throw StateChange.illegal(TABLE.noun(), status, ContractStatus.TERMINATED);
        }
        if (lastDay == null || reason == null || reason.isBlank()) {
            throw ProblemException.badRequest("TERMINATION_INCOMPLETE", "请填写终止后合同的最后履行日和终止理由。");
        }
        if (lastDay.isBefore(startsOn.minusDays(1)) || (endsOn != null && lastDay.isAfter(endsOn))) {
            throw ProblemException.badRequest("TERMINATION_DATE_OUTSIDE_TERM", "终止日期须在合同期限内（" + startsOn + " 起"
                    + (endsOn == null ? "" : " 至 " + endsOn) + "）。");
        }
    }

    StateChange<ContractStatus> terminate(long decidedBy) {
        if (termination == null || termination.askedBy() == null) {
            throw ProblemException.conflict("TERMINATION_NOT_ASKED", "该合同尚无待审批的终止申请。");
        }
        return TABLE.change(id, version, status, ContractStatus.TERMINATED, DECIDED_BY.set(decidedBy));
    }
}
