package cn.anju.identity.web;

import cn.anju.identity.CurrentUser;
import cn.anju.identity.EngagementAdministration;
import cn.anju.identity.IdentityQueries;
import cn.anju.shared.Districts;
import cn.anju.shared.Role;
import cn.anju.shared.web.ProblemException;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.LocalDate;
import java.util.List;

/** 测评委托: which evaluation firm is engaged for which district, and when; the firm reads its own. */
@Controller
@RequestMapping("/engagements")
@PreAuthorize("@identityAccess.engagementReaders(authentication)")
class EngagementController {

    private final IdentityQueries queries;
    private final EngagementAdministration administration;
    private final Districts districts;

    EngagementController(IdentityQueries queries, EngagementAdministration administration, Districts districts) {
        this.queries = queries;
        this.administration = administration;
        this.districts = districts;
    }

    @GetMapping
    String list(CurrentUser user, Model model) {
        model.addAttribute("rows", queries.engagements(user));
        boolean maintainer = user.hasAny(Role.GOV_ADMIN, Role.GOV_OFFICER);
        model.addAttribute("maintainer", maintainer);
        if (maintainer) {
            model.addAttribute("evaluators", queries.evaluators(user));
            model.addAttribute("districts", CoverageController.maintainedDistricts(user, districts));
        }
        return "identity/engagements";
    }

    /** A firm engaged for a whole district (the page engages no single project; the API does) from a day, until a day or open-ended. */
    record EngagementForm(Long evaluatorId, String districtCode, @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate validFrom,
                          @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate validTo, String note) {

        EngagementAdministration.NewEngagement engagement() {
            return new EngagementAdministration.NewEngagement(evaluatorId, districtCode, List.of(), validFrom, validTo, note);
        }
    }

    @PostMapping
    @PreAuthorize("@identityAccess.government(authentication)")
    String engage(CurrentUser user, @ModelAttribute EngagementForm form, RedirectAttributes redirect) {
        try {
            administration.engage(user, form.engagement());
            redirect.addFlashAttribute("notice", "测评委托已登记。");
        } catch (ProblemException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/engagements";
    }

    record EndForm(@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate lastDay) {
    }

    @PostMapping("/{id}/end")
    @PreAuthorize("@identityAccess.government(authentication)")
    String end(CurrentUser user, @PathVariable Long id, @ModelAttribute EndForm form, RedirectAttributes redirect) {
        try {
            administration.end(user, id, form.lastDay());
            redirect.addFlashAttribute("notice", "测评委托已结束。");
        } catch (ProblemException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/engagements";
    }
}
