package cn.anju.evaluation.web;

import cn.anju.contract.ContractTerms;
import cn.anju.contract.ServiceContract;
import cn.anju.evaluation.Evaluation;
import cn.anju.evaluation.EvaluationActors;
import cn.anju.evaluation.Evaluations;
import cn.anju.evaluation.Settlement;
import cn.anju.evaluation.SettlementStatus;
import cn.anju.evaluation.Settlements;
import cn.anju.identity.CurrentUser;
import cn.anju.identity.FourEyes;
import cn.anju.shared.Districts;
import cn.anju.shared.excel.Downloads;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * 服务费结算: the settlements the user may see, filtered by district and status, and one statement line by line (signed
 * addends summing to the total) with its approval by a leader who did not draft it, the finance bureau's payment, the
 * district's discarding of a draft, and the statement as PDF and Excel.
 */
@Controller
@PreAuthorize("@evaluationAccess.settlements(authentication)")
class SettlementPages {

    private final Settlements settlements;
    private final Evaluations evaluations;
    private final EvaluationActors actors;
    private final ContractTerms contracts;
    private final Districts districts;
    private final SettlementStatement statement;
    private final PageSteps steps;
    private final Clock clock;

    SettlementPages(Settlements settlements, Evaluations evaluations, EvaluationActors actors, ContractTerms contracts, Districts districts,
                    SettlementStatement statement, PageSteps steps, Clock clock) {
        this.settlements = settlements;
        this.evaluations = evaluations;
        this.actors = actors;
        this.contracts = contracts;
        this.districts = districts;
        this.statement = statement;
        this.steps = steps;
        this.clock = clock;
    }

    record Filter(String district, String status) {

        boolean keeps(Settlement s) {
            return (district == null || district.isBlank() || district.equals(s.districtCode()))
                    && (status == null || status.isBlank() || status.equals(s.status().name()));
        }
    }

    record Row(Settlement s, String contractNo, String districtName) {
    }

    @GetMapping("/settlements")
    String list(CurrentUser user, @ModelAttribute Filter filter, HttpServletRequest request, Model model) {
        List<Settlement> all = settlements.list(user).stream()
                .sorted(Comparator.comparing(Settlement::preparedAt).reversed()).toList();
        model.addAttribute("rows", all.stream().filter(filter::keeps).map(s -> new Row(s,
                contracts.contract(s.contractId()).map(ServiceContract::contractNo).orElse(""), districts.nameOf(s.districtCode()))).toList());
        model.addAttribute("filter", filter);
        model.addAttribute("districtOptions", all.stream().map(Settlement::districtCode).distinct().sorted()
                .map(code -> Map.entry(code, districts.nameOf(code))).toList());
        model.addAttribute("statuses", SettlementStatus.values());
        return request.getHeader("HX-Request") != null ? "evaluation/settlements :: table" : "evaluation/settlements";
    }

    @GetMapping("/settlements/{id}")
    String show(CurrentUser user, @PathVariable long id, Model model) {
        Settlement s = settlements.visible(user, id);
        Evaluation e = evaluations.visible(user, s.evaluationId());
        model.addAttribute("st", s);
        model.addAttribute("e", e);
        model.addAttribute("contractNo", contracts.contract(s.contractId()).map(ServiceContract::contractNo).orElse(""));
        model.addAttribute("districtName", districts.nameOf(s.districtCode()));
        boolean draft = s.status() == SettlementStatus.DRAFT;
        model.addAttribute("mayApprove", draft && FourEyes.isLeaderOf(user, s.districtCode()) && !Objects.equals(s.preparedBy(), user.id()));
        model.addAttribute("mayDiscard", draft && actors.purchaser(user, s.districtCode()));
        model.addAttribute("mayPay", s.status() == SettlementStatus.APPROVED && actors.finance(user, s.districtCode()));
        model.addAttribute("today", LocalDate.now(clock));
        return "evaluation/settlement";
    }

    @PostMapping("/settlements/{id}/approval")
    String approve(CurrentUser user, @PathVariable long id, @RequestParam(required = false) Integer seenVersion, RedirectAttributes redirect) {
        return steps.attempt(redirect, "/settlements/" + id, "st.notice.approved", () -> settlements.approve(user, id, seenVersion));
    }

    @PostMapping("/settlements/{id}/payment")
    String pay(CurrentUser user, @PathVariable long id, @RequestParam(required = false) String voucherNo,
               @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate paidOn,
               @RequestParam(required = false) Integer seenVersion, RedirectAttributes redirect) {
        return steps.attempt(redirect, "/settlements/" + id, "st.notice.paid", () -> settlements.pay(user, id, voucherNo, paidOn, seenVersion));
    }

    @PostMapping("/settlements/{id}/discard")
    String discard(CurrentUser user, @PathVariable long id, @RequestParam(required = false) Integer seenVersion, RedirectAttributes redirect) {
        long evaluation = settlements.visible(user, id).evaluationId();
        String back = steps.attempt(redirect, "/settlements/" + id, "st.notice.discarded", () -> settlements.discard(user, id, seenVersion));
        return back.equals("redirect:/settlements/" + id) && redirect.getFlashAttributes().containsKey("notice")
                ? "redirect:/evaluations/" + evaluation : back;
    }

    @GetMapping("/settlements/{id}/statement.pdf")
    ResponseEntity<byte[]> pdf(CurrentUser user, @PathVariable long id) {
        SettlementStatement.Facts facts = facts(user, id);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename(facts.fileName() + ".pdf", StandardCharsets.UTF_8).build().toString())
                .body(statement.pdf(facts));
    }

    @GetMapping("/settlements/{id}/statement.xlsx")
    ResponseEntity<byte[]> xlsx(CurrentUser user, @PathVariable long id) {
        SettlementStatement.Facts facts = facts(user, id);
        return Downloads.xlsx(statement.xlsx(facts), facts.fileName() + ".xlsx");
    }

    private SettlementStatement.Facts facts(CurrentUser user, long id) {
        Settlement s = settlements.visible(user, id);
        Evaluation e = evaluations.visible(user, s.evaluationId());
        return new SettlementStatement.Facts(s, e, contracts.contract(s.contractId()).map(ServiceContract::contractNo).orElse(""),
                districts.nameOf(s.districtCode()));
    }
}
