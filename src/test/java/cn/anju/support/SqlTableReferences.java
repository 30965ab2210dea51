package cn.anju.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The relations a piece of SQL reads or writes: the name after {@code from}, {@code join}, {@code update},
 * {@code into}, {@code using}, {@code table} and {@code truncate}, and every further item of a comma-separated
 * {@code from} list ({@code from lease l, unit u}). Only whole words count, so {@code unit_id} or {@code u.unit}
 * is never the table {@code unit}; SQL string constants and {@code --} comments are skipped, and text that is not
 * ASCII (a Chinese message) never forms a word. Only names in {@code known} are reported: {@code extract(year
 * from created_at)} names a column, not a relation.
 */
public final class SqlTableReferences {

    /** A relation named in the SQL, at the source line of its first character. */
    public record Reference(String relation, int line) {
    }

    private record Token(String text, int line) {
        boolean is(String s) {
            return text.equals(s);
        }

        boolean word() {
            return Character.isLetter(text.charAt(0)) || text.charAt(0) == '_';
        }
    }

    private static final Set<String> INTRODUCERS = Set.of("from", "join", "update", "into", "using", "table", "truncate");
    /** Words that end a {@code from} item where an alias could stand. */
    private static final Set<String> CLAUSE_WORDS = Set.of("where", "join", "left", "right", "inner", "outer", "full",
            "cross", "natural", "on", "using", "group", "order", "having", "limit", "offset", "union", "except",
            "intersect", "window", "for", "returning", "set", "values", "select", "fetch", "lateral", "only", "as",
            "do", "when", "then", "else", "end", "and", "or", "not", "in", "is", "tablesample", "with");

    private SqlTableReferences() {
    }

    public static List<Reference> in(JavaStringLiterals.Literal sql, Set<String> known) {
        List<Token> tokens = tokens(sql);
        List<Reference> found = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            String word = tokens.get(i).text();
            if (INTRODUCERS.contains(word)) {
                items(tokens, i + 1, word, known, found);
            }
        }
        return found;
    }

    /** Reads the items after an introducer; nested parentheses are left to the outer loop, which sees every token. */
    private static void items(List<Token> t, int i, String introducer, Set<String> known, List<Reference> found) {
        boolean list = introducer.equals("from");
        boolean functions = list || introducer.equals("join"); // after into or update, "(" opens a column list
        while (i < t.size()) {
            while (i < t.size() && (t.get(i).is("only") || t.get(i).is("lateral"))) i++;
            if (i >= t.size()) return;
            Token first = t.get(i);
            if (first.is("(")) {
                i = afterParens(t, i);
            } else if (first.word()) {
                i++;
                Token name = first;
                while (i + 1 < t.size() && t.get(i).is(".") && t.get(i + 1).word()) { // schema.table
                    name = t.get(i + 1);
                    i += 2;
                }
                boolean call = functions && i < t.size() && t.get(i).is("(");
                if (!call && known.contains(name.text())) found.add(new Reference(name.text(), name.line()));
                if (call) i = afterParens(t, i);
            } else {
                return;
            }
            if (i < t.size() && t.get(i).is("as")) i++;
            if (i < t.size() && t.get(i).word() && !CLAUSE_WORDS.contains(t.get(i).text())) i++; // alias
            if (i < t.size() && t.get(i).is("(")) i = afterParens(t, i); // column aliases
            if (!list || i >= t.size() || !t.get(i).is(",")) return;
            i++;
        }
    }

    private static int afterParens(List<Token> t, int open) {
        int depth = 0;
        for (int i = open; i < t.size(); i++) {
            if (t.get(i).is("(")) depth++;
            if (t.get(i).is(")") && --depth == 0) return i + 1;
        }
        return t.size();
    }

    private static List<Token> tokens(JavaStringLiterals.Literal sql) {
        String s = sql.text();
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '\'') { // an SQL string constant: '' inside it is a quote
                i++;
                while (i < s.length() && !(s.charAt(i) == '\'' && (i + 1 >= s.length() || s.charAt(i + 1) != '\''))) {
                    i += s.charAt(i) == '\'' ? 2 : 1;
                }
                i++;
            } else if (s.startsWith("--", i)) {
                while (i < s.length() && s.charAt(i) != '\n') i++;
            } else if (c == '"') { // a quoted identifier keeps its case
                int end = s.indexOf('"', i + 1);
                end = end < 0 ? s.length() : end;
                if (end > i + 1) tokens.add(new Token(s.substring(i + 1, end), sql.lineAt(i)));
                i = end + 1;
            } else if (ascii(c) && (Character.isLetter(c) || c == '_')) {
                int start = i;
                while (i < s.length() && ascii(s.charAt(i)) && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '_' || s.charAt(i) == '$')) i++;
                tokens.add(new Token(s.substring(start, i).toLowerCase(Locale.ROOT), sql.lineAt(start)));
            } else if (Character.isWhitespace(c)) {
                i++;
            } else {
                tokens.add(new Token(String.valueOf(c), sql.lineAt(i)));
                i++;
            }
        }
        return tokens;
    }

    private static boolean ascii(char c) {
        return c < 128;
    }
}
