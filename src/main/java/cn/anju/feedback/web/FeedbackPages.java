package cn.anju.feedback.web;

import cn.anju.feedback.Channel;
import cn.anju.feedback.FeedbackCategory;
import cn.anju.feedback.FeedbackHandling;
import cn.anju.feedback.FeedbackIntake;
import cn.anju.feedback.FeedbackKind;
import cn.anju.feedback.FeedbackQueries;
import cn.anju.feedback.FeedbackState;
import cn.anju.feedback.FeedbackSupervision;
import cn.anju.feedback.FeedbackTimeline;
import cn.anju.feedback.FollowUps;
import cn.anju.feedback.Inbound;
import cn.anju.housing.HousingQueries;
import cn.anju.identity.CurrentUser;
import cn.anju.shared.Role;
import cn.anju.shared.web.PageActions;
import cn.anju.shared.web.PageQuery;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** The case desk (案件台) and one case with its timeline and the steps the user may take. */
@Controller
@PreAuthorize("@feedbackAccess.desk(authentication)")
class FeedbackPages {

    private final FeedbackIntake intake;
    private final FeedbackQueries queries;
    private final FeedbackTimeline timeline;
    private final FeedbackHandling handling;
    private final FeedbackSupervision supervision;
    private final FollowUps followUps;
    private final HousingQueries housing;
    private final Clock clock;

    FeedbackPages(FeedbackIntake intake, FeedbackQueries queries, FeedbackTimeline timeline, FeedbackHandling handling,
                  FeedbackSupervision supervision, FollowUps followUps, HousingQueries housing, Clock clock) {
        this.intake = intake;
        this.queries = queries;
        this.timeline = timeline;
        this.handling = handling;
        this.supervision = supervision;
        this.followUps = followUps;
        this.housing = housing;
        this.clock = clock;
    }

    record Filter(Channel channel, FeedbackState state, Boolean overdue, String q, FeedbackQueries.Queue queue, Integer page) {
    }

    @GetMapping("/feedback")
    String desk(CurrentUser user, @ModelAttribute Filter f, Model model) {
        model.addAttribute("result", queries.search(user, new FeedbackQueries.Filter(f.channel(), f.state(), f.overdue(), null, f.q(),
                f.queue()), PageQuery.of(f.page(), 20)));
        model.addAttribute("f", f);
        model.addAttribute("channels", Channel.values());
        model.addAttribute("states", FeedbackState.values());
        model.addAttribute("queues", FeedbackQueries.Queue.values());
        model.addAttribute("canTake", user.isOperator());
        model.addAttribute("kinds", FeedbackKind.values());
        model.addAttribute("categories", FeedbackCategory.values());
        return "feedback/desk";
    }

    /** A call or a visit the handler records: the caller's number (optional) and what they said. */
    record TakeForm(Channel channel, String from, String text, FeedbackKind kind, FeedbackCategory category, Boolean anonymous) {
    }

    @PostMapping("/feedback")
    String take(CurrentUser user, @ModelAttribute TakeForm form, RedirectAttributes redirect) {
        long[] id = new long[1];
        String back = PageActions.attempt(redirect, "/feedback", () -> {
            boolean hidden = Boolean.TRUE.equals(form.anonymous()) || form.from() == null || form.from().isBlank();
            FeedbackIntake.Received r = intake.receive(user, new Inbound(form.channel() == Channel.COUNTER ? Channel.COUNTER : Channel.HOTLINE,
                    "desk-" + UUID.randomUUID(), OffsetDateTime.now(clock), hidden ? null : form.from(), form.text(), List.of(), null,
                    form.kind(), form.category(), null, null, hidden));
            id[0] = r.id();
            return "已登记，案件编号 " + r.caseNumber() + "，查询码 " + r.trackingCode() + "（请告知来电人）。";
        });
        return id[0] > 0 ? "redirect:/feedback/" + id[0] : back;
    }

    @GetMapping("/feedback/{id}")
    String detail(CurrentUser user, @PathVariable long id, Model model) {
        model.addAttribute("c", timeline.detail(user, id));
        model.addAttribute("handler", user.isOperator());
        model.addAttribute("officer", user.hasAny(Role.GOV_ADMIN, Role.GOV_OFFICER));
        model.addAttribute("kinds", FeedbackKind.values());
        model.addAttribute("categories", FeedbackCategory.values());
        model.addAttribute("answers", FollowUps.Answer.values());
        model.addAttribute("projects", housing.projects(user));
        model.addAttribute("today", LocalDate.now(clock));
        return "feedback/case";
    }

    /** Whatever a step may carry. */
    record StepForm(FeedbackKind kind, FeedbackCategory category, String reason, Long projectId, String text, Boolean reached,
                    FollowUps.Answer answer, String comment, @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dueOn,
                    Boolean reopen) {
    }

    @PostMapping("/feedback/{id}/{step:acceptance|rejection|placement|take|start|reply|call|sample|pause|resumption|supervision|decision}")
    String step(CurrentUser user, @PathVariable long id, @PathVariable String step, @ModelAttribute StepForm f, RedirectAttributes redirect) {
        return PageActions.attempt(redirect, "/feedback/" + id, "已办理。", () -> {
            switch (step) {
                case "acceptance" -> handling.accept(user, id, f.kind(), f.category());
                case "rejection" -> handling.reject(user, id, f.reason());
                case "placement" -> handling.place(user, id, f.projectId() == null ? 0 : f.projectId());
                case "take" -> handling.assign(user, id, user.id());
                case "start" -> handling.start(user, id);
                case "reply" -> handling.reply(user, id, f.text());
                case "call" -> followUps.recordCall(user, id, Boolean.TRUE.equals(f.reached()), f.answer(), f.comment());
                case "sample" -> followUps.sample(user, id, Boolean.TRUE.equals(f.reached()), f.answer(), f.comment());
                case "pause" -> supervision.pause(user, id, f.reason());
                case "resumption" -> supervision.resume(user, id);
                case "supervision" -> supervision.supervise(user, id, f.dueOn(), f.comment());
                default -> supervision.decide(user, id, Boolean.TRUE.equals(f.reopen()), f.comment());
            }
        });
    }
}
