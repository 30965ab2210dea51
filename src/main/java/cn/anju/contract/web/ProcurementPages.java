package cn.anju.contract.web;

import cn.anju.contract.ContractLedger;
import cn.anju.contract.ServiceContracts;
import cn.anju.contract.Procurement;
import cn.anju.contract.ProcurementMethod;
import cn.anju.contract.ProcurementStatus;
import cn.anju.contract.Procurements;
import cn.anju.contract.ServiceContract;
import cn.anju.contract.ServiceItem;
import cn.anju.identity.CurrentUser;
import cn.anju.identity.IdentityQueries;
import cn.anju.shared.Districts;
import cn.anju.shared.web.PageActions;
import cn.anju.shared.web.ProblemException;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * 采购项目: the list of the user's districts' purchases with the preparer's form for a new one, and one purchase with
 * every step (budget approvals, announcement, award, the contract drafted from it), each step's form offered only to
 * whoever may take it now. The detail is also where next year's budget is proposed: the district's last evaluation
 * result stands beside the proposed budget.
 */
@Controller
@PreAuthorize("@contractAccess.procurement(authentication)")
class ProcurementPages {

    private final Procurements procurements;
    private final ServiceContracts contracts;
    private final ContractLedger ledger;
    private final IdentityQueries identity;
    private final Districts districts;
    private final Clock clock;

    ProcurementPages(Procurements procurements, ServiceContracts contracts, ContractLedger ledger, IdentityQueries identity,
                     Districts districts, Clock clock) {
        this.procurements = procurements;
        this.contracts = contracts;
        this.ledger = ledger;
        this.identity = identity;
        this.districts = districts;
        this.clock = clock;
    }

    /** A new purchase as typed: the proposed budget in yuan. */
    record ProcurementForm(String districtCode, Integer year, String title, String purchasingUnit, List<ServiceItem> serviceItems,
                           ProcurementMethod method, String singleSourceReason, String proposedYuan) {

        public List<ServiceItem> items() {
            return serviceItems == null ? List.of() : serviceItems;
        }
    }

    /** A purchase as the list shows it. */
    record Row(Procurement p, String districtName) {
    }

    record DistrictOption(String code, String name) {
    }

    @GetMapping("/procurements")
    String list(CurrentUser user, Model model) {
        int next = LocalDate.now(clock).getYear() + 1;
        return list(user, new ProcurementForm(null, next, "", "", List.of(ServiceItem.values()), ProcurementMethod.PUBLIC_TENDER, "", ""), model);
    }

    @PostMapping("/procurements")
    String create(CurrentUser user, @ModelAttribute ProcurementForm f, Model model, RedirectAttributes redirect) {
        try {
            long id = procurements.create(user, new Procurements.NewProcurement(f.districtCode(), f.year(), f.title(), f.purchasingUnit(),
                    f.items(), f.method(), f.method() == ProcurementMethod.SINGLE_SOURCE ? f.singleSourceReason() : null,
                    FormInput.fen(f.proposedYuan(), "预算建议"), List.of()));
            redirect.addFlashAttribute("notice", "采购项目已建立。请由本区县财政局登记预算批复后发布采购公告。");
            return "redirect:/procurements/" + id;
        } catch (ProblemException e) {
            return FormInput.refusedOn(e, model, () -> list(user, f, model));
        }
    }

    private String list(CurrentUser user, ProcurementForm f, Model model) {
        List<DistrictOption> preparable = districts.ofCity(districts.cityCode()).stream()
                .filter(d -> procurements.prepares(user, d.code())).map(d -> new DistrictOption(d.code(), d.name())).toList();
        model.addAttribute("rows", procurements.list(user).stream().map(p -> new Row(p, districts.nameOf(p.districtCode()))).toList());
        model.addAttribute("districts", preparable);
        model.addAttribute("form", f);
        model.addAttribute("items", ServiceItem.values());
        model.addAttribute("methods", ProcurementMethod.values());
        return "contract/procurements";
    }

    @GetMapping("/procurements/{id}")
    String show(CurrentUser user, @PathVariable long id, Model model) {
        Procurement p = procurements.visible(user, id);
        boolean prepares = procurements.prepares(user, p.districtCode());
        boolean finance = procurements.approvesBudget(user, p.districtCode());
        List<ServiceContract> drafted = contracts.list(user).stream().filter(c -> Objects.equals(c.procurementId(), id)).toList();
        model.addAttribute("p", p);
        model.addAttribute("districtName", districts.nameOf(p.districtCode()));
        model.addAttribute("winnerName", p.winnerId() == null ? null : identity.organisationNames(Set.of(p.winnerId())).get(p.winnerId()));
        model.addAttribute("lastResult", ledger.lastResult(p.districtCode()).orElse(null));
        model.addAttribute("contracts", drafted);
        model.addAttribute("prepares", prepares);
        model.addAttribute("mayApproveBudget", finance);
        model.addAttribute("budgetYear", p.budget() == null ? p.year()
                : p.budgets().stream().mapToInt(Procurement.Budget::year).max().orElse(p.year()) + 1);
        model.addAttribute("mayAnnounce", prepares && p.status() == ProcurementStatus.BUDGET_APPROVED);
        model.addAttribute("mayAward", prepares && p.status() == ProcurementStatus.ANNOUNCED);
        model.addAttribute("operators", prepares && p.status() == ProcurementStatus.ANNOUNCED ? identity.operators(user) : List.of());
        model.addAttribute("mayDraft", prepares && p.status() == ProcurementStatus.AWARDED);
        model.addAttribute("organisationName", user.organisationName());
        model.addAttribute("today", LocalDate.now(clock));
        return "contract/procurement";
    }

    record BudgetForm(Integer year, String amountYuan, String approvalNo, String approvedBy,
                      @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate approvedOn, Integer version) {
    }

    @PostMapping("/procurements/{id}/budget-approval")
    String approveBudget(CurrentUser user, @PathVariable long id, @ModelAttribute BudgetForm f,
                         @RequestParam(required = false) MultipartFile file, RedirectAttributes redirect) {
        return PageActions.attempt(redirect, "/procurements/" + id, () -> {
            procurements.approveBudget(user, id, new Procurement.Budget(f.year(), FormInput.fen(f.amountYuan(), "批复金额"), f.approvalNo(),
                    f.approvedBy(), f.approvedOn(), null), ProcurementApi.upload(file), f.version());
            return (f.year() == null ? "" : f.year() + "年度") + "预算批复已登记，批复文件已存档。";
        });
    }

    record StepForm(@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on, Long winnerId, String bidders, Integer version) {
    }

    @PostMapping("/procurements/{id}/announcement")
    String announce(CurrentUser user, @PathVariable long id, @ModelAttribute StepForm f, @RequestParam(required = false) MultipartFile file,
                    RedirectAttributes redirect) {
        return PageActions.attempt(redirect, "/procurements/" + id, "采购公告已登记，公告文件已存档。",
                () -> procurements.announce(user, id, f.on(), ProcurementApi.upload(file), f.version()));
    }

    @PostMapping("/procurements/{id}/award")
    String award(CurrentUser user, @PathVariable long id, @ModelAttribute StepForm f, @RequestParam(required = false) MultipartFile file,
                 RedirectAttributes redirect) {
        return PageActions.attempt(redirect, "/procurements/" + id, "中标（成交）结果已登记。现在可以草拟服务合同。",
                () -> procurements.award(user, id, f.on(), f.winnerId(), FormInput.lines(f.bidders()), ProcurementApi.upload(file), f.version()));
    }
}
