package cn.anju.portal;

import cn.anju.identity.CurrentUser;
import cn.anju.identity.DataScopes;
import cn.anju.identity.IdentityQueries;
import cn.anju.identity.ScopeDescriptions;
import cn.anju.shared.Role;
import cn.anju.shared.web.HomePanels;
import cn.anju.shared.web.MenuGroup;
import cn.anju.shared.web.WorkItems;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import java.util.List;

/**
 * 首页 for each role: who you are and for whom, what data you see, what your role may and may never do
 * (DOMAIN.md section 1), your pages, and the figures of your role that exist so far.
 */
@Controller
class HomeController {

    private final Menu menu;
    private final DataScopes scopes;
    private final ScopeDescriptions scopeText;
    private final IdentityQueries identity;
    private final List<WorkItems<CurrentUser>> work;
    private final List<HomePanels<CurrentUser>> panels;

    HomeController(Menu menu, DataScopes scopes, ScopeDescriptions scopeText, IdentityQueries identity,
                   List<WorkItems<CurrentUser>> work, List<HomePanels<CurrentUser>> panels) {
        this.work = work;
        this.panels = panels;
        this.menu = menu;
        this.scopes = scopes;
        this.scopeText = scopeText;
        this.identity = identity;
    }

    @GetMapping("/")
    String home(CurrentUser user, Model model) {
        Role role = user.primaryRole();
        model.addAttribute("role", role);
        model.addAttribute("scopeText", scopeText.describe(scopes.of(user)));
        model.addAttribute("shortcuts", menu.forRoles(user.roles()).stream()
                .filter(s -> s.group() != MenuGroup.PERSONAL).flatMap(s -> s.entries().stream()).toList());
        if (role == Role.SYSTEM_ADMIN) {
            model.addAttribute("accountStats", identity.accountStats(user));
        }
        if (role.isGovernment() || role == Role.FINANCE || role.isOperator()) {
            model.addAttribute("coverage", identity.coverage(user).stream().filter(IdentityQueries.CoverageRow::active).toList());
        }
        model.addAttribute("work", work.stream().flatMap(w -> w.forUser(user).stream()).toList());
        model.addAttribute("panels", panels.stream().flatMap(p -> p.forUser(user).stream()).toList());
        return "portal/home";
    }
}
