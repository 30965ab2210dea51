package cn.anju.contract.web;

import cn.anju.contract.ContractAmendments;
import cn.anju.contract.ServiceContracts;
import cn.anju.contract.FeeTerms;
import cn.anju.contract.PaymentRule;
import cn.anju.contract.Procurement;
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

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Writing a contract's terms: the draft from an awarded procurement (草拟合同) and the 补充协议 of a signed one. Fees are
 * typed in yuan (per unit per month by layout, or a lump sum for the year) and kept in fen.
 */
@Controller
@PreAuthorize("@contractAccess.procurement(authentication)")
class ContractDraftPages {

    static final String ONE_BED = "一室一厅";
    static final String TWO_BED = "两室一厅";

    private final ServiceContracts contracts;
    private final Procurements procurements;
    private final ContractAmendments amendments;
    private final IdentityQueries identity;
    private final Districts districts;

    ContractDraftPages(ServiceContracts contracts, Procurements procurements, ContractAmendments amendments, IdentityQueries identity,
                       Districts districts) {
        this.contracts = contracts;
        this.procurements = procurements;
        this.amendments = amendments;
        this.identity = identity;
        this.districts = districts;
    }

    record DraftForm(Long procurementId, String contractNo, String title, @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate startsOn,
                     @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate endsOn, Boolean allProjects, List<Long> projectIds,
                     List<ServiceItem> serviceItems, FeeTerms.Kind feeKind, String rateOneBed, String rateTwoBed, String rateOther,
                     String lumpSumYuan, FeeTerms.Cycle cycle, String holdbackPercent, PaymentRule.Kind ruleKind, String fullScore,
                     String bands, String deductions, String targetsRef) {

        public List<Long> chosen() {
            return projectIds == null ? List.of() : projectIds;
        }

        public List<ServiceItem> items() {
            return serviceItems == null ? List.of() : serviceItems;
        }
    }

    @GetMapping("/contracts/new")
    String blank(CurrentUser user, @RequestParam long procurementId, Model model) {
        Procurement p = procurements.visible(user, procurementId);
        return form(user, p, new DraftForm(procurementId, "", p.title().replace("（" + p.year() + "年起）", "") + "合同",
                LocalDate.of(p.year(), 1, 1), LocalDate.of(p.year(), 12, 31), true, List.of(), p.serviceItems(), FeeTerms.Kind.PER_UNIT,
                "", "", "", "", FeeTerms.Cycle.QUARTERLY, "5", PaymentRule.Kind.LINEAR_BELOW, "90", "", "", ""), model);
    }

    @PostMapping("/contracts")
    String draft(CurrentUser user, @ModelAttribute DraftForm f, Model model, RedirectAttributes redirect) {
        Procurement p = procurements.visible(user, f.procurementId() == null ? -1 : f.procurementId());
        try {
            long id = contracts.draft(user, new ServiceContracts.NewContract(p.id(), p.winnerId(), f.contractNo(), f.title(), f.startsOn(),
                    f.endsOn(), !Boolean.FALSE.equals(f.allProjects()), f.chosen(), f.items(),
                    fees(f.feeKind(), f.rateOneBed(), f.rateTwoBed(), f.rateOther(), f.lumpSumYuan(), f.cycle()),
                    FormInput.decimal(f.holdbackPercent(), "质保金（暂扣）比例请填写0到100之间的数字。"), rule(f.ruleKind(), f.fullScore(), f.bands()),
                    FormInput.deductions(f.deductions()), f.targetsRef()));
            redirect.addFlashAttribute("notice", "合同草稿已保存。核对条款后上传双方签章的合同 PDF 完成签订。");
            return "redirect:/contracts/" + id;
        } catch (ProblemException e) {
            return FormInput.refusedOn(e, model, () -> form(user, p, f, model));
        }
    }

    private String form(CurrentUser user, Procurement p, DraftForm f, Model model) {
        if (!procurements.prepares(user, p.districtCode())) {
            throw ProblemException.forbidden("PURCHASE_NOT_YOURS", "只有该区县住房保障部门的经办人（或市住建局管理员）可以草拟本区县的服务合同。");
        }
        if (p.status() != ProcurementStatus.AWARDED) {
            throw ProblemException.conflict("PROCUREMENT_NOT_AWARDED", "采购项目确定承接主体（中标或成交）之后才能草拟服务合同。");
        }
        model.addAttribute("p", p);
        model.addAttribute("districtName", districts.nameOf(p.districtCode()));
        model.addAttribute("winnerName", identity.organisationNames(Set.of(p.winnerId())).get(p.winnerId()));
        model.addAttribute("projects", contracts.districtProjects(p.districtCode()));
        model.addAttribute("form", f);
        return "contract/contract-new";
    }

