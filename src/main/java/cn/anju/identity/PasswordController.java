package cn.anju.identity;

import cn.anju.shared.web.ProblemException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 修改密码: the person's own change, also the forced first change after an administrator set the password. */
@Controller
class PasswordController {

    private final AccountAdministration accounts;
    private final AccountUserDetailsService users;
    private final SecurityContextRepository contexts;
    private final LoginPolicyResolver policies;

    PasswordController(AccountAdministration accounts, AccountUserDetailsService users,
                       SecurityContextRepository contexts, LoginPolicyResolver policies) {
        this.accounts = accounts;
        this.users = users;
        this.contexts = contexts;
        this.policies = policies;
    }

    @GetMapping("/password/change")
    String form(CurrentUser user, Model model) {
        model.addAttribute("forced", user.mustChangePassword());
        model.addAttribute("policy", policies.forUsername(user.username()));
        return "identity/password";
    }

    @PostMapping("/password/change")
    String change(CurrentUser user, @RequestParam String currentPassword, @RequestParam String newPassword,
                  @RequestParam String confirmation, HttpServletRequest request, HttpServletResponse response,
                  Model model, RedirectAttributes redirect) {
        try {
            accounts.changeOwnPassword(user, currentPassword, newPassword, confirmation);
        } catch (ProblemException e) {
            model.addAttribute("error", e.getMessage());
            return form(user, model);
        }
        // the session's principal still says "must change": replace it with the account as it is now
        AccountUserDetails fresh = (AccountUserDetails) users.loadUserByUsername(user.username());
        fresh.eraseCredentials();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(fresh, null, fresh.getAuthorities()));
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
        redirect.addFlashAttribute("notice", "密码已修改。");
        return "redirect:/";
    }
}
