package cn.anju.contract.web;

import cn.anju.contract.ContractHandovers;
import cn.anju.contract.ContractLifecycle;
import cn.anju.contract.ContractStatus;
import cn.anju.contract.ServiceContracts;
import cn.anju.contract.ServiceContract;
import cn.anju.identity.CurrentUser;
import cn.anju.identity.FourEyes;
import cn.anju.identity.OrganisationType;
import cn.anju.shared.Districts;
import cn.anju.shared.Role;
import cn.anju.shared.web.PageActions;
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
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * 服务合同: the contracts the user sees, grouped by district (the city sees every district side by side with this
 * year's budget use), and one contract with its terms, projects, amendments, budget use, ledger and termination. The
 * preparer signs, amends and asks to terminate; a leader of the district other than the asker approves the termination.
 */
@Controller
@PreAuthorize("@contractAccess.contracts(authentication)")
class ContractPages {

    private final ServiceContracts contracts;
    private final ContractHandovers handovers;
    private final ContractLifecycle lifecycle;
    private final ContractViews views;
    private final Districts districts;
    private final Clock clock;

    ContractPages(ServiceContracts contracts, ContractLifecycle lifecycle, ContractHandovers handovers, ContractViews views,
                  Districts districts, Clock clock) {
        this.handovers = handovers;
        this.contracts = contracts;
        this.lifecycle = lifecycle;
        this.views = views;
        this.districts = districts;
        this.clock = clock;
    }

    /** This year's budget use summed over some contracts (a year without an approved budget adds none). */
    record Totals(int count, Long budgetFen, long settledFen, long paidFen, Long remainingFen) {

        static Totals of(Collection<ContractViews.Summary> rows) {
            List<ContractViews.Summary> budgeted = rows.stream().filter(s -> s.thisYear() != null).toList();
            return new Totals(rows.size(), sum(budgeted.stream().map(s -> s.thisYear().budgetFen())),
                    budgeted.stream().mapToLong(s -> s.thisYear().settledFen()).sum(),
                    budgeted.stream().mapToLong(s -> s.thisYear().paidFen()).sum(),
                    sum(budgeted.stream().map(s -> s.thisYear().remainingFen())));
        }

        private static Long sum(Stream<Long> amounts) {
            List<Long> known = amounts.filter(Objects::nonNull).toList();
            return known.isEmpty() ? null : known.stream().mapToLong(Long::longValue).sum();
        }
    }

    /** One district's contracts and their totals. */
    record DistrictGroup(String code, String name, List<ContractViews.Summary> contracts, Totals totals) {
    }

    @GetMapping("/contracts")
    String list(CurrentUser user, Model model) {
        List<ContractViews.Summary> all = views.summaries(contracts.list(user));
        Map<String, List<ContractViews.Summary>> byDistrict = new LinkedHashMap<>();
        boolean city = user.organisationType() == OrganisationType.CITY_BUREAU;
        if (city) {
            districts.ofCity(districts.cityCode()).forEach(d -> byDistrict.put(d.code(), new ArrayList<>()));
        }
        all.forEach(s -> byDistrict.computeIfAbsent(s.districtCode(), k -> new ArrayList<>()).add(s));
        model.addAttribute("groups", byDistrict.entrySet().stream()
                .map(e -> new DistrictGroup(e.getKey(), districts.nameOf(e.getKey()), e.getValue(), Totals.of(e.getValue()))).toList());
        model.addAttribute("total", Totals.of(all));
        model.addAttribute("city", city);
        model.addAttribute("year", LocalDate.now(clock).getYear());
        return "contract/contracts";
    }

    @GetMapping("/contracts/{id}")
    String show(CurrentUser user, @PathVariable long id, Model model) {
        ServiceContract c = contracts.visible(user, id);
        ContractViews.Detail detail = views.detail(c);
        boolean prepares = contracts.prepares(user, c);
        boolean open = c.status() == ContractStatus.SIGNED || c.status() == ContractStatus.IN_FORCE;
        ServiceContract.Termination t = c.termination();
        boolean asked = t != null && t.askedBy() != null && t.decidedBy() == null && open;
        model.addAttribute("d", detail);
        model.addAttribute("c", detail.contract());
        model.addAttribute("amendments", ContractDraftPages.amendmentRows(contracts, detail));
        model.addAttribute("readsProcurement", user.hasAny(Role.GOV_ADMIN, Role.GOV_OFFICER, Role.FINANCE));
        model.addAttribute("maySign", prepares && c.status() == ContractStatus.DRAFT);
        model.addAttribute("mayAmend", prepares && open && !asked);
        model.addAttribute("mayAskTermination", prepares && open && !asked);
        model.addAttribute("terminationAsked", asked);
        model.addAttribute("askedByMe", asked && Objects.equals(t.askedBy(), user.id()));
        model.addAttribute("mayApproveTermination", asked && FourEyes.isLeaderOf(user, c.districtCode()) && !Objects.equals(t.askedBy(), user.id()));
        model.addAttribute("addable", prepares && open && !c.allProjects() ? ContractDraftPages.addable(contracts, c, detail) : Map.of());
        model.addAttribute("mayWithdrawTermination", asked && (Objects.equals(t.askedBy(), user.id()) || FourEyes.isLeaderOf(user, c.districtCode())));
        model.addAttribute("handoverLink", handovers.mayPrepare(user, c) || handovers.of(user, id).isPresent());
        model.addAttribute("handedTo", handovers.handedTo(id));
        model.addAttribute("today", LocalDate.now(clock));
        return "contract/contract";
    }

    record SignForm(@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate signedOn, Integer version) {
    }

    @PostMapping("/contracts/{id}/signature")
    String sign(CurrentUser user, @PathVariable long id, @ModelAttribute SignForm f, @RequestParam(required = false) MultipartFile file,
                RedirectAttributes redirect) {
        return PageActions.attempt(redirect, "/contracts/" + id, "合同已签订，签章合同已存档（SHA-256 已记录）；自合同开始日起承接主体获得服务范围。",
                () -> lifecycle.sign(user, id, f.signedOn(), ProcurementApi.upload(file), f.version()));
    }

    record TerminationForm(@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate lastDay, String reason, Integer version) {
    }

    @PostMapping("/contracts/{id}/termination")
    String askTermination(CurrentUser user, @PathVariable long id, @ModelAttribute TerminationForm f, RedirectAttributes redirect) {
        return PageActions.attempt(redirect, "/contracts/" + id, "终止申请已提交，待本区县分管领导审批。",
                () -> lifecycle.askTermination(user, id, f.lastDay(), f.reason(), f.version()));
    }

    @PostMapping("/contracts/{id}/termination/approval")
    String approveTermination(CurrentUser user, @PathVariable long id, @RequestParam(required = false) Integer version,
                              RedirectAttributes redirect) {
        return PageActions.attempt(redirect, "/contracts/" + id, "已批准终止合同；最后履行日的次日起承接主体不再能访问本合同的项目。",
                () -> lifecycle.approveTermination(user, id, version));
    }
}
