package cn.anju.identity.web;

import cn.anju.identity.CurrentUser;
import cn.anju.identity.DataScopes;
import cn.anju.identity.ScopeDescriptions;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** 我的账号: who I am, my organisation, roles and what data I can see. */
@Controller
class MyAccountController {

    private final DataScopes scopes;
    private final ScopeDescriptions descriptions;

    MyAccountController(DataScopes scopes, ScopeDescriptions descriptions) {
        this.scopes = scopes;
        this.descriptions = descriptions;
    }

    @GetMapping("/me")
    String me(CurrentUser user, Model model) {
        model.addAttribute("account", user);
        model.addAttribute("scopeText", descriptions.describe(scopes.of(user)));
        return "identity/me";
    }
}
