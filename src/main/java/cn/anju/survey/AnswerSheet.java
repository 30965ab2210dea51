package cn.anju.survey;

import cn.anju.shared.web.ProblemException;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One household's answers read against the questionnaire: a rating 1-5, one of a question's options, or free text
 * (at most 500 characters) with phone and ID-like numbers removed before it is stored, so that an answer cannot name
 * who gave it. A question left blank is not answered.
 */
final class AnswerSheet {

    static final int MAX_TEXT = 500;
    static final String REMOVED = "[号码已隐去]";
    /**
     * A run of digits (with spaces or dashes between) long enough to be a phone, an ID or a card number; Unicode digits
     * too, as Chinese input methods type full-width ones (１３８…).
     */
    private static final Pattern NUMBER = Pattern.compile("\\d[\\d \\-－　]{5,}[\\dXxＸｘ]", Pattern.UNICODE_CHARACTER_CLASS);

    private AnswerSheet() {
    }

    static Map<String, Object> read(List<Question> questions, Map<String, String> given) {
        Map<String, String> values = given == null ? Map.of() : given;
        Set<String> codes = questions.stream().map(Question::code).collect(Collectors.toSet());
        for (String key : values.keySet()) {
            if (!codes.contains(key)) {
                throw ProblemException.badRequest("SURVEY_ANSWER_UNKNOWN", "问卷中没有题目 " + key + "，请刷新页面后重新作答。");
            }
        }
        Map<String, Object> answers = new LinkedHashMap<>();
        for (int i = 0; i < questions.size(); i++) {
            Question q = questions.get(i);
            String raw = values.get(q.code());
            if (raw == null || raw.isBlank()) {
                continue;
            }
            String value = raw.strip();
            String where = "第 " + (i + 1) + " 题";
            switch (q.kind()) {
                case RATING -> {
                    if (!value.matches("[1-5]")) {
                        throw ProblemException.badRequest("SURVEY_ANSWER_RATING", where + "请选择 1 至 5 分。");
                    }
                    answers.put(q.code(), Integer.parseInt(value));
                }
                case CHOICE -> {
                    if (!q.options().contains(value)) {
                        throw ProblemException.badRequest("SURVEY_ANSWER_CHOICE", where + "请从给出的选项中选择一项。");
                    }
                    answers.put(q.code(), value);
                }
                case TEXT -> {
                    if (value.length() > MAX_TEXT) {
                        throw ProblemException.badRequest("SURVEY_ANSWER_TEXT", where + "最多填写 " + MAX_TEXT + " 个字。");
                    }
                    answers.put(q.code(), scrub(value));
                }
            }
        }
        if (answers.isEmpty()) {
            throw ProblemException.badRequest("SURVEY_ANSWER_EMPTY", "请至少回答一道题后再提交。");
        }
        return answers;
    }

    /** Free text without numbers of seven digits or more (phones, ID numbers, bank cards). */
    static String scrub(String text) {
        Matcher m = NUMBER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            long digits = m.group().chars().filter(Character::isDigit).count();
            m.appendReplacement(out, digits >= 7 ? Matcher.quoteReplacement(REMOVED) : Matcher.quoteReplacement(m.group()));
        }
        m.appendTail(out);
        return out.toString();
    }
}
