package cn.anju.disclosure.web;

import cn.anju.disclosure.InformationDelivery;
import cn.anju.disclosure.InformationRequestDesk;
import cn.anju.shared.Districts;
import cn.anju.shared.web.Captcha;
import cn.anju.shared.web.ProblemException;
import jakarta.servlet.http.HttpSession;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

/**
 * 依申请公开 without signing in: the form (with a CAPTCHA drawn by the server, one try each), the receipt with the case
 * number and the code shown once, and following a request by both, with the reply's files. A file downloads only in
 * the session that opened its request with the code.
 */
@Controller
class PublicInformationRequestPages {

    static final String CAPTCHA = "disclosure.requestCaptcha";
    private static final String OPENED = "disclosure.requestsOpened";

    private final InformationRequestDesk desk;
    private final Districts districts;

    PublicInformationRequestPages(InformationRequestDesk desk, Districts districts) {
        this.desk = desk;
        this.districts = districts;
    }

    /** The form as filled in; {@code key} is the form's idempotency key. */
    record Form(String district, String name, String contact, String description, String purpose, InformationDelivery delivery,
                UUID key, String captcha) {
    }

    @GetMapping("/public/requests")
    String form(Model model) {
        return form(model, new Form(null, null, null, null, null, InformationDelivery.ONLINE, UUID.randomUUID(), null), null);
    }

    @GetMapping("/public/requests/captcha")
    ResponseEntity<byte[]> captcha(HttpSession session) {
        return Captcha.draw(session, CAPTCHA);
    }

    @PostMapping("/public/requests")
    String submit(@ModelAttribute Form f, HttpSession session, Model model) {
        if (!Captcha.passed(session, CAPTCHA, f.captcha())) {
            return form(model, f, "验证码不正确，请重新输入。");
        }
        try {
            InformationRequestDesk.Receipt receipt = desk.submit(new InformationRequestDesk.Application(f.district(), f.name(), f.contact(),
                    f.description(), f.purpose(), f.delivery(), f.key()));
            model.addAttribute("receipt", receipt);
            return "disclosure/request-receipt";
        } catch (ProblemException e) {
            return form(model, f, e.getMessage());
        }
    }

    @GetMapping("/public/requests/status")
    String lookup() {
        return "disclosure/request-status";
    }

    record Lookup(String caseNumber, String code, String captcha) {
    }

    @PostMapping("/public/requests/status")
    String find(@ModelAttribute Lookup q, HttpSession session, Model model) {
        if (!Captcha.passed(session, CAPTCHA, q.captcha())) {
            model.addAttribute("error", "验证码不正确，请重新输入。");
        } else {
            desk.status(q.caseNumber(), q.code()).ifPresentOrElse(s -> {
                model.addAttribute("found", s);
                opened(session).add(s.id());
            }, () -> model.addAttribute("error", "申请编号或查询码不正确。"));
        }
        model.addAttribute("caseNumber", q.caseNumber());
        return "disclosure/request-status";
    }

    @GetMapping("/public/requests/{id}/files/{fileId}")
    ResponseEntity<byte[]> file(@PathVariable long id, @PathVariable long fileId, HttpSession session) {
        if (!opened(session).contains(id)) {
            throw ProblemException.notFound("INFORMATION_REQUEST_FILE_NOT_FOUND", "请先用申请编号和查询码打开您的申请，再下载答复附件。");
        }
        return desk.replyFile(id, fileId).map(ReplyFileResponses::of)
                .orElseThrow(() -> ProblemException.notFound("INFORMATION_REQUEST_FILE_NOT_FOUND", "答复附件不存在。"));
    }

    private String form(Model model, Form f, String error) {
        model.addAttribute("f", f);
        model.addAttribute("error", error);
        model.addAttribute("districts", districts.ofCity(districts.cityCode()));
        model.addAttribute("deliveries", InformationDelivery.values());
        return "disclosure/request-form";
    }

    @SuppressWarnings("unchecked")
    private static Set<Long> opened(HttpSession session) {
        Object o = session.getAttribute(OPENED);
        if (o instanceof HashSet<?> set) {
            return (Set<Long>) set;
        }
        HashSet<Long> set = new HashSet<>();
        session.setAttribute(OPENED, set);
        return set;
    }
}
