package cn.anju.lease.web;

import cn.anju.identity.CurrentUser;
import cn.anju.lease.LeaseQueries;
import cn.anju.lease.LeaseStatus;
import cn.anju.lease.Leases;
import cn.anju.lease.TerminationKind;
import cn.anju.shared.Role;
import cn.anju.shared.web.PageQuery;
import cn.anju.shared.web.ProblemException;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.math.BigDecimal;
import java.time.LocalDate;

/** 租赁合同: the list with the actions each state allows, and drafting from a selection choice. */
@Controller
@RequestMapping("/leases")
@PreAuthorize("hasAnyRole('GOV_ADMIN','GOV_OFFICER','OPERATOR_MANAGER','OPERATOR_STAFF','TENANT')")
class LeasePages {

    private final Leases leases;
    private final LeaseQueries queries;

    LeasePages(Leases leases, LeaseQueries queries) {
        this.leases = leases;
        this.queries = queries;
    }

    @GetMapping
    String list(CurrentUser user, @RequestParam(required = false) LeaseStatus status,
                @RequestParam(required = false) Integer page, Model model) {
        model.addAttribute("result", queries.list(user, status, PageQuery.of(page, 20)));
        model.addAttribute("statuses", LeaseStatus.values());
        model.addAttribute("status", status);
        model.addAttribute("acts", !user.has(Role.TENANT));
        model.addAttribute("terminationKinds", TerminationKind.values());
        return "lease/leases";
    }

    @PostMapping
    @PreAuthorize("hasAnyRole('GOV_ADMIN','GOV_OFFICER','OPERATOR_MANAGER','OPERATOR_STAFF')")
    String draft(CurrentUser user, @RequestParam long selectionApplicantId,
                 @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate startDate,
                 @RequestParam int termMonths, @RequestParam BigDecimal monthlyRent, RedirectAttributes redirect) {
        try {
            leases.draft(user, new Leases.Draft(selectionApplicantId, startDate, termMonths, monthlyRent));
            redirect.addFlashAttribute("notice", "合同草稿已生成，请核对后签约。");
        } catch (ProblemException e) {
            if (e.status().value() == 403) {
                throw e;
            }
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/leases";
    }

    @PostMapping("/{id}/{action}")
    @PreAuthorize("hasAnyRole('GOV_ADMIN','GOV_OFFICER','OPERATOR_MANAGER','OPERATOR_STAFF')")
    String act(CurrentUser user, @PathVariable long id, @PathVariable String action,
               @RequestParam(required = false) String reason,
               @RequestParam(required = false) TerminationKind kind, RedirectAttributes redirect) {
        try {
            switch (action) {
                case "sign" -> leases.sign(user, id);
                case "move-in" -> leases.moveIn(user, id);
                case "terminate" -> leases.terminate(user, id, kind, reason);
                default -> throw ProblemException.notFound("ACTION_UNKNOWN", "未知操作。");
            }
            redirect.addFlashAttribute("notice", "已办理。");
        } catch (ProblemException e) {
            if (e.status().value() == 403) {
                throw e;
            }
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/leases";
    }
}
