package cn.anju.identity;

import cn.anju.shared.web.Captcha;
import jakarta.servlet.http.HttpSession;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The Chinese login page (Spring Security processes the POST) and its server-drawn CAPTCHA. */
@Controller
class LoginController {

    private final LoginAttempts attempts;
    private final LoginPolicyResolver policies;

    LoginController(LoginAttempts attempts, LoginPolicyResolver policies) {
        this.attempts = attempts;
        this.policies = policies;
    }

    @GetMapping("/login")
    String login(CurrentUser user, HttpSession session, Model model) {
        if (user != null) {
            return "redirect:/";
        }
        Object last = session.getAttribute(LoginFlow.LAST_USERNAME);
        String username = last == null ? "" : last.toString();
        model.addAttribute("lastUsername", username);
        model.addAttribute("captchaRequired",
                !username.isEmpty() && attempts.captchaRequired(username, policies.forUsername(username)));
        model.addAttribute("lockMinutes", policies.forUsername(username).lockMinutes());
        return "identity/login";
    }

    @GetMapping("/login/captcha")
    ResponseEntity<byte[]> captcha(HttpSession session) {
        String answer = Captcha.newAnswer();
        session.setAttribute(LoginFlow.CAPTCHA_ANSWER, answer);
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).contentType(MediaType.IMAGE_PNG)
                .body(Captcha.png(answer));
    }
}
