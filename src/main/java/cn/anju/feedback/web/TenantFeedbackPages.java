package cn.anju.feedback.web;

import cn.anju.feedback.Channel;
import cn.anju.feedback.FeedbackCategory;
import cn.anju.feedback.FeedbackIntake;
import cn.anju.feedback.FeedbackKind;
import cn.anju.feedback.FeedbackQueries;
import cn.anju.feedback.FeedbackTimeline;
import cn.anju.feedback.FollowUps;
import cn.anju.feedback.Inbound;
import cn.anju.identity.CurrentUser;
import cn.anju.shared.web.PageActions;
import cn.anju.shared.web.PageQuery;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** 我的投诉建议: the tenant's own cases, the form on the phone, and their say on each reply. */
@Controller
@PreAuthorize("@feedbackAccess.tenant(authentication)")
class TenantFeedbackPages {

    private final FeedbackIntake intake;
    private final FeedbackQueries queries;
    private final FeedbackTimeline timeline;
    private final FollowUps followUps;
    private final Clock clock;

    TenantFeedbackPages(FeedbackIntake intake, FeedbackQueries queries, FeedbackTimeline timeline, FollowUps followUps, Clock clock) {
        this.intake = intake;
        this.queries = queries;
        this.timeline = timeline;
        this.followUps = followUps;
        this.clock = clock;
    }

    @GetMapping("/my/feedback")
    String mine(CurrentUser user, Model model) {
        model.addAttribute("result", queries.search(user, new FeedbackQueries.Filter(null, null, null, null, null, null), PageQuery.of(1, 50)));
        model.addAttribute("kinds", FeedbackKind.values());
        model.addAttribute("categories", FeedbackCategory.values());
        return "feedback/mine";
    }

    record Form(FeedbackKind kind, FeedbackCategory category, String text) {
    }

    @PostMapping("/my/feedback")
    String submit(CurrentUser user, @ModelAttribute Form form, RedirectAttributes redirect) {
        return PageActions.attempt(redirect, "/my/feedback", () -> {
            FeedbackIntake.Received r = intake.receive(user, new Inbound(Channel.WEB, "web-" + UUID.randomUUID(), OffsetDateTime.now(clock),
                    null, form.text(), List.of(), null, form.kind(), form.category(), null, null, false));
            return "已提交，案件编号 " + r.caseNumber() + "。我们将在1个工作日内受理。";
        });
    }

    @GetMapping("/my/feedback/{id}")
    String one(CurrentUser user, @PathVariable long id, Model model) {
        model.addAttribute("c", timeline.detail(user, id));
        model.addAttribute("answers", FollowUps.Answer.values());
        return "feedback/my-case";
    }

    record Say(FollowUps.Answer answer, String comment) {
    }

    @PostMapping("/my/feedback/{id}/satisfaction")
    String say(CurrentUser user, @PathVariable long id, @ModelAttribute Say say, RedirectAttributes redirect) {
        return PageActions.attempt(redirect, "/my/feedback/" + id, "感谢您的评价。",
                () -> followUps.answerAsTenant(user, id, say.answer(), say.comment()));
    }
}
