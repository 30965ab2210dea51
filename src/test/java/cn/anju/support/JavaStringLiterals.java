package cn.anju.support;

import java.util.ArrayList;
import java.util.List;

/**
 * The string literals and text blocks of a Java source, each with the source line of every character, so that a
 * finding inside a text block names the line a reader opens. Comments and character literals are skipped, so a
 * table named in a comment or Javadoc is not SQL. Escapes are decoded ({@code "\nfrom unit"} must read as two
 * words, not {@code nfrom}).
 */
public final class JavaStringLiterals {

    /** One literal's decoded text; {@code lines[i]} is the source line of {@code text.charAt(i)}. */
    public record Literal(String text, int[] lines) {
        public int lineAt(int index) {
            return lines.length == 0 ? 0 : lines[Math.min(index, lines.length - 1)];
        }
    }

    private final String src;
    private int pos;
    private int line = 1;

    private JavaStringLiterals(String src) {
        this.src = src;
    }

    public static List<Literal> of(String source) {
        return new JavaStringLiterals(source).all();
    }

    private List<Literal> all() {
        List<Literal> found = new ArrayList<>();
        while (pos < src.length()) {
            char c = src.charAt(pos);
            if (src.startsWith("//", pos)) {
                while (pos < src.length() && src.charAt(pos) != '\n') pos++;
            } else if (src.startsWith("/*", pos)) {
                int end = src.indexOf("*/", pos + 2);
                advanceTo(end < 0 ? src.length() : end + 2);
            } else if (src.startsWith("\"\"\"", pos)) {
                found.add(textBlock());
            } else if (c == '"') {
                found.add(quoted('"'));
            } else if (c == '\'') {
                quoted('\'');
            } else {
                next();
            }
        }
        return found;
    }

    private Literal textBlock() {
        advanceTo(pos + 3);
        while (pos < src.length() && src.charAt(pos) != '\n') pos++; // a text block's content starts on the next line
        if (pos < src.length()) next();
        Buffer out = new Buffer();
        while (pos < src.length() && !src.startsWith("\"\"\"", pos)) {
            escapedOrPlain(out);
        }
        advanceTo(Math.min(src.length(), pos + 3));
        return out.literal();
    }

    private Literal quoted(char quote) {
        next();
        Buffer out = new Buffer();
        while (pos < src.length() && src.charAt(pos) != quote && src.charAt(pos) != '\n') {
            escapedOrPlain(out);
        }
        if (pos < src.length()) next();
        return out.literal();
    }

    private void escapedOrPlain(Buffer out) {
        char c = src.charAt(pos);
        if (c != '\\' || pos + 1 >= src.length()) {
            out.add(c, line);
            next();
            return;
        }
        char e = src.charAt(pos + 1);
        int at = line;
        if (e == 'u') {
            int p = pos + 1;
            while (p < src.length() && src.charAt(p) == 'u') p++;
            out.add((char) Integer.parseInt(src.substring(p, p + 4), 16), at);
            advanceTo(p + 4);
            return;
        }
        advanceTo(pos + 2);
        switch (e) {
            case 'n', 't', 'r', 's', 'b', 'f' -> out.add(' ', at);
            case '\n' -> { } // a text block's line continuation joins the lines
            default -> out.add(e, at);
        }
    }

    private void next() {
        if (src.charAt(pos) == '\n') line++;
        pos++;
    }

    private void advanceTo(int end) {
        while (pos < end) next();
    }

    private static final class Buffer {
        final StringBuilder text = new StringBuilder();
        final List<Integer> lines = new ArrayList<>();

        void add(char c, int line) {
            text.append(c);
            lines.add(line);
        }

        Literal literal() {
            return new Literal(text.toString(), lines.stream().mapToInt(Integer::intValue).toArray());
        }
    }
}
