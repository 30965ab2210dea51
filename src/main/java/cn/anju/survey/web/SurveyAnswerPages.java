package cn.anju.survey.web;

import cn.anju.shared.web.PageActions;
import cn.anju.shared.web.ProblemException;
import cn.anju.survey.SurveyAnswering;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The household's answer page, phone-sized, with no account: the token in the link (SMS, WeChat, e-mail, or the QR
 * code on a door-to-door sheet) opens the questionnaire once. Fields are named {@code q_<code>}.
 */
@Controller
class SurveyAnswerPages {

    private final SurveyAnswering answering;

    SurveyAnswerPages(SurveyAnswering answering) {
        this.answering = answering;
    }

    @GetMapping("/s/{token}")
    String page(@PathVariable String token, Model model, HttpServletResponse response) {
        try {
            model.addAttribute("invitation", answering.invitation(token));
        } catch (ProblemException unknown) {
            model.addAttribute("invitation", null); // the page says the link is not valid, with the status that says so
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        }
        model.addAttribute("token", token);
        return "survey/answer";
    }

    @PostMapping("/s/{token}")
    String submit(@PathVariable String token, @RequestParam Map<String, String> form, RedirectAttributes redirect) {
        Map<String, String> answers = new LinkedHashMap<>();
        form.forEach((k, v) -> {
            if (k.startsWith("q_")) {
                answers.put(k.substring(2), v);
            }
        });
        return PageActions.attempt(redirect, "/s/" + token, "提交成功，感谢您的参与！您的回答是匿名的。",
                () -> answering.submit(token, answers));
    }
}
