package cn.anju.shared.web;

import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.function.Supplier;

/**
 * How a page's form action ends: done → back with a notice; refused for a reason the user can fix (4xx other than
 * 403) → back with that Chinese message; forbidden → the 403 page, never a friendly banner that hides a breach.
 */
public final class PageActions {

    private PageActions() {
    }

    public static String attempt(RedirectAttributes redirect, String target, String notice, Runnable action) {
        return attempt(redirect, target, () -> {
            action.run();
            return notice;
        });
    }

    /** As above, the notice made by the action from what it did (e.g. how many bills a run made). */
    public static String attempt(RedirectAttributes redirect, String target, Supplier<String> action) {
        try {
            redirect.addFlashAttribute("notice", action.get());
        } catch (ProblemException e) {
            if (e.status().value() == 403) {
                throw e;
            }
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:" + target;
    }
}