    /** The fee terms as typed (null when no kind was chosen: the service names what is missing). */
    static FeeTerms fees(FeeTerms.Kind kind, String oneBed, String twoBed, String other, String lumpSum, FeeTerms.Cycle cycle) {
        if (kind == null) {
            return null;
        }
        Map<String, Long> rates = new LinkedHashMap<>();
        if (kind == FeeTerms.Kind.PER_UNIT) {
            rate(rates, ONE_BED, oneBed);
            rate(rates, TWO_BED, twoBed);
            rate(rates, FeeTerms.OTHER_LAYOUTS, other);
            if (rates.isEmpty()) {
                throw ProblemException.badRequest("FEE_RATES_REQUIRED", "按套计费请至少填写一种户型的每套每月单价（元）；未列出的户型按“其他”计。");
            }
        }
        Long lump = kind == FeeTerms.Kind.LUMP_SUM ? FormInput.fen(lumpSum, "包干年度总价") : null;
        if (kind == FeeTerms.Kind.LUMP_SUM && (lump == null || lump <= 0)) {
            throw ProblemException.badRequest("LUMP_SUM_REQUIRED", "包干计费请填写大于0的年度总价（元）。");
        }
        return new FeeTerms(kind, rates, lump, cycle);
    }

    private static void rate(Map<String, Long> rates, String layout, String typed) {
        Long fen = FormInput.fen(typed, layout + "的每套每月单价");
        if (fen != null) {
            if (fen <= 0) {
                throw ProblemException.badRequest("FEE_RATES_REQUIRED", layout + "的每套每月单价须大于0元。");
            }
            rates.put(layout, fen);
        }
    }

    /** The score-to-payment rule: full payment from a score on (default 90), or bands typed "最低分,比例" one a line. */
    static PaymentRule rule(PaymentRule.Kind kind, String full, String bands) {
        if (kind == PaymentRule.Kind.BANDS) {
            List<PaymentRule.Band> list = new ArrayList<>();
            for (String line : FormInput.lines(bands)) {
                String[] parts = line.replace('，', ',').replace("%", "").split(",");
                String refusal = "分档付费每行写“最低分,付费比例%”，例如：80,90。请核对：" + line;
                if (parts.length != 2) {
                    throw ProblemException.badRequest("PAYMENT_RULE_BANDS", refusal);
                }
                list.add(new PaymentRule.Band(FormInput.decimal(parts[0], refusal), FormInput.decimal(parts[1], refusal)));
            }
            return new PaymentRule(kind, null, list);
        }
        BigDecimal line = FormInput.decimal(full, "全额付费分数线请填写0到100之间的数字（默认90分）。");
        return new PaymentRule(PaymentRule.Kind.LINEAR_BELOW, line == null ? BigDecimal.valueOf(90) : line, List.of());
    }

    record AmendForm(@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate effectiveOn, String reason, List<Long> addProjects,
                     List<Long> dropProjects, @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate newEndsOn, Boolean changeFees,
                     FeeTerms.Kind feeKind, String rateOneBed, String rateTwoBed, String rateOther, String lumpSumYuan,
                     FeeTerms.Cycle cycle, Integer version) {
    }

    @PostMapping("/contracts/{id}/amendments")
    String amend(CurrentUser user, @PathVariable long id, @ModelAttribute AmendForm f, @RequestParam(required = false) MultipartFile file,
                 RedirectAttributes redirect) {
        return PageActions.attempt(redirect, "/contracts/" + id, () -> {
            FeeTerms fees = Boolean.TRUE.equals(f.changeFees()) ? fees(f.feeKind(), f.rateOneBed(), f.rateTwoBed(), f.rateOther(), f.lumpSumYuan(), f.cycle()) : null;
            long amendment = amendments.amend(user, id, new ContractAmendments.NewAmendment(f.effectiveOn(), f.reason(), f.addProjects(),
                    f.dropProjects(), f.newEndsOn(), fees), ProcurementApi.upload(file), f.version());
            return "补充协议已签订（第" + amendments.of(contracts.visible(user, id)).stream().filter(a -> a.id() == amendment)
                    .findFirst().map(ContractAmendments.Amendment::seq).orElse(0) + "号），自" + f.effectiveOn() + "起生效。";
        });
    }

    /** An amendment as the history shows it: the projects it added and dropped by name. */
    record AmendmentRow(ContractAmendments.Amendment a, String added, String dropped) {
    }

    static List<AmendmentRow> amendmentRows(ServiceContracts contracts, ContractViews.Detail d) {
        List<Long> ids = d.amendments().stream().flatMap(a -> Stream.concat(a.addProjects().stream(), a.dropProjects().stream()))
                .distinct().toList();
        Map<Long, String> names = ids.isEmpty() ? Map.of() : contracts.projectNames(ids);
        return d.amendments().stream().map(a -> new AmendmentRow(a, joined(a.addProjects(), names), joined(a.dropProjects(), names))).toList();
    }

    private static String joined(List<Long> ids, Map<Long, String> names) {
        return String.join("、", ids.stream().map(id -> names.getOrDefault(id, String.valueOf(id))).toList());
    }

    /** The district's projects the contract does not cover now: what an amendment may add. */
    static Map<Long, String> addable(ServiceContracts contracts, ServiceContract c, ContractViews.Detail d) {
        Map<Long, String> all = new LinkedHashMap<>(contracts.districtProjects(c.districtCode()));
        d.projects().stream().filter(p -> p.to() == null).forEach(p -> all.remove(p.projectId()));
        return all;
    }
}
