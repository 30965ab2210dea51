package cn.anju.evaluation.web;

import cn.anju.contract.ContractStatus;
import cn.anju.contract.ContractTerms;
import cn.anju.contract.ServiceContract;
import cn.anju.evaluation.EvaluationActors;
import cn.anju.evaluation.FinancialReport;
import cn.anju.evaluation.FinancialReports;
import cn.anju.identity.CurrentUser;
import cn.anju.shared.Districts;
import cn.anju.shared.web.ProblemException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * 财务报告: the operator's reports of the user's contracts with their status and due day, the overdue ones flagged at
 * the top; the operator's manager files a quarter's or a year's report on the template and the year's audit report;
 * the district's officers accept a report or return it with a reason.
 */
@Controller
@PreAuthorize("@evaluationAccess.settlements(authentication)")
class FinancialReportPages {

    private static final String PAGE = "/financial-reports";

    private final FinancialReports reports;
    private final EvaluationActors actors;
    private final ContractTerms contracts;
    private final Districts districts;
    private final PageSteps steps;
    private final EvaluationFormats fmt;
    private final Clock clock;

    FinancialReportPages(FinancialReports reports, EvaluationActors actors, ContractTerms contracts, Districts districts, PageSteps steps,
                         EvaluationFormats fmt, Clock clock) {
        this.reports = reports;
        this.actors = actors;
        this.contracts = contracts;
        this.districts = districts;
        this.steps = steps;
        this.fmt = fmt;
        this.clock = clock;
    }

    record Row(FinancialReport r, String contractNo, String districtName, boolean mayDecide) {
    }

    @GetMapping(PAGE)
    String list(CurrentUser user, Model model) {
        List<ServiceContract> readable = contracts.readable(user);
        Map<Long, String> numbers = readable.stream().collect(Collectors.toMap(ServiceContract::id, ServiceContract::contractNo));
        model.addAttribute("rows", reports.list(user).stream()
                .sorted(Comparator.comparing(FinancialReport::submittedAt).reversed())
                .map(r -> new Row(r, numbers.getOrDefault(r.contractId(), ""), districts.nameOf(r.districtCode()),
                        r.status() == FinancialReport.Status.SUBMITTED && actors.purchaser(user, r.districtCode()))).toList());
        model.addAttribute("overdue", reports.overdue(user).stream()
                .sorted(Comparator.comparing(FinancialReports.Overdue::dueOn)).toList());
        List<ServiceContract> own = actors.operatorManager(user) ? readable.stream()
                .filter(c -> c.status() != ContractStatus.DRAFT && c.operatorId() == user.organisationId())
                .sorted(Comparator.comparing(ServiceContract::contractNo)).toList() : List.of();
        model.addAttribute("ownContracts", own);
        model.addAttribute("districtNames", readable.stream().map(ServiceContract::districtCode).distinct()
                .collect(Collectors.toMap(Function.identity(), districts::nameOf)));
        LocalDate today = LocalDate.now(clock);
        model.addAttribute("reportPeriods", EvaluationPages.openPeriods(today));
        model.addAttribute("auditYears", List.of(String.valueOf(today.getYear() - 1), String.valueOf(today.getYear() - 2)));
        model.addAttribute("opinions", FinancialReport.Opinion.values());
        return "evaluation/financial-reports";
    }

    @PostMapping(PAGE)
    String submit(CurrentUser user, @RequestParam(required = false) Long contractId, @RequestParam(required = false) String period,
                  @RequestParam(required = false) MultipartFile file, RedirectAttributes redirect) {
        return steps.attempt(redirect, PAGE, "fr.notice.submitted",
                () -> reports.submit(user, contract(contractId), period, EvaluationApi.upload(file)));
    }

    @PostMapping(PAGE + "/audit")
    String audit(CurrentUser user, @RequestParam(required = false) Long contractId, @RequestParam(required = false) String year,
                 @RequestParam(required = false) String firmName, @RequestParam(required = false) String licenceNo,
                 @RequestParam(required = false) FinancialReport.Opinion opinion, @RequestParam(required = false) MultipartFile file,
                 RedirectAttributes redirect) {
        return steps.attempt(redirect, PAGE, "fr.notice.auditSubmitted",
                () -> reports.submitAudit(user, contract(contractId), year, firmName, licenceNo, opinion, EvaluationApi.upload(file)));
    }

    @PostMapping(PAGE + "/{id}/acceptance")
    String accept(CurrentUser user, @PathVariable long id, @RequestParam(required = false) Integer seenVersion, RedirectAttributes redirect) {
        return steps.attempt(redirect, PAGE, "fr.notice.accepted", () -> reports.decide(user, id, true, null, seenVersion));
    }

    @PostMapping(PAGE + "/{id}/return")
    String giveBack(CurrentUser user, @PathVariable long id, @RequestParam(required = false) String reason,
                    @RequestParam(required = false) Integer seenVersion, RedirectAttributes redirect) {
        return steps.attempt(redirect, PAGE, "fr.notice.returned", () -> reports.decide(user, id, false, reason, seenVersion));
    }

    private long contract(Long id) {
        if (id == null) {
            throw ProblemException.badRequest("CONTRACT_REQUIRED", fmt.text("ev.error.contractRequired"));
        }
        return id;
    }
}
