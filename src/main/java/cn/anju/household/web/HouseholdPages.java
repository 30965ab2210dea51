package cn.anju.household.web;

import cn.anju.household.AnnualReview;
import cn.anju.household.ChangeReportKind;
import cn.anju.household.ChangeReports;
import cn.anju.household.Eligibility;
import cn.anju.household.EligibilityStatus;
import cn.anju.household.HouseholdCategory;
import cn.anju.household.HouseholdQueries;
import cn.anju.household.RentTier;
import cn.anju.household.Waitlist;
import cn.anju.identity.CurrentUser;
import cn.anju.identity.OrganisationType;
import cn.anju.identity.PersonalDataAccess;
import cn.anju.shared.Role;
import cn.anju.shared.excel.Downloads;
import cn.anju.shared.excel.Sheets;
import cn.anju.shared.web.Paged;
import cn.anju.shared.web.ProblemException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** 保障家庭 pages: search, the household file with masked members, eligibility history and change reports. */
@Controller
@RequestMapping("/households")
// tenants too: their scope is their own household, so they reach their own file and its reveal only
@PreAuthorize("@householdAccess.readers(authentication)")
class HouseholdPages {

    private final HouseholdQueries queries;
    private final Eligibility eligibility;
    private final ChangeReports reports;
    private final AnnualReview review;
    private final Waitlist waitlist;

    HouseholdPages(HouseholdQueries queries, Eligibility eligibility, ChangeReports reports, AnnualReview review,
                   Waitlist waitlist) {
        this.queries = queries;
        this.eligibility = eligibility;
        this.reports = reports;
        this.review = review;
        this.waitlist = waitlist;
    }

    /** A page of a fixed list (the waitlist, the reviews due), of 20 rows. */
    record ListPage(Integer page) implements Paged {
    }

    /** The households list's search; the ID number and phone arrive by POST from {@code /households/search}. */
    record Search(String name, String idNumber, String phone, HouseholdCategory category, EligibilityStatus eligibility,
                  Integer page) implements Paged {

        HouseholdQueries.Filter filter() {
            return new HouseholdQueries.Filter(name, idNumber, phone, category, eligibility);
        }

        /** What the page shows again in its form: never the ID number or phone searched for. */
        HouseholdQueries.Filter shown() {
            return new HouseholdQueries.Filter(name, null, null, category, eligibility);
        }

        @Override
        public String toString() {
            return "Search[name, category=" + category + ", eligibility=" + eligibility + ", page=" + page + "]";
        }
    }

    /** The export's filter: the list's, without exact searches. */
    record ExportFilter(String name, HouseholdCategory category, EligibilityStatus eligibility) {
    }

    /** An exact search by ID number or phone, posted so that neither sits in a URL or an access log. */
    record ExactSearch(String idNumber, String phone) {

        @Override
        public String toString() {
            return "ExactSearch[personal data]";
        }
    }

    /** An eligibility decision as the bureau issued it; {@code follows} names the decision it renews. */
    record DecisionForm(@NotNull String decisionNumber, @NotNull String issuingBureau,
                        @NotNull @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate decidedOn,
                        @NotNull @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate validFrom,
                        @NotNull @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate validTo,
                        @NotNull BigDecimal approvedArea, @NotNull RentTier rentTier, Long follows) {

        Eligibility.NewDecision decision() {
            return new Eligibility.NewDecision(decisionNumber, issuingBureau, decidedOn, validFrom, validTo, approvedArea, rentTier,
                    follows);
        }
    }

    /** Accepting or rejecting a change report, with a note. */
    record ReportDecision(@NotNull Boolean accept, String note) {
    }

    @GetMapping("/waitlist")
    String waitlist(CurrentUser user, @ModelAttribute ListPage list, Model model) {
        model.addAttribute("result", waitlist.entries(user, null, list.pageQuery()));
        // a district's housing office may allocate a waiting household directly (allocation module's page)
        model.addAttribute("mayAllocate", user.hasAny(Role.GOV_ADMIN, Role.GOV_OFFICER)
                && user.organisationType() == OrganisationType.DISTRICT_HOUSING);
        return "household/waitlist";
    }

    @GetMapping("/review")
    @PreAuthorize("@householdAccess.government(authentication)")
    String review(CurrentUser user, @ModelAttribute ListPage list, Model model) {
        model.addAttribute("result", review.due(user, list.pageQuery()));
        return "household/review";
    }

    @GetMapping
    String list(CurrentUser user, @ModelAttribute Search search, HttpServletRequest request, Model model) {
        // ID number and phone searches arrive by POST (below) so they never sit in a URL or an access log
        model.addAttribute("filter", search.shown());
        model.addAttribute("result", queries.search(user, search.filter(), search.pageQuery()));
        model.addAttribute("categories", HouseholdCategory.values());
        model.addAttribute("statuses", EligibilityStatus.values());
        return request.getHeader("HX-Request") != null ? "household/households :: table" : "household/households";
    }

