package cn.anju.contract;

import cn.anju.shared.state.Column;
import cn.anju.shared.state.StateChange;
import cn.anju.shared.state.StateTable;
import cn.anju.shared.web.ProblemException;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * 采购项目: one district's purchase of a year, from the budget the finance bureau approved to the operator awarded and
 * the contract signed. Each step is an intention-revealing method that says what changes; {@code ProcurementSteps}
 * writes it.
 */
public record Procurement(long id, String districtCode, int year, String title, String purchasingUnit,
                          List<ServiceItem> serviceItems, ProcurementMethod method, String singleSourceReason,
                          Long proposedFen, ProcurementStatus status, List<Budget> budgets, LocalDate announcedOn,
                          StoredPdf announcement, LocalDate awardedOn, StoredPdf award, List<String> bidders, Long winnerId,
                          long createdBy, int version) {

    static final StateTable<ProcurementStatus> TABLE = StateTable.of("procurement", "status", ProcurementStatus.class, "采购项目");
    private static final Column<LocalDate> ANNOUNCED_ON = Column.of("announced_on", LocalDate.class);
    private static final Column<String> ANNOUNCEMENT_FILE = Column.of("announcement_file", String.class);
    private static final Column<String> ANNOUNCEMENT_SHA = Column.of("announcement_sha256", String.class);
    private static final Column<LocalDate> AWARDED_ON = Column.of("awarded_on", LocalDate.class);
    private static final Column<String> AWARD_FILE = Column.of("award_file", String.class);
    private static final Column<String> AWARD_SHA = Column.of("award_sha256", String.class);
    private static final Column<Long> WINNER = Column.of("winner_id", Long.class);

    /** 预算批复 of one year: the amount, the finance bureau's approval number and date, and its document. */
    public record Budget(Integer year, Long amountFen, String approvalNo, String approvedBy, LocalDate approvedOn, StoredPdf file) {
    }

    /** The budget approved for the procurement's own year, if any yet. */
    public Budget budget() {
        return budgetOf(year).orElse(null);
    }

    public Optional<Budget> budgetOf(int y) {
        return budgets.stream().filter(b -> b.year() == y).findFirst();
    }

    /** Refuses a purchase that cannot be recorded as typed: no service item, single source without a reason. */
    static void checkNew(List<ServiceItem> items, ProcurementMethod method, String singleSourceReason) {
        if (items == null || items.isEmpty()) {
            throw ProblemException.badRequest("SERVICE_ITEMS_REQUIRED", "请至少选择一项购买服务内容（入住和退出、租金收缴和房屋使用、维修养护、综合管理）。");
        }
        if (method == null) {
            throw ProblemException.badRequest("PROCUREMENT_METHOD_REQUIRED", "请选择采购方式（公开招标、邀请招标、竞争性谈判、单一来源采购、竞争性磋商）。");
        }
        if (method == ProcurementMethod.SINGLE_SOURCE && (singleSourceReason == null || singleSourceReason.isBlank())) {
            throw ProblemException.badRequest("SINGLE_SOURCE_REASON_REQUIRED", "采用单一来源采购须填写书面理由。");
        }
    }

    /**
     * Checks a year's budget approval. The procurement's own year comes first and moves it to BUDGET_APPROVED (the change
     * returned); a later year of a contract running across years is added once that one exists (no change of state).
     */
    Optional<StateChange<ProcurementStatus>> approveBudget(Budget b) {
        if (b.amountFen() == null || b.amountFen() <= 0) {
            throw ProblemException.badRequest("BUDGET_AMOUNT_REQUIRED", "请填写批复的预算金额（大于0）。");
        }
        if (b.approvalNo() == null || b.approvalNo().isBlank() || b.approvedOn() == null || b.approvedBy() == null
                || b.approvedBy().isBlank()) {
            throw ProblemException.badRequest("BUDGET_APPROVAL_INCOMPLETE", "请填写预算批复文号、批复的财政部门和批复日期。");
        }
        int y = b.year() == null ? year : b.year();
        if (budgetOf(y).isPresent()) {
            throw ProblemException.conflict("BUDGET_ALREADY_APPROVED", y + "年度的预算已登记批复。");
        }
        if (status == ProcurementStatus.DRAFT) {
            if (y != year) {
                throw ProblemException.badRequest("BUDGET_YEAR_FIRST", "请先登记采购项目所属年度（" + year + "年）的预算批复。");
            }
            return Optional.of(TABLE.change(id, version, status, ProcurementStatus.BUDGET_APPROVED));
        }
        if (y <= year) {
            throw ProblemException.badRequest("BUDGET_YEAR", "后续年度的预算批复须晚于" + year + "年。");
        }
        return Optional.empty();
    }

    StateChange<ProcurementStatus> announce(LocalDate on, StoredPdf file) {
        requireDay(on, budget() == null ? null : budget().approvedOn(), "公告日期", "预算批复日期");
        return TABLE.change(id, version, status, ProcurementStatus.ANNOUNCED, ANNOUNCED_ON.set(on),
                ANNOUNCEMENT_FILE.set(file == null ? null : file.key()), ANNOUNCEMENT_SHA.set(file == null ? null : file.sha256()));
    }

    StateChange<ProcurementStatus> award(LocalDate on, StoredPdf file, long winner) {
        requireDay(on, announcedOn, "中标（成交）日期", "公告日期");
        return TABLE.change(id, version, status, ProcurementStatus.AWARDED, AWARDED_ON.set(on),
                AWARD_FILE.set(file == null ? null : file.key()), AWARD_SHA.set(file == null ? null : file.sha256()),
                WINNER.set(winner));
    }

    StateChange<ProcurementStatus> contracted() {
        return TABLE.change(id, version, status, ProcurementStatus.CONTRACTED);
    }

    private static void requireDay(LocalDate day, LocalDate notBefore, String what, String previous) {
        if (day == null) {
            throw ProblemException.badRequest("DATE_REQUIRED", "请填写" + what + "。");
        }
        if (notBefore != null && day.isBefore(notBefore)) {
            throw ProblemException.badRequest("DATE_BEFORE_PREVIOUS_STEP", what + "不能早于" + previous + "（" + notBefore + "）。");
        }
    }
}
