package cn.anju.shared.web;

import org.springframework.http.HttpStatus;

import java.util.List;

/**
 * Text the platform cannot keep: the NUL character (PostgreSQL's text types refuse it, so it used to surface as a
 * server error) and a surrogate half without its partner (no UTF-8 encoding exists for it; the driver would store a
 * question mark instead). Refused at the edge, once, for every JSON body, query and form:
 * {@link TextInputChecks} applies it.
 */
public final class TextInput {

    /** The stable code of the refusal. */
    public static final String CODE = "INVALID_CHARACTER";

    private TextInput() {
    }

    /** Whether the text holds a character that cannot be stored. */
    public static boolean unstorable(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\0') {
                return true;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return true;
            }
            if (Character.isLowSurrogate(c)) {
                return true;
            }
        }
        return false;
    }

    /** The refusal for one field (a JSON path like {@code items[0].note}, or a parameter name); null when unknown. */
    public static ProblemException refusal(String field) {
        String what = field == null || field.isBlank() ? "提交的内容" : "字段“" + field + "”";
        String detail = what + "含有无法保存的字符（空字符 U+0000 或不完整的 Unicode 代理字符），"
                + "多见于从其他系统复制的文字。请删除该字符或重新输入后再提交。";
        return field == null || field.isBlank()
                ? ProblemException.badRequest(CODE, detail)
                : new ProblemException(HttpStatus.BAD_REQUEST, CODE, detail,
                        List.of(new ProblemException.FieldProblem(field, "含有无法保存的字符，请删除后重新输入。")));
    }

    /** The refusal carried somewhere in a cause chain (a JSON reader wraps what its deserializers throw). */
    public static ProblemException refusalIn(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ProblemException p) {
                return p;
            }
        }
        return null;
    }
}