    /** 导出Excel: the filtered list, masked as on screen. */
    @GetMapping("/export")
    ResponseEntity<byte[]> export(CurrentUser user, @ModelAttribute ExportFilter filter) {
        List<List<Object>> rows = new ArrayList<>();
        for (var h : queries.all(user, new HouseholdQueries.Filter(filter.name(), null, null, filter.category(), filter.eligibility()))) {
            rows.add(List.of(h.id(), h.districtName(), h.headName(), h.headIdNumberMasked(),
                    categoryLabel(h.category()), h.members(),
                    h.eligibility() == null ? "" : eligibilityLabel(h.eligibility()),
                    h.validTo() == null ? "" : h.validTo().toString()));
        }
        return Downloads.xlsx(Sheets.write("保障家庭", List.of(
                "户号", "区县", "户主", "户主身份证号（脱敏）", "类别", "人口", "资格状态", "有效期至"), rows), "保障家庭.xlsx");
    }

    private static String categoryLabel(HouseholdCategory c) {
        return switch (c) {
            case MINIMUM_LIVING -> "低保";
            case EXTREME_POVERTY -> "特困";
            case LOW_INCOME -> "低收入";
            case LOWER_MIDDLE_INCOME -> "中等偏下收入";
            case NEW_EMPLOYEE -> "新就业无房职工";
            case MIGRANT_WORKER -> "外来务工人员";
            case OTHER -> "其他";
        };
    }

    private static String eligibilityLabel(EligibilityStatus s) {
        return switch (s) {
            case VALID -> "有效";
            case SUSPENDED -> "暂停";
            case REVOKED -> "已撤销";
            case EXPIRED -> "已到期";
        };
    }

    @PostMapping("/search")
    String exactSearch(CurrentUser user, @ModelAttribute ExactSearch exact, HttpServletRequest request, Model model) {
        return list(user, new Search(null, exact.idNumber(), exact.phone(), null, null, 1), request, model);
    }

    @GetMapping("/{id}")
    String detail(CurrentUser user, @PathVariable long id, Model model) {
        model.addAttribute("household", queries.detail(user, id));
        model.addAttribute("decides", user.hasAny(Role.GOV_ADMIN, Role.GOV_OFFICER)
                && user.organisationType() == OrganisationType.DISTRICT_HOUSING);
        model.addAttribute("mayReveal", PersonalDataAccess.mayReveal(user));
        model.addAttribute("reportKinds", ChangeReportKind.values());
        model.addAttribute("tiers", RentTier.values());
        return "household/household";
    }

    @PostMapping("/{id}/members/{memberId}/reveal")
    String reveal(CurrentUser user, @PathVariable long id, @PathVariable long memberId,
                  @RequestParam HouseholdQueries.Field field, Model model) {
        model.addAttribute("value", queries.reveal(user, id, memberId, field));
        return "household/household :: revealed";
    }

    @PostMapping("/{id}/eligibility-decisions")
    String decide(CurrentUser user, @PathVariable long id, @Valid @ModelAttribute DecisionForm form, RedirectAttributes redirect) {
        return act(id, redirect, "资格认定已登记。", () -> eligibility.decide(user, id, form.decision()));
    }

    @PostMapping("/{id}/eligibility-decisions/{decisionId}/status")
    String changeStatus(CurrentUser user, @PathVariable long id, @PathVariable long decisionId,
                        @RequestParam EligibilityStatus status, @RequestParam String reason, RedirectAttributes redirect) {
        return act(id, redirect, "资格状态已变更。", () -> eligibility.changeStatus(user, decisionId, status, reason));
    }

    @PostMapping("/{id}/change-reports")
    String report(CurrentUser user, @PathVariable long id, @RequestParam ChangeReportKind kind,
                  @RequestParam String description, RedirectAttributes redirect) {
        return act(id, redirect, "变更报告已提交，等待区县住房保障部门处理。", () -> reports.file(user, id, kind, description));
    }

    @PostMapping("/{id}/change-reports/{reportId}/decision")
    String decideReport(CurrentUser user, @PathVariable long id, @PathVariable long reportId,
                        @Valid @ModelAttribute ReportDecision form, RedirectAttributes redirect) {
        boolean accept = form.accept();
        return act(id, redirect, accept ? "报告已受理。" : "报告已驳回。", () -> reports.decide(user, reportId, accept, form.note()));
    }

    private String act(long id, RedirectAttributes redirect, String success, Runnable action) {
        try {
            action.run();
            redirect.addFlashAttribute("notice", success);
        } catch (ProblemException e) {
            if (e.status().value() == 403) {
                throw e;
            }
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/households/" + id;
    }
}
