package cn.anju.identity;

import cn.anju.shared.web.ProblemException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** 激活账号: the public page where a person sets their password with the code sent to their own mobile or e-mail. */
@Controller
class AccountActivationController {

    static final String PATH = "/account/activate";

    private final AccountActivation activation;
    private final LoginPolicyResolver policies;

    AccountActivationController(AccountActivation activation, LoginPolicyResolver policies) {
        this.activation = activation;
        this.policies = policies;
    }

    @GetMapping(PATH)
    String form(@RequestParam(required = false) String username, Model model) {
        model.addAttribute("username", username == null ? "" : username);
        model.addAttribute("policy", policies.forUsername(null)); // the city default: says nothing about who exists
        return "identity/activate";
    }

    @PostMapping(PATH)
    String activate(@RequestParam(required = false) String username, @RequestParam(required = false) String code,
                    @RequestParam(required = false) String password, @RequestParam(required = false) String confirmation,
                    Model model) {
        try {
            boolean ready = activation.activate(username, code, password, confirmation);
            model.addAttribute("done", true);
            model.addAttribute("ready", ready);
        } catch (ProblemException e) {
            model.addAttribute("error", e.getMessage());
        }
        return form(username, model);
    }
}
