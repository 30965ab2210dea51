package cn.anju.inspection.web;

import cn.anju.identity.CurrentUser;
import cn.anju.inspection.CaseEvidence;
import cn.anju.inspection.CaseQueries;
import cn.anju.inspection.CaseState;
import cn.anju.inspection.CaseType;
import cn.anju.inspection.Decision;
import cn.anju.inspection.ViolationCases;
import cn.anju.shared.Role;
import cn.anju.shared.web.PageQuery;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;

import static cn.anju.shared.web.PageActions.attempt;

/**
 * 违规案件: the list (with the form that opens a case about a lease) and one page per case with its facts, evidence,
 * history and the actions its state allows the user: report (operator), review, send back, decide (the district's
 * officer), rectified, close.
 */
@Controller
@RequestMapping("/cases")
@PreAuthorize("@inspectionAccess.staff(authentication)")
class ViolationCasePages {

    private final ViolationCases cases;
    private final CaseQueries queries;
    private final CaseEvidence evidence;
    private final Clock clock;

    ViolationCasePages(ViolationCases cases, CaseQueries queries, CaseEvidence evidence, Clock clock) {
        this.clock = clock;
        this.cases = cases;
        this.queries = queries;
        this.evidence = evidence;
    }

    /**
     * The list's filters, 20 cases a page; {@code leaseNumber} only fills the opening form (a link from a lease's page).
     */
    record Filter(CaseState state, CaseType type, String leaseNumber, Integer page) {

        PageQuery pageQuery() {
            return PageQuery.of(page, 20);
        }
    }

    @GetMapping
    String list(CurrentUser user, @ModelAttribute Filter filter, Model model) {
        model.addAttribute("result", queries.list(user, filter.state(), filter.type(), filter.pageQuery()));
        model.addAttribute("states", CaseState.values());
        model.addAttribute("types", CaseType.values());
        model.addAttribute("openTypes", Arrays.stream(CaseType.values()).filter(t -> t != CaseType.ARREARS).toList());
        model.addAttribute("state", filter.state());
        model.addAttribute("type", filter.type());
        model.addAttribute("leaseNumber", filter.leaseNumber());
        return "inspection/cases";
    }

    /** Opening a case: the lease's number and the facts are required, as they were as single parameters. */
    record OpeningForm(@NotNull String leaseNumber, CaseType type, @NotNull String facts) {
    }

    @PostMapping
    String open(CurrentUser user, @Valid @ModelAttribute OpeningForm form, RedirectAttributes redirect) {
        long[] id = new long[1];
        String back = attempt(redirect, "/cases", "已立案（草稿），请上传证据后上报。", () -> {
            id[0] = cases.open(user, new ViolationCases.Opening(null, form.leaseNumber(), form.type(), form.facts(),
                    ViolationCases.CaseSource.STAFF));
        });
        return id[0] > 0 ? "redirect:/cases/" + id[0] : back;
    }

    @GetMapping("/{id}")
    String detail(CurrentUser user, @PathVariable long id, Model model) {
        CaseQueries.CaseDetail c = queries.get(user, id);
        boolean officer = user.hasAny(Role.GOV_ADMIN, Role.GOV_OFFICER) && c.row().districtCode().equals(user.regionCode());
        model.addAttribute("c", c.row());
        model.addAttribute("events", c.events());
        model.addAttribute("evidence", c.evidence());
        model.addAttribute("officer", officer);
        model.addAttribute("decisions", Decision.values());
        model.addAttribute("today", LocalDate.now(clock));
        return "inspection/case";
    }

    /** What the page tells of a piece of evidence; the time it was taken is the upload's. */
    record EvidenceForm(String description, String place, BigDecimal latitude, BigDecimal longitude) {
    }

    @PostMapping("/{id}/evidence")
    String addEvidence(CurrentUser user, @PathVariable long id, @ModelAttribute EvidenceForm form, @RequestParam MultipartFile file,
                       RedirectAttributes redirect) {
        return attempt(redirect, "/cases/" + id, "证据已保存（SHA-256 已登记）。", () -> {
            try {
                evidence.add(user, id, new CaseEvidence.Item(form.description(), null, form.place(), form.latitude(), form.longitude(),
                        file.getOriginalFilename(), file.getBytes()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    record StepForm(String note) {
    }

    @PostMapping("/{id}/{action:report|review|return|rectified|closure|reopen}")
    String step(CurrentUser user, @PathVariable long id, @PathVariable String action, @RequestParam int version,
                @ModelAttribute StepForm form, RedirectAttributes redirect) {
        String note = form.note();
        return attempt(redirect, "/cases/" + id, "已办理。", () -> {
            switch (action) {
                case "report" -> cases.report(user, id, version);
                case "review" -> cases.review(user, id, version);
                case "return" -> cases.sendBack(user, id, version, note);
                case "rectified" -> cases.rectified(user, id, version, note);
                case "closure" -> cases.close(user, id, version, note);
                default -> cases.reopen(user, id, version, note);
            }
        });
    }

    /** The district's decision; which of the fields it needs (a date, an amount) is the decision's own rule. */
    record DecisionForm(Decision decision, String reason, @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate rectifyBy,
                        BigDecimal penaltyAmount) {

        ViolationCases.DecisionRequest request() {
            return new ViolationCases.DecisionRequest(decision, reason, rectifyBy, penaltyAmount);
        }
    }

    @PostMapping("/{id}/decision")
    @PreAuthorize("@inspectionAccess.officers(authentication)")
    String decide(CurrentUser user, @PathVariable long id, @RequestParam int version, @ModelAttribute DecisionForm form,
                  RedirectAttributes redirect) {
        return attempt(redirect, "/cases/" + id, "处理决定已作出，已记入住户档案。", () -> cases.decide(user, id, version, form.request()));
    }
}
