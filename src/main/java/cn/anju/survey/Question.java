package cn.anju.survey;

import org.springframework.modulith.NamedInterface;
import cn.anju.shared.web.ProblemException;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One question of a questionnaire. Its {@code code} names it in answers and results: the indicator's code when a rating
 * question carries one (SAT_OVERALL…), else Q1, Q2… by position.
 *
 * @param options   a single-choice question's options (2-10), else empty
 * @param indicator a rating question's satisfaction indicator, or null
 */
@NamedInterface("actions")
public record Question(String code, QuestionKind kind, String text, List<String> options, SatisfactionIndicator indicator) {

    static final int MAX_QUESTIONS = 40;
    static final int MAX_TEXT = 200;

    public Question {
        options = options == null ? List.of() : List.copyOf(options);
    }

    /** What an author wrote, checked and numbered: the codes are assigned here, never typed. */
    static List<Question> numbered(List<Question> written) {
        if (written == null || written.isEmpty() || written.size() > MAX_QUESTIONS) {
            throw ProblemException.badRequest("QUESTIONS_COUNT", "问卷须有 1 至 " + MAX_QUESTIONS + " 道题。");
        }
        List<Question> numbered = new ArrayList<>();
        Set<SatisfactionIndicator> indicators = new HashSet<>();
        for (int i = 0; i < written.size(); i++) {
            Question q = written.get(i);
            String where = "第 " + (i + 1) + " 题";
            if (q == null || q.kind() == null) {
                throw ProblemException.badRequest("QUESTION_KIND", where + "请选择题型（评分、单选或文字）。");
            }
            String text = q.text() == null ? "" : q.text().strip();
            if (text.isEmpty() || text.length() > MAX_TEXT) {
                throw ProblemException.badRequest("QUESTION_TEXT", where + "的题目须为 1 至 " + MAX_TEXT + " 个字。");
            }
            List<String> options = q.options().stream().map(String::strip).filter(o -> !o.isEmpty()).toList();
            if (q.kind() == QuestionKind.CHOICE && (options.size() < 2 || options.size() > 10 || Set.copyOf(options).size() != options.size())) {
                throw ProblemException.badRequest("QUESTION_OPTIONS", where + "是单选题，须有 2 至 10 个互不相同的选项。");
            }
            if (q.kind() != QuestionKind.CHOICE && !options.isEmpty()) {
                throw ProblemException.badRequest("QUESTION_OPTIONS", where + "不是单选题，不能设置选项。");
            }
            if (q.indicator() != null && q.kind() != QuestionKind.RATING) {
                throw ProblemException.badRequest("QUESTION_INDICATOR", where + "：只有评分题可以对应满意度指标。");
            }
            if (q.indicator() != null && !indicators.add(q.indicator())) {
                throw ProblemException.badRequest("QUESTION_INDICATOR", where + "：指标“" + q.indicator().label() + "”已由前面的题目对应，一份问卷中每个指标只能对应一道题。");
            }
            String code = q.indicator() != null ? q.indicator().name() : "Q" + (i + 1);
            numbered.add(new Question(code, q.kind(), text, options, q.indicator()));
        }
        return List.copyOf(numbered);
    }
}
