package cn.anju.identity.web;

import cn.anju.identity.CoverageAdministration;
import cn.anju.identity.CurrentUser;
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

/** 承接主体服务范围: who serves which district, and since when. */
@Controller
@RequestMapping("/coverage")
@PreAuthorize("@identityAccess.coverageReaders(authentication)")
class CoverageController {

    private final IdentityQueries queries;
    private final CoverageAdministration administration;
    private final Districts districts;

    CoverageController(IdentityQueries queries, CoverageAdministration administration, Districts districts) {
        this.queries = queries;
        this.administration = administration;
        this.districts = districts;
    }

    @GetMapping
    String list(CurrentUser user, Model model) {
        model.addAttribute("rows", queries.coverage(user));
        boolean maintainer = user.hasAny(Role.GOV_ADMIN, Role.GOV_OFFICER);
        model.addAttribute("maintainer", maintainer);
        if (maintainer) {
            model.addAttribute("operators", queries.operators(user));
            model.addAttribute("districts", maintainedDistricts(user, districts));
        }
        return "identity/coverage";
    }

    /** The districts a government user's form offers: its own district's, or every district for the city bureau. */
    static List<Districts.District> maintainedDistricts(CurrentUser user, Districts districts) {
        return user.regionCode() != null && !user.regionCode().endsWith("00")
                ? districts.all().stream().filter(d -> d.code().equals(user.regionCode())).toList()
                : districts.all();
    }

    /** An operator serving a whole district (the page grants no single project) from a day, until a day or open-ended. */
    record CoverageForm(Long operatorId, String districtCode, @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate validFrom,
                        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate validTo, String note) {

        CoverageAdministration.NewCoverage coverage() {
            return new CoverageAdministration.NewCoverage(operatorId, districtCode, null, validFrom, validTo, note);
        }
    }

    @PostMapping
    @PreAuthorize("@identityAccess.government(authentication)")
    String grant(CurrentUser user, @ModelAttribute CoverageForm form, RedirectAttributes redirect) {
        try {
            administration.grant(user, form.coverage());
            redirect.addFlashAttribute("notice", "服务范围已登记。");
        } catch (ProblemException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/coverage";
    }

    record EndForm(@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate lastDay) {
    }

    @PostMapping("/{id}/end")
    @PreAuthorize("@identityAccess.government(authentication)")
    String end(CurrentUser user, @PathVariable Long id, @ModelAttribute EndForm form, RedirectAttributes redirect) {
        try {
            administration.end(user, id, form.lastDay());
            redirect.addFlashAttribute("notice", "服务范围已结束。");
        } catch (ProblemException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/coverage";
    }
}
