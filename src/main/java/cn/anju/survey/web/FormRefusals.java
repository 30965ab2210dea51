package cn.anju.survey.web;

import cn.anju.shared.web.ProblemException;
import org.springframework.ui.Model;

import java.util.function.Supplier;

/**
 * A form's refusal the user can fix is shown on the form again, with what they typed (a redirect would lose it); a
 * 403 is thrown on, as {@link cn.anju.shared.web.PageActions} does, never softened into a banner.
 */
final class FormRefusals {

    private FormRefusals() {
    }

    static String shownOn(ProblemException refusal, Model model, Supplier<String> form) {
        if (refusal.status().value() == 403) {
            throw refusal;
        }
        model.addAttribute("error", refusal.getMessage());
        return form.get();
    }
}
