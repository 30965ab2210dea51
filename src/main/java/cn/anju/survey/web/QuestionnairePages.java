package cn.anju.survey.web;

import cn.anju.identity.CurrentUser;
import cn.anju.shared.web.PageActions;
import cn.anju.shared.web.ProblemException;
import cn.anju.survey.Question;
import cn.anju.survey.QuestionKind;
import cn.anju.survey.Questionnaire;
import cn.anju.survey.QuestionnaireAuthoring;
import cn.anju.survey.QuestionnaireStatus;
import cn.anju.survey.SatisfactionIndicator;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * The questionnaire builder: a draft is edited in place and published; a published version is shown read-only, and
 * editing it saves the next version. Each question is a row of four fields ({@code kind}, {@code text},
 * {@code options} one per line, {@code indicator}) sent in order; a refusal is shown on the form with what was typed.
 */
@Controller
@PreAuthorize("@surveyAccess.organisers(authentication)")
class QuestionnairePages {

    private final QuestionnaireAuthoring authoring;

    QuestionnairePages(QuestionnaireAuthoring authoring) {
        this.authoring = authoring;
    }

    /** One question as the builder shows it. */
    record Row(String kind, String text, String options, String indicator) {

        static Row of(Question q) {
            return new Row(q.kind().name(), q.text(), String.join("\n", q.options()),
                    q.indicator() == null ? "" : q.indicator().name());
        }

        /** The question it asks; options only for a single choice and an indicator only for a rating (the others are hidden). */
        Question question() {
            QuestionKind k = parse(QuestionKind.class, kind);
            List<String> lines = k == QuestionKind.CHOICE && options != null
                    ? Arrays.stream(options.split("\\R")).map(String::strip).filter(s -> !s.isEmpty()).toList() : List.of();
            return new Question(null, k, text, lines, k == QuestionKind.RATING ? parse(SatisfactionIndicator.class, indicator) : null);
        }

        private static <E extends Enum<E>> E parse(Class<E> type, String name) {
            return Arrays.stream(type.getEnumConstants()).filter(e -> e.name().equals(name)).findFirst().orElse(null);
        }
    }

    @GetMapping("/surveys/questionnaires/new")
    String blank(Model model) {
        return form(model, null, "", List.of(new Row(QuestionKind.RATING.name(), "", "", SatisfactionIndicator.SAT_OVERALL.name())), true);
    }

    @PostMapping("/surveys/questionnaires")
    String create(CurrentUser user, @RequestParam MultiValueMap<String, String> form, Model model, RedirectAttributes redirect) {
        List<Row> rows = rows(form);
        return save(user, form, model, redirect, null,
                () -> authoring.create(user, new QuestionnaireAuthoring.Draft(form.getFirst("title"), questions(rows))));
    }

    @GetMapping("/surveys/questionnaires/{id}")
    String show(CurrentUser user, @PathVariable long id, @RequestParam(required = false) Boolean edit, Model model) {
        Questionnaire q = authoring.show(user, id);
        model.addAttribute("next", authoring.mine(user).stream().filter(x -> Objects.equals(x.previousId(), id)).findFirst().orElse(null));
        boolean editing = q.status() == QuestionnaireStatus.DRAFT || Boolean.TRUE.equals(edit);
        return form(model, q, q.title(), q.questions().stream().map(Row::of).toList(), editing);
    }

    @PostMapping("/surveys/questionnaires/{id}")
    String revise(CurrentUser user, @PathVariable long id, @RequestParam MultiValueMap<String, String> form, Model model,
                  RedirectAttributes redirect) {
        List<Row> rows = rows(form);
        return save(user, form, model, redirect, authoring.show(user, id),
                () -> authoring.revise(user, id, new QuestionnaireAuthoring.Draft(form.getFirst("title"), questions(rows))));
    }

    /**
     * Saves and opens what was saved, publishing it when the form says so ({@code publish=true}, "保存并发布"). A
     * refusal the user can fix is shown on the form with what was typed (a 403 is never softened).
     */
    private String save(CurrentUser user, MultiValueMap<String, String> form, Model model, RedirectAttributes redirect,
                        Questionnaire shown, LongSupplier action) {
        long saved;
        try {
            saved = action.getAsLong();
        } catch (ProblemException e) {
            return FormRefusals.shownOn(e, model, () -> form(model, shown, form.getFirst("title"), rows(form), true));
        }
        if ("true".equals(form.getFirst("publish"))) {
            return PageActions.attempt(redirect, "/surveys/questionnaires/" + saved, "问卷已保存并发布，现在可以用它发起调查。",
                    () -> authoring.publish(user, saved, null));
        }
        redirect.addFlashAttribute("notice", shown != null && shown.status() == QuestionnaireStatus.PUBLISHED
                ? "已保存为新版本的草稿，原版本保持不变。检查无误后请发布。" : "问卷草稿已保存。检查无误后请发布，发布后方可用于调查。");
        return "redirect:/surveys/questionnaires/" + saved;
    }

    private static String form(Model model, Questionnaire q, String title, List<Row> rows, boolean editing) {
        model.addAttribute("q", q);
        model.addAttribute("draftTitle", title); // not "title": the layout's parameter
        model.addAttribute("rows", rows);
        model.addAttribute("editing", editing);
        model.addAttribute("kinds", QuestionKind.values());
        model.addAttribute("indicators", SatisfactionIndicator.values());
        return "survey/questionnaire";
    }

    /** The rows as sent: the four fields of each row come in order, a missing one counts as empty. */
    static List<Row> rows(MultiValueMap<String, String> form) {
        List<String> kinds = form.getOrDefault("kind", List.of());
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < kinds.size(); i++) {
            rows.add(new Row(kinds.get(i), at(form, "text", i), at(form, "options", i), at(form, "indicator", i)));
        }
        return rows;
    }

    private static String at(MultiValueMap<String, String> form, String name, int i) {
        List<String> values = form.getOrDefault(name, List.of());
        return i < values.size() ? values.get(i) : "";
    }

    private static List<Question> questions(List<Row> rows) {
        return rows.stream().map(Row::question).toList();
    }
}
