package cn.anju.identity;

import jakarta.servlet.http.HttpSession;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** 动态码: the administrator's second step of login, and the first enrolment of an authenticator app. */
@Controller
class SecondFactorController {

    private final SecondFactor secondFactor;

    SecondFactorController(SecondFactor secondFactor) {
        this.secondFactor = secondFactor;
    }

    @GetMapping("/login/second-factor")
    String form(CurrentUser user, HttpSession session, Model model) {
        if (!Boolean.TRUE.equals(session.getAttribute(LoginFlow.SECOND_FACTOR_PENDING))) {
            return "redirect:/";
        }
        if (!secondFactor.enrolled(user.id())) {
            String secret = secondFactor.enrolmentSecret(user.id());
            model.addAttribute("secret", secret.replaceAll("(.{4})", "$1 ").trim());
            model.addAttribute("uri", Totp.otpauthUri("安居公租房平台", user.username(), secret));
        }
        return "identity/second-factor";
    }

    @PostMapping("/login/second-factor")
    String verify(CurrentUser user, @RequestParam String code, HttpSession session, Model model) {
        if (secondFactor.verify(user, code)) {
            session.removeAttribute(LoginFlow.SECOND_FACTOR_PENDING);
            return user.mustChangePassword() ? "redirect:/password/change" : "redirect:/";
        }
        model.addAttribute("error", "动态码不正确或已使用，请输入身份验证器中当前显示的6位数字。");
        return form(user, session, model);
    }
}
