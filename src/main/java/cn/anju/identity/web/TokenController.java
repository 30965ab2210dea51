package cn.anju.identity.web;

import cn.anju.identity.ApiTokens;
import cn.anju.identity.CurrentUser;
import cn.anju.shared.web.ProblemException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 我的API访问令牌: issue (shown once), list, revoke. */
@Controller
@RequestMapping("/me/tokens")
class TokenController {

    private final ApiTokens tokens;

    TokenController(ApiTokens tokens) {
        this.tokens = tokens;
    }

    @GetMapping
    String list(CurrentUser user, Model model) {
        model.addAttribute("tokens", tokens.list(user));
        return "identity/tokens";
    }

    /**
     * Answers with the page itself rather than a redirect: the token must not pass through the session store
     * (a flash attribute would keep the secret in the database until the next request).
     */
    @PostMapping
    String issue(CurrentUser user, @RequestParam String name, @RequestParam(defaultValue = "90") int days, Model model) {
        try {
            model.addAttribute("issued", tokens.issue(user, name, days));
        } catch (ProblemException e) {
            model.addAttribute("error", e.getMessage());
        }
        return list(user, model);
    }

    @PostMapping("/{id}/revoke")
    String revoke(CurrentUser user, @PathVariable Long id, RedirectAttributes redirect) {
        try {
            tokens.revoke(user, id);
            redirect.addFlashAttribute("notice", "令牌已撤销，使用它的程序将立即无法访问。");
        } catch (ProblemException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/me/tokens";
    }
}
