package cn.anju.identity.web;

import cn.anju.identity.CurrentUser;
import cn.anju.identity.IdentityQueries;
import cn.anju.identity.RoleGrants;
import cn.anju.shared.Duty;
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
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * 角色授权: the security administrator's pages. Organisation, roles and duties (the account's data scope) are
 * granted here and only here; accounts are opened and passwords reset by the system administrator, and the person
 * sets their own password, so no one administrator makes a working account.
 */
@Controller
@RequestMapping("/security/accounts")
@PreAuthorize("@identityAccess.security(authentication)")
class RoleGrantController {

    private final RoleGrants grants;
    private final IdentityQueries queries;

    RoleGrantController(RoleGrants grants, IdentityQueries queries) {
        this.grants = grants;
        this.queries = queries;
    }

    @GetMapping
    String list(CurrentUser user, @ModelAttribute AccountListing.Filter filter, HttpServletRequest request, Model model) {
        return AccountListing.page(queries, user, filter, "/security/accounts", request, model);
    }

    @GetMapping("/{id}")
    String detail(CurrentUser user, @PathVariable Long id, Model model) {
        model.addAttribute("account", queries.account(user, id));
        model.addAttribute("grants", true);
        model.addAttribute("organisations", queries.organisations(user));
        model.addAttribute("roles", Role.values());
        model.addAttribute("duties", Duty.values());
        return "identity/account-detail";
    }

    /** The organisation, roles and duties the account holds from now on (the ticked boxes; none ticked, none). */
    record GrantForm(Long organisationId, List<Role> roles, List<Duty> duties) {
    }

    @PostMapping("/{id}/roles")
    String grant(CurrentUser user, @PathVariable Long id, @ModelAttribute GrantForm form, RedirectAttributes redirect) {
        try {
            grants.grant(user, id, form.organisationId(), toSet(form.roles(), Role.class), toSet(form.duties(), Duty.class));
            redirect.addFlashAttribute("notice", "组织与角色已授予。");
        } catch (ProblemException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/security/accounts/" + id;
    }

    private static <E extends Enum<E>> Set<E> toSet(List<E> values, Class<E> type) {
        return values == null || values.isEmpty() ? EnumSet.noneOf(type) : EnumSet.copyOf(values);
    }
}
