package cn.anju.contract;

import cn.anju.audit.AuditLog;
import cn.anju.audit.AuditOutcome;
import cn.anju.identity.CurrentUser;
import cn.anju.identity.IdentityQueries;
import cn.anju.shared.Districts;
import cn.anju.shared.files.Upload;
import cn.anju.shared.state.StateChanges;
import cn.anju.shared.web.ProblemException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** Recording a purchase step by step: the project, the budget approval (finance), the announcement, the award. */
@NamedInterface("actions")
@Service
public class Procurements {

    private final ContractRecords records;
    private final ContractScope scope;
    private final ContractPdfs pdfs;
    private final IdentityQueries identity;
    private final Districts districts;
    private final StateChanges changes;
    private final AuditLog audit;
    private final Clock clock;

    Procurements(ContractRecords records, ContractScope scope, ContractPdfs pdfs, IdentityQueries identity, Districts districts,
                 StateChanges changes, AuditLog audit, Clock clock) {
        this.records = records;
        this.scope = scope;
        this.pdfs = pdfs;
        this.identity = identity;
        this.districts = districts;
        this.changes = changes;
        this.audit = audit;
        this.clock = clock;
    }

    public record NewProcurement(String districtCode, Integer year, String title, String purchasingUnit, List<ServiceItem> serviceItems,
                                 ProcurementMethod method, String singleSourceReason, Long proposedFen, List<String> bidders) {
    }

    @Transactional
    public long create(CurrentUser user, NewProcurement p) {
        if (p.districtCode() == null || districts.find(p.districtCode()).isEmpty()) {
            throw ProblemException.badRequest("UNKNOWN_DISTRICT", "请选择本市的区县。");
        }
        scope.requirePreparer(user, p.districtCode());
        Procurement.checkNew(p.serviceItems(), p.method(), p.singleSourceReason());
        if (p.year() == null || p.title() == null || p.title().isBlank() || p.purchasingUnit() == null || p.purchasingUnit().isBlank()) {
            throw ProblemException.badRequest("PROCUREMENT_INCOMPLETE", "请填写年度、项目名称和购买主体（采购单位）。");
        }
        if (p.proposedFen() != null && p.proposedFen() < 0) {
            throw ProblemException.badRequest("PROPOSED_BUDGET_NEGATIVE", "预算建议金额不能为负数。");
        }
        long id = records.insert(new ContractRecords.NewProcurement(p.districtCode(), p.year(), p.title().strip(),
                p.purchasingUnit().strip(), List.copyOf(new java.util.LinkedHashSet<>(p.serviceItems())), p.method(),
                blankToNull(p.singleSourceReason()), p.proposedFen(), cleaned(p.bidders())), user.id(), clock.instant());
        audit.record(ContractAudit.PROCUREMENT_CREATE, "procurement", id, AuditOutcome.SUCCESS,
                Map.of("district", p.districtCode(), "year", p.year(), "method", p.method().name()));
        return id;
    }

    /** 预算批复 of a year (the procurement's own when no year is given), recorded by the district's finance bureau. */
    @Transactional
    public void approveBudget(CurrentUser user, long id, Procurement.Budget budget, Upload file, Integer seenVersion) {
        Procurement p = visible(user, id);
        scope.requireFinance(user, p.districtCode());
        var change = p.approveBudget(budget);
        StoredPdf pdf = pdfs.store(file, "预算批复文件");
        Procurement.Budget b = new Procurement.Budget(budget.year() == null ? p.year() : budget.year(), budget.amountFen(),
                budget.approvalNo(), budget.approvedBy(), budget.approvedOn(), pdf);
        Runnable write = () -> {
            try {
                records.insertBudget(id, b, user.id(), clock.instant());
            } catch (DuplicateKeyException e) {
                throw ProblemException.conflict("BUDGET_ALREADY_APPROVED", b.year() + "年度的预算已登记批复。");
            }
            audit.record(ContractAudit.PROCUREMENT_BUDGET_APPROVE, "procurement", id, AuditOutcome.SUCCESS,
                    Map.of("year", b.year(), "budgetFen", b.amountFen(), "approvalNo", b.approvalNo()));
        };
        change.ifPresentOrElse(c -> changes.apply(c.asSeen(seenVersion), x -> write.run()), write);
    }

    @Transactional
    public void announce(CurrentUser user, long id, LocalDate on, Upload file, Integer seenVersion) {
        Procurement p = prepared(user, id);
        StoredPdf pdf = pdfs.store(file, "采购公告");
        changes.apply(p.announce(on, pdf).asSeen(seenVersion), c -> audit.record(ContractAudit.PROCUREMENT_ANNOUNCE,
                "procurement", id, AuditOutcome.SUCCESS, Map.of("on", String.valueOf(on))));
    }

    /** 确定承接主体: the winner is a registered operator; bidders are names as the procurement documents give them. */
    @Transactional
    public void award(CurrentUser user, long id, LocalDate on, Long winnerId, List<String> bidders, Upload file, Integer seenVersion) {
        Procurement p = prepared(user, id);
        if (winnerId == null || !identity.isOperator(winnerId)) {
            throw ProblemException.badRequest("WINNER_NOT_AN_OPERATOR", "请选择已登记的承接主体作为中标（成交）单位。");
        }
        StoredPdf pdf = pdfs.store(file, "中标（成交）通知书或结果公告");
        changes.apply(p.award(on, pdf, winnerId).asSeen(seenVersion), c -> {
            if (bidders != null && !bidders.isEmpty()) {
                records.bidders(id, cleaned(bidders));
            }
            audit.record(ContractAudit.PROCUREMENT_AWARD, "procurement", id, AuditOutcome.SUCCESS, Map.of("winnerId", winnerId));
        });
    }

    public Procurement visible(CurrentUser user, long id) {
        return scope.visible(user, records.procurement(id).orElseThrow(() -> ContractScope.notFound("PROCUREMENT_NOT_FOUND", "采购项目")));
    }

    public List<Procurement> list(CurrentUser user) {
        return records.procurementsIn(scope.districtsRead(user));
    }

    /** Whether the user records the district's purchase (the pages offer the steps then). */
    public boolean prepares(CurrentUser user, String districtCode) {
        return ContractScope.prepares(user, districtCode);
    }

    /** Whether the user records the district's budget approvals (its finance bureau; the pages offer the form then). */
    public boolean approvesBudget(CurrentUser user, String districtCode) {
        return ContractScope.finance(user, districtCode);
    }

    private Procurement prepared(CurrentUser user, long id) {
        Procurement p = visible(user, id);
        scope.requirePreparer(user, p.districtCode());
        return p;
    }

    private static List<String> cleaned(List<String> names) {
        return names == null ? List.of() : names.stream().filter(n -> n != null && !n.isBlank()).map(String::strip).distinct().toList();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
