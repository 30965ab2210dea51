package cn.anju.contract;

import cn.anju.audit.AuditLog;
import cn.anju.audit.AuditOutcome;
import cn.anju.housing.HousingStock;
import cn.anju.identity.CurrentUser;
import cn.anju.shared.policy.PolicySettings;
import cn.anju.shared.web.ProblemException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/** Drafting a service contract from its procurement, and reading contracts within the user's scope. */
@NamedInterface("actions")
@Service
public class ServiceContracts {

    static final String WIND_DOWN_DAYS = "contract.wind-down-days";

    private final ContractRecords records;
    private final ContractScope scope;
    private final HousingStock housing;
    private final PolicySettings policy;
    private final AuditLog audit;
    private final Clock clock;

    ServiceContracts(ContractRecords records, ContractScope scope, HousingStock housing, PolicySettings policy, AuditLog audit, Clock clock) {
        this.records = records;
        this.scope = scope;
        this.housing = housing;
        this.policy = policy;
        this.audit = audit;
        this.clock = clock;
    }

    /** A draft's terms. {@code allProjects}: every project of the district, new ones included; else {@code projectIds}. */
    public record NewContract(Long procurementId, Long operatorId, String contractNo, String title, LocalDate startsOn,
                              LocalDate endsOn, boolean allProjects, List<Long> projectIds, List<ServiceItem> serviceItems,
                              FeeTerms fees, BigDecimal holdbackPercent, PaymentRule paymentRule, List<FixedDeduction> deductions,
                              String targetsRef) {
    }

    @Transactional
    public long draft(CurrentUser user, NewContract n) {
        Procurement p = records.procurement(n.procurementId() == null ? -1 : n.procurementId()).filter(x -> scope.reads(user, x))
                .orElseThrow(() -> ProblemException.badRequest("PROCUREMENT_NOT_FOUND", "请选择本区县的采购项目。"));
        scope.requirePreparer(user, p.districtCode());
        if (p.status() == ProcurementStatus.CONTRACTED) {
            throw ProblemException.conflict("PROCUREMENT_CONTRACTED", "该采购项目已签订合同；变更请签订补充协议。");
        }
        if (records.hasContract(p.id())) {
            throw ProblemException.conflict("PROCUREMENT_HAS_DRAFT", "该采购项目已有合同草稿，请作废后重新草拟，或直接签订。");
        }
        if (n.operatorId() == null || (p.winnerId() != null && !p.winnerId().equals(n.operatorId()))) {
            throw ProblemException.badRequest("OPERATOR_NOT_WINNER", "合同的承接主体须为该采购项目确定的中标（成交）单位。");
        }
        if (n.contractNo() == null || n.contractNo().isBlank() || n.title() == null || n.title().isBlank()) {
            throw ProblemException.badRequest("CONTRACT_INCOMPLETE", "请填写合同编号和合同名称。");
        }
        if (n.startsOn() == null || n.endsOn() == null || n.endsOn().isBefore(n.startsOn())) {
            throw ProblemException.badRequest("CONTRACT_PERIOD", "请填写合同期限：开始日期和结束日期，结束不早于开始。");
        }
        List<ServiceItem> items = n.serviceItems() == null || n.serviceItems().isEmpty() ? p.serviceItems()
                : List.copyOf(new LinkedHashSet<>(n.serviceItems()));
        if (!p.serviceItems().containsAll(items)) {
            throw ProblemException.badRequest("SERVICE_ITEMS_NOT_PROCURED", "合同的服务内容须在采购项目的购买内容之内。");
        }
        List<Long> projects = n.allProjects() ? List.of() : checkedProjects(p.districtCode(), n.projectIds());
        BigDecimal holdback = n.holdbackPercent() == null ? BigDecimal.ZERO : n.holdbackPercent();
        if (holdback.signum() < 0 || holdback.compareTo(BigDecimal.valueOf(100)) > 0 || holdback.scale() > 2) {
            throw ProblemException.badRequest("HOLDBACK_PERCENT", "质保金（暂扣）比例应在0到100之间，最多两位小数。");
        }
        ServiceContract c = new ServiceContract(0, n.contractNo().strip(), p.districtCode(), n.operatorId(), p.id(), false,
                n.title().strip(), n.startsOn(), n.endsOn(), n.allProjects(), items, n.fees(), holdback,
                n.paymentRule() == null ? PaymentRule.standard() : n.paymentRule(),
                n.deductions() == null ? List.of() : n.deductions(), blankToNull(n.targetsRef()),
                policy.integer(WIND_DOWN_DAYS, p.districtCode()), ContractStatus.DRAFT, null, null, null, user.id(), 0);
        if (c.fees() == null) {
            throw ProblemException.badRequest("FEE_TERMS_REQUIRED", "请填写计费方式（按套每月或包干总价）和支付周期（按月或按季）。");
        }
        long id;
        try {
            id = records.insert(c, projects, clock.instant());
        } catch (DuplicateKeyException e) {
            if (records.hasContract(p.id())) {
                throw ProblemException.conflict("PROCUREMENT_HAS_DRAFT", "该采购项目已有合同草稿，请作废后重新草拟，或直接签订。");
            }
            throw ProblemException.conflict("CONTRACT_NO_TAKEN", "合同编号“" + c.contractNo() + "”已被使用，请核对。");
        }
        audit.record(ContractAudit.CONTRACT_DRAFT, "service_contract", id, AuditOutcome.SUCCESS,
                Map.of("procurementId", p.id(), "operatorId", n.operatorId(), "projects", n.allProjects() ? "ALL" : projects.size()));
        return id;
    }

