package cn.anju.identity.web;

import cn.anju.identity.CurrentUser;
import cn.anju.identity.IdentityQueries;
import cn.anju.identity.OrganisationAdministration;
import cn.anju.identity.OrganisationType;
import cn.anju.shared.CityProperties;
import cn.anju.shared.Districts;
import cn.anju.shared.Role;
import cn.anju.shared.web.ProblemException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 组织机构: the list for system and government users; registration for the system administrator. */
@Controller
@RequestMapping("/admin/organisations")
class OrganisationController {

    private final IdentityQueries queries;
    private final OrganisationAdministration administration;
    private final Districts districts;
    private final CityProperties city;

    OrganisationController(IdentityQueries queries, OrganisationAdministration administration, Districts districts, CityProperties city) {
        this.queries = queries;
        this.administration = administration;
        this.districts = districts;
        this.city = city;
    }

    @GetMapping
    @PreAuthorize("@identityAccess.organisationReaders(authentication)")
    String list(CurrentUser user, Model model) {
        model.addAttribute("organisations", queries.organisations(user));
        model.addAttribute("types", OrganisationType.values());
        model.addAttribute("districts", districts.all());
        model.addAttribute("cityCode", city.cityCode());
        model.addAttribute("canRegister", user.has(Role.SYSTEM_ADMIN));
        return "identity/organisations";
    }

    /** The code and the name are required, as they were as single parameters; the rest is checked by the registration. */
    record OrganisationForm(@NotNull String code, @NotNull String name, OrganisationType type, String regionCode, String creditCode) {
    }

    @PostMapping
    @PreAuthorize("@identityAccess.system(authentication)")
    String create(CurrentUser user, @Valid @ModelAttribute OrganisationForm form, RedirectAttributes redirect) {
        try {
            var o = administration.create(user, new OrganisationAdministration.NewOrganisation(form.code(), form.name(), form.type(),
                    form.regionCode(), form.creditCode()));
            redirect.addFlashAttribute("notice", "组织 " + o.name() + " 已登记。");
        } catch (ProblemException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/admin/organisations";
    }
}
