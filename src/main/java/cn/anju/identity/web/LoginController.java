package cn.anju.identity.web;

import cn.anju.identity.CurrentUser;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The Chinese login page; Spring Security processes the POST. */
@Controller
class LoginController {

    @GetMapping("/login")
    String login(CurrentUser user) {
        return user != null ? "redirect:/" : "identity/login";
    }
}
