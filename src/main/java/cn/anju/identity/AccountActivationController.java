package cn.anju.identity;

import cn.anju.shared.web.ProblemException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;

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

    /** The page may be opened with the username filled in. */
    record Prefill(String username) {
    }

    /**
     * What the person types. Like every bound form it is a request attribute while the page renders, which the page
     * never reads: the password stays where it already was, in the request's own parameters.
     */
    record ActivationForm(String username, String code, String password, String confirmation) {
    }

    @GetMapping(PATH)
    String form(@ModelAttribute Prefill prefill, Model model) {
        return page(prefill.username(), model);
    }

    @PostMapping(PATH)
    String activate(@ModelAttribute ActivationForm form, Model model) {
        try {
            boolean ready = activation.activate(form.username(), form.code(), form.password(), form.confirmation());
            model.addAttribute("done", true);
            model.addAttribute("ready", ready);
        } catch (ProblemException e) {
            model.addAttribute("error", e.getMessage());
        }
        return page(form.username(), model);
    }

    private String page(String username, Model model) {
        model.addAttribute("username", username == null ? "" : username);
        model.addAttribute("policy", policies.forUsername(null)); // the city default: says nothing about who exists
        return "identity/activate";
    }
}
