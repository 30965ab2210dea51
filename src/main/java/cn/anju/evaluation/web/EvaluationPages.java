package cn.anju.evaluation.web;

import cn.anju.contract.ContractStatus;
import cn.anju.contract.ContractTerms;
import cn.anju.contract.ServiceContract;
import cn.anju.evaluation.Evaluation;
import cn.anju.evaluation.EvaluationActors;
import cn.anju.evaluation.EvaluationPeriod;
import cn.anju.evaluation.EvaluationStatus;
import cn.anju.evaluation.EvaluationViews;
import cn.anju.evaluation.Evaluations;
import cn.anju.identity.CurrentUser;
import cn.anju.shared.Districts;
import cn.anju.shared.Role;
import cn.anju.shared.web.ProblemException;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * 绩效评价: the evaluations the user may see, filtered by district, period and status (htmx swaps the table and keeps
 * the filter in the address bar), and the district's form to open a contract's period; the drill-down of a frozen figure
 * to the records behind it. One evaluation's page is {@link EvaluationDetailPage}'s.
 */
@Controller
@PreAuthorize("@evaluationAccess.evaluations(authentication)")
class EvaluationPages {

    /** Rows of the drill-down a page: enough to read, few enough to check by hand. */
    static final int RECORDS_PER_PAGE = 50;

    private final Evaluations evaluations;
    private final EvaluationViews views;
    private final EvaluationActors actors;
    private final ContractTerms contracts;
    private final Districts districts;
    private final PageSteps steps;
    private final EvaluationFormats fmt;
    private final Clock clock;

    EvaluationPages(Evaluations evaluations, EvaluationViews views, EvaluationActors actors, ContractTerms contracts, Districts districts,
                    PageSteps steps, EvaluationFormats fmt, Clock clock) {
        this.fmt = fmt;
        this.evaluations = evaluations;
        this.views = views;
        this.actors = actors;
        this.contracts = contracts;
        this.districts = districts;
        this.steps = steps;
        this.clock = clock;
    }

    record Filter(String district, String period, String status) {

        boolean keeps(EvaluationViews.Summary s) {
            return (blank(district) || district.equals(s.districtCode())) && (blank(period) || period.equals(s.period()))
                    && (blank(status) || status.equals(s.status()));
        }

        private static boolean blank(String v) {
            return v == null || v.isBlank();
        }
    }

    record Row(EvaluationViews.Summary s, String districtName, Instant updated) {
    }

    @GetMapping("/evaluations")
    String list(CurrentUser user, @ModelAttribute Filter filter, HttpServletRequest request, Model model) {
        List<EvaluationViews.Summary> all = evaluations.list(user).stream().map(views::summary)
                .sorted(Comparator.comparing(EvaluationViews.Summary::endsOn).reversed().thenComparing(EvaluationViews.Summary::contractNo))
                .toList();
        Map<Long, Instant> updated = actors.updated(all.stream().map(EvaluationViews.Summary::id).toList());
        model.addAttribute("rows", all.stream().filter(filter::keeps)
                .map(s -> new Row(s, districts.nameOf(s.districtCode()), updated.get(s.id()))).toList());
        model.addAttribute("filter", filter);
        model.addAttribute("districtOptions", all.stream().map(EvaluationViews.Summary::districtCode).distinct().sorted()
                .map(code -> Map.entry(code, districts.nameOf(code))).toList());
        model.addAttribute("periodOptions", all.stream().map(EvaluationViews.Summary::period).distinct()
                .sorted(Comparator.reverseOrder()).toList());
        model.addAttribute("statuses", EvaluationStatus.values());
        if (request.getHeader("HX-Request") != null) {
            return "evaluation/evaluations :: table";
        }
        List<ServiceContract> openable = contracts.readable(user).stream()
                .filter(c -> c.status() != ContractStatus.DRAFT && actors.purchaser(user, c.districtCode()))
                .sorted(Comparator.comparing(ServiceContract::contractNo)).toList();
        model.addAttribute("openable", openable);
        model.addAttribute("openPeriods", openPeriods(LocalDate.now(clock)));
        return "evaluation/evaluations";
    }

    /** The periods an officer may open by hand: the last six quarters and the last two years (the job opens them too). */
    static List<String> openPeriods(LocalDate today) {
        List<String> out = new ArrayList<>();
        EvaluationPeriod q = EvaluationPeriod.quarterOf(today);
        for (int i = 0; i < 6; i++) {
            q = q.previous();
            out.add(q.code());
        }
        out.add(String.valueOf(today.getYear() - 1));
        out.add(String.valueOf(today.getYear() - 2));
        return out;
    }

    @PostMapping("/evaluations")
    String open(CurrentUser user, @RequestParam(required = false) Long contractId, @RequestParam(required = false) String period,
                RedirectAttributes redirect) {
        long[] opened = {0};
        String back = steps.attempt(redirect, "/evaluations", "ev.notice.opened", () -> {
            if (contractId == null) {
                throw ProblemException.badRequest("CONTRACT_REQUIRED", fmt.text("ev.error.contractRequired"));
            }
            opened[0] = evaluations.open(user, contractId, period);
        });
        return opened[0] > 0 ? "redirect:/evaluations/" + opened[0] : back;
    }

    /** Pages of the records a frozen figure counted; the evaluation firm reads figures, never the records behind them. */
    @GetMapping("/evaluations/{id}/leaves/{code}")
    String records(CurrentUser user, @PathVariable long id, @PathVariable String code, @RequestParam(required = false) Integer version,
                   @RequestParam(defaultValue = "1") int page, HttpServletRequest request, Model model) {
        if (user.has(Role.EVALUATOR)) {
            throw ProblemException.forbidden("RECORDS_NOT_FOR_EVALUATOR", fmt.text("ev.error.recordsNotForEvaluator"));
        }
        Evaluation e = evaluations.visible(user, id);
        EvaluationViews.Detail detail = views.detail(e);
        EvaluationViews.Leaf leaf = detail.leaves().stream().filter(l -> l.code().equals(code)).findFirst()
                .orElseThrow(() -> ProblemException.notFound("INDICATOR_NOT_FOUND", fmt.text("ev.error.noLeaf", code)));
        EvaluationViews.RecordPage records = views.records(e, code, version, page, RECORDS_PER_PAGE);
        model.addAttribute("s", detail.summary());
        model.addAttribute("leaf", leaf);
        model.addAttribute("records", records);
        model.addAttribute("result", new Paging(records.page(), (int) Math.max(1, (records.total() + RECORDS_PER_PAGE - 1) / RECORDS_PER_PAGE)));
        model.addAttribute("current", version == null || leaf.frozenVersion() != null && version.equals(leaf.frozenVersion()));
        return request.getHeader("HX-Request") != null ? "evaluation/records :: table" : "evaluation/records";
    }

    /** What the shared pager reads: this page and how many there are. */
    record Paging(int page, int totalPages) {
    }
}
