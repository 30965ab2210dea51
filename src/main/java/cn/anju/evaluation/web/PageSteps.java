package cn.anju.evaluation.web;

import cn.anju.shared.state.StateChanges;
import cn.anju.shared.web.ProblemException;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * How a step taken on an evaluation, settlement or report page ends, as {@code PageActions} does for the contract pages:
 * done → back with a notice in the user's language; refused for a reason the user can fix → back with the service's
 * Chinese message (its code kept beside it for tests and support); forbidden → the 403 page, never a softened banner.
 */
@Component
class PageSteps {

    private final EvaluationFormats fmt;

    PageSteps(EvaluationFormats fmt) {
        this.fmt = fmt;
    }

    String attempt(RedirectAttributes redirect, String target, String noticeKey, Runnable action) {
        try {
            action.run();
            redirect.addFlashAttribute("notice", fmt.text(noticeKey));
        } catch (ProblemException e) {
            if (e.status().value() == 403) {
                throw e;
            }
            redirect.addFlashAttribute("error", e.getMessage());
            redirect.addFlashAttribute("errorCode", e.code());
        }
        return "redirect:" + target;
    }

    /**
     * For the steps whose service takes no version (objections, deductions, drafts): a form that saw an older version of
     * the record is refused as the services refuse theirs, so nobody acts on a page that no longer shows the truth.
     */
    void requireSeen(Integer seenVersion, int version) {
        if (seenVersion != null && seenVersion != version) {
            throw ProblemException.conflict(StateChanges.CONCURRENT_CHANGE, fmt.text("ev.stale"));
        }
    }
}