    /** Discards a draft that was never signed, so the procurement can be drafted again (a wrong period, operator or fee). */
    @Transactional
    public void discard(CurrentUser user, long id, Integer seenVersion) {
        ServiceContract c = visible(user, id);
        scope.requirePreparer(user, c.districtCode());
        if (c.status() != ContractStatus.DRAFT) {
            throw ProblemException.conflict("CONTRACT_NOT_DRAFT", "只能作废尚未签订的合同草稿；已签订的合同请签订补充协议或申请终止。");
        }
        c.requireSeen(seenVersion, true);
        c.requireSeen(null, records.deleteDraft(c));
        audit.record(ContractAudit.CONTRACT_DISCARD, "service_contract", id, AuditOutcome.SUCCESS,
                Map.of("contractNo", c.contractNo(), "procurementId", c.procurementId()));
    }

    /** Every project must lie in the contract's district; at least one when the contract does not cover the whole district. */
    List<Long> checkedProjects(String district, List<Long> ids) {
        List<Long> projects = ids == null ? List.of() : List.copyOf(new LinkedHashSet<>(ids));
        if (projects.isEmpty()) {
            throw ProblemException.badRequest("CONTRACT_PROJECTS_REQUIRED", "请选择合同覆盖的项目，或选择“本区县全部项目（含新增项目）”。");
        }
        for (Long project : projects) {
            if (project == null || !housing.projectDistrict(project).map(district::equals).orElse(false)) {
                throw ProblemException.badRequest("PROJECT_NOT_IN_DISTRICT", "合同覆盖的项目须都属于本区县（项目 " + project + " 不是）。");
            }
        }
        return projects;
    }

    public ServiceContract visible(CurrentUser user, long id) {
        return scope.visible(user, records.contract(id).orElseThrow(() -> ContractScope.notFound("CONTRACT_NOT_FOUND", "服务合同")));
    }

    /** The user's contracts: its districts' (government, finance), its own while open to it (operator manager). */
    public List<ServiceContract> list(CurrentUser user) {
        if (scope.isOperatorManager(user)) {
            LocalDate today = LocalDate.now(clock);
            return records.contractsOf(user.organisationId()).stream().filter(c -> ContractScope.stillOpenTo(c, today)).toList();
        }
        return records.contractsWhere(scope.districtsRead(user), null);
    }

    public List<CoveredProject> projects(ServiceContract c) {
        return records.projects(c.id());
    }

    public Map<Long, String> projectNames(List<Long> ids) {
        return housing.projectNames(ids);
    }

    /** The district's projects (id → name), for a preparer choosing which a contract covers; the caller checks scope. */
    public Map<Long, String> districtProjects(String districtCode) {
        return housing.projectsIn(districtCode);
    }

    public boolean prepares(CurrentUser user, ServiceContract c) {
        return ContractScope.prepares(user, c.districtCode());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
