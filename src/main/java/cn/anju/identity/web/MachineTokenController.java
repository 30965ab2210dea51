package cn.anju.identity.web;

import cn.anju.identity.CurrentUser;
import cn.anju.identity.IdentityQueries;
import cn.anju.identity.MachineTokens;
import cn.anju.shared.web.ProblemException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The security administrator's page for a machine account's API tokens: the same page as 我的令牌, for that account. */
@Controller
@RequestMapping("/security/accounts/{accountId}/tokens")
@PreAuthorize("@identityAccess.security(authentication)")
class MachineTokenController {

    private final MachineTokens tokens;
    private final IdentityQueries queries;

    MachineTokenController(MachineTokens tokens, IdentityQueries queries) {
        this.tokens = tokens;
        this.queries = queries;
    }

    @GetMapping
    String list(CurrentUser user, @PathVariable Long accountId, Model model) {
        model.addAttribute("tokens", tokens.list(user, accountId));
        model.addAttribute("machine", queries.account(user, accountId));
        model.addAttribute("tokensBase", "/security/accounts/" + accountId + "/tokens");
        return "identity/tokens";
    }

    /** The page itself, not a redirect: the token never passes through the session store. */
    @PostMapping
    String issue(CurrentUser user, @PathVariable Long accountId, @RequestParam String name,
                 @RequestParam(defaultValue = "90") int days, Model model) {
        try {
            model.addAttribute("issued", tokens.issue(user, accountId, name, days));
        } catch (ProblemException e) {
            model.addAttribute("error", e.getMessage());
        }
        return list(user, accountId, model);
    }

    @PostMapping("/{id}/revoke")
    String revoke(CurrentUser user, @PathVariable Long accountId, @PathVariable Long id, RedirectAttributes redirect) {
        try {
            tokens.revoke(user, accountId, id);
            redirect.addFlashAttribute("notice", "令牌已撤销，使用它的外部系统将立即无法访问。");
        } catch (ProblemException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/security/accounts/" + accountId + "/tokens";
    }
}
