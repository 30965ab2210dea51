package cn.anju.evaluation.web;

import cn.anju.evaluation.EvaluationReview;
import cn.anju.evaluation.EvaluationScoring;
import cn.anju.evaluation.Evaluations;
import cn.anju.evaluation.Settlements;
import cn.anju.identity.CurrentUser;
import cn.anju.shared.web.ProblemException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.math.BigDecimal;

/**
 * The step forms of one evaluation's page. Each carries the version the page saw ({@code seenVersion}); each calls the
 * service the JSON API calls, so the page can do nothing the API would refuse, and shows its refusal on the page.
 */
@Controller
@PreAuthorize("@evaluationAccess.evaluations(authentication)")
class EvaluationStepPages {

    private final Evaluations evaluations;
    private final EvaluationScoring scoring;
    private final EvaluationReview review;
    private final Settlements settlements;
    private final PageSteps steps;
    private final EvaluationFormats fmt;

    EvaluationStepPages(Evaluations evaluations, EvaluationScoring scoring, EvaluationReview review, Settlements settlements, PageSteps steps,
                        EvaluationFormats fmt) {
        this.evaluations = evaluations;
        this.scoring = scoring;
        this.review = review;
        this.settlements = settlements;
        this.steps = steps;
        this.fmt = fmt;
    }

    private static String page(long id) {
        return "/evaluations/" + id;
    }

    @PostMapping("/evaluations/{id}/computation")
    String compute(CurrentUser user, @PathVariable long id, @RequestParam(required = false) Integer seenVersion, RedirectAttributes redirect) {
        return steps.attempt(redirect, page(id), "ev.notice.computed", () -> evaluations.compute(user, id, seenVersion));
    }

    @PostMapping("/evaluations/{id}/leaves/{code}/score")
    String score(CurrentUser user, @PathVariable long id, @PathVariable String code, @RequestParam(required = false) String percent,
                 @RequestParam(required = false) String basis, @RequestParam(required = false) MultipartFile file,
                 @RequestParam(required = false) Integer seenVersion, RedirectAttributes redirect) {
        return steps.attempt(redirect, page(id), "ev.notice.scored",
                () -> scoring.score(user, id, code, percent(percent), basis, EvaluationApi.upload(file), seenVersion));
    }

    @PostMapping("/evaluations/{id}/submission")
    String submit(CurrentUser user, @PathVariable long id, @RequestParam(required = false) Integer seenVersion, RedirectAttributes redirect) {
        return steps.attempt(redirect, page(id), "ev.notice.submitted", () -> scoring.submit(user, id, seenVersion));
    }

    @PostMapping("/evaluations/{id}/reopening")
    String reopen(CurrentUser user, @PathVariable long id, @RequestParam(required = false) Integer seenVersion, RedirectAttributes redirect) {
        return steps.attempt(redirect, page(id), "ev.notice.reopened", () -> scoring.reopen(user, id, seenVersion));
    }

    @PostMapping("/evaluations/{id}/review")
    String sendForReview(CurrentUser user, @PathVariable long id, @RequestParam(required = false) Integer seenVersion,
                         RedirectAttributes redirect) {
        return steps.attempt(redirect, page(id), "ev.notice.sentForReview", () -> scoring.sendForReview(user, id, seenVersion));
    }

    @PostMapping("/evaluations/{id}/objections")
    String object(CurrentUser user, @PathVariable long id, @RequestParam(required = false) String leafCode,
                  @RequestParam(required = false) String reasons, @RequestParam(required = false) MultipartFile file,
                  @RequestParam(required = false) Integer seenVersion, RedirectAttributes redirect) {
        return seen(user, id, seenVersion, redirect, "ev.notice.objected",
                () -> review.object(user, id, leafCode, reasons, EvaluationApi.upload(file)));
    }

    @PostMapping("/evaluations/{id}/operator-acceptance")
    String acceptResult(CurrentUser user, @PathVariable long id, @RequestParam(required = false) Integer seenVersion,
                        RedirectAttributes redirect) {
        return seen(user, id, seenVersion, redirect, "ev.notice.resultAccepted", () -> review.acceptResult(user, id));
    }

    @PostMapping("/evaluations/{id}/objections/{objection}/acceptance")
    String acceptObjection(CurrentUser user, @PathVariable long id, @PathVariable long objection,
                           @RequestParam(required = false) String decision, @RequestParam(required = false) String percent,
                           @RequestParam(required = false) Integer seenVersion, RedirectAttributes redirect) {
        return seen(user, id, seenVersion, redirect, "ev.notice.objectionAccepted", () -> review.accept(user, objection, decision, percent(percent)));
    }

    @PostMapping("/evaluations/{id}/objections/{objection}/rejection")
    String rejectObjection(CurrentUser user, @PathVariable long id, @PathVariable long objection,
                           @RequestParam(required = false) String decision, @RequestParam(required = false) Integer seenVersion,
                           RedirectAttributes redirect) {
        return seen(user, id, seenVersion, redirect, "ev.notice.objectionRejected", () -> review.reject(user, objection, decision));
    }

    @PostMapping("/evaluations/{id}/signature")
    String sign(CurrentUser user, @PathVariable long id, @RequestParam(required = false) Integer seenVersion, RedirectAttributes redirect) {
        return steps.attempt(redirect, page(id), "ev.notice.signed", () -> review.sign(user, id, seenVersion));
    }

    @PostMapping("/evaluations/{id}/deductions")
    String deduct(CurrentUser user, @PathVariable long id, @RequestParam(required = false) String item,
                  @RequestParam(required = false) String amountYuan, @RequestParam(required = false) MultipartFile file,
                  @RequestParam(required = false) Integer seenVersion, RedirectAttributes redirect) {
        return seen(user, id, seenVersion, redirect, "ev.notice.deducted",
                () -> settlements.deduct(user, id, item, fen(amountYuan), EvaluationApi.upload(file)));
    }

    @PostMapping("/evaluations/{id}/settlement")
    String draft(CurrentUser user, @PathVariable long id, @RequestParam(required = false) Integer seenVersion, RedirectAttributes redirect) {
        long[] drafted = {0};
        String back = seen(user, id, seenVersion, redirect, "ev.notice.drafted", () -> drafted[0] = settlements.draft(user, id));
        return drafted[0] > 0 ? "redirect:/settlements/" + drafted[0] : back;
    }

    /** A step whose service takes no version: refused when the page saw an older version of the evaluation. */
    private String seen(CurrentUser user, long id, Integer seenVersion, RedirectAttributes redirect, String noticeKey, Runnable action) {
        return steps.attempt(redirect, page(id), noticeKey, () -> {
            steps.requireSeen(seenVersion, evaluations.visible(user, id).version());
            action.run();
        });
    }

    /** A typed percentage (0-100, up to two decimals; the service checks the range), null when blank. */
    private BigDecimal percent(String typed) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(typed.strip());
        } catch (NumberFormatException e) {
            throw ProblemException.badRequest("SCORE_INVALID", fmt.text("ev.error.percent"));
        }
    }

    /** Fen of yuan as typed (1,234.56), exactly; more than two decimals or no number is refused. */
    private Long fen(String typed) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(typed.strip().replace(",", "").replace("，", "")).movePointRight(2).longValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            throw ProblemException.badRequest("AMOUNT_INVALID", fmt.text("ev.error.amount"));
        }
    }
}
