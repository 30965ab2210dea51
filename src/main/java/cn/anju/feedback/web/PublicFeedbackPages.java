package cn.anju.feedback.web;

import cn.anju.feedback.FeedbackChannelsDirectory;
import cn.anju.feedback.FeedbackPublic;
import cn.anju.feedback.FollowUps;
import cn.anju.shared.Districts;
import cn.anju.shared.web.Captcha;
import cn.anju.shared.web.PageActions;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Without signing in: the service channels of each district (服务热线, WeChat, Weibo, e-mail), following a case by its
 * number and code (CAPTCHA, rate limit), and the tenant's follow-up link.
 */
@Controller
class PublicFeedbackPages {

    static final String CAPTCHA = "feedback.publicCaptcha";

    private final FeedbackPublic cases;
    private final FollowUps followUps;
    private final FeedbackChannelsDirectory channels;
    private final Districts districts;

    PublicFeedbackPages(FeedbackPublic cases, FollowUps followUps, FeedbackChannelsDirectory channels, Districts districts) {
        this.cases = cases;
        this.followUps = followUps;
        this.channels = channels;
        this.districts = districts;
    }

    @GetMapping("/public/contact")
    String contact(Model model) {
        model.addAttribute("channels", channels.all(districts));
        return "feedback/public-contact";
    }

    @GetMapping("/public/cases")
    String lookup() {
        return "feedback/public-cases";
    }

    @GetMapping("/public/cases/captcha")
    ResponseEntity<byte[]> captcha(HttpSession session) {
        return Captcha.draw(session, CAPTCHA);
    }

    record Lookup(String caseNumber, String code, String captcha) {
    }

    @PostMapping("/public/cases")
    String find(@ModelAttribute Lookup q, HttpSession session, HttpServletRequest request, Model model) {
        if (!Captcha.passed(session, CAPTCHA, q.captcha())) {
            model.addAttribute("error", "验证码不正确，请重新输入。");
        } else if (!cases.allow(request.getRemoteAddr())) {
            model.addAttribute("error", "查询过于频繁，请一小时后再试。");
        } else {
            cases.find(q.caseNumber(), q.code()).ifPresentOrElse(c -> model.addAttribute("found", c),
                    () -> model.addAttribute("error", "案件编号或查询码不正确。"));
        }
        model.addAttribute("caseNumber", q.caseNumber());
        return "feedback/public-cases";
    }

    @GetMapping("/feedback/follow-up/{token}")
    String followUp(@PathVariable String token, Model model) {
        model.addAttribute("invitation", followUps.invitation(token).orElse(null));
        model.addAttribute("token", token);
        model.addAttribute("answers", FollowUps.Answer.values());
        return "feedback/follow-up";
    }

    record Say(FollowUps.Answer answer, String comment) {
    }

    @PostMapping("/feedback/follow-up/{token}")
    String say(@PathVariable String token, @ModelAttribute Say say, RedirectAttributes redirect) {
        return PageActions.attempt(redirect, "/feedback/follow-up/" + token, "感谢您的评价。",
                () -> followUps.answerByLink(token, say.answer(), say.comment()));
    }
}
