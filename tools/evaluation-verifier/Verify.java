// 安居绩效评价复核工具 / Standalone verifier of an Anju performance evaluation's score (docs/evaluation.md, "Scoring").
// It uses nothing of the platform: only the JDK. Run it on an evaluation as published:
//
//     java tools/evaluation-verifier/Verify.java evaluation.json
//
// where evaluation.json is what GET /api/v1/evaluations/{id} answers, the disclosure module's item holding it in
// "content", or a flat object with "total", "band" and "leaves". From the weights, applicability, figures and manual
// percentages alone it recomputes each leaf's effective weight, value and score, then the total and the band, exactly
// as the platform does (the same roundings), and compares every figure with the published one.
// Exit code 0: everything matches; 1: something does not (the reason is printed); 2: the file cannot be read.

import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

public class Verify {

    static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    // the platform divides effective weights with 34 significant digits, half-even, before carrying them to 4 decimals
    static final MathContext EXACT = new MathContext(34, RoundingMode.HALF_EVEN);
    static final BigDecimal UNIT = new BigDecimal("0.0001");

    /** The differences found, in the order met; the first is the one the last line names. */
    static final List<String> differences = new ArrayList<>();

    public static void main(String[] args) {
        if (args.length != 1) {
            System.err.println("用法 usage: java Verify.java evaluation.json");
            System.exit(2);
        }
        Published published;
        try {
            published = Published.of(new Json(Files.readString(Path.of(args[0]), StandardCharsets.UTF_8)).document());
        } catch (IOException e) {
            System.out.println("无法读取文件 / UNREADABLE: cannot read " + args[0] + " (" + e + ")");
            System.exit(2);
            return;
        } catch (IllegalArgumentException e) {
            System.out.println("不是绩效评价 / UNREADABLE: " + e.getMessage());
            System.exit(2);
            return;
        }
        Result r = recompute(published.leaves);
        System.out.println("每项指标：公布值 / 复算值 — each leaf: published / recomputed");
        for (int i = 0; i < published.leaves.size(); i++) {
            System.out.println(r.lines.get(i));
        }
        BigDecimal publishedSum = published.leaves.stream().map(l -> l.score).reduce(BigDecimal.ZERO, BigDecimal::add)
                .setScale(2, RoundingMode.HALF_UP);
        if (!same(publishedSum, published.total)) {
            differ("公布的总分不等于公布的各项得分之和 / the published total is not the sum of the published scores: "
                    + plain(published.total) + " ≠ " + plain(publishedSum));
        }
        if (!same(r.total, published.total)) {
            differ("总分不符 / the total differs: published " + plain(published.total) + ", recomputed " + plain(r.total));
        }
        String band = band(r.total);
        if (!band.equals(published.band)) {
            differ("等级不符 / the band differs: published " + published.band + ", recomputed " + band + " (total " + plain(r.total) + ")");
        }
        System.out.println("总分 total " + plain(published.total) + " / " + plain(r.total) + "，等级 band " + published.band + " / " + band);
        if (!differences.isEmpty()) {
            System.out.println("不一致 " + differences.size() + " 处 / " + differences.size() + " difference(s)");
            System.out.println("DIFFERS: " + differences.getFirst());
            System.exit(1);
        }
        System.out.println("一致：" + published.leaves.size() + " 项指标，总分 " + plain(r.total) + "，等级 " + band);
        System.out.println("MATCHES: " + published.leaves.size() + " leaves, total " + plain(r.total) + ", band " + band);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // The scoring rules (the platform's Scoring, IndicatorLeaf.earned, ScoreSheet, Band and MeasureValue.ratio)

    record Result(List<String> lines, BigDecimal total) {
    }

    static Result recompute(List<Leaf> leaves) {
        BigDecimal weights = leaves.stream().map(l -> l.weight).reduce(BigDecimal.ZERO, BigDecimal::add);
        if (weights.compareTo(HUNDRED) != 0) {
            // the platform refuses a tree whose weights do not add up to 100 (INDICATOR_WEIGHTS_NOT_100)
            differ("各项权重之和不是 100 / the weights do not add up to 100: " + plain(weights));
        }
        // applicability decides where the weights go, so it is checked first: a manual leaf is always applicable, a
        // computed one exactly when its denominator is not zero
        Set<String> misplaced = new HashSet<>();
        for (Leaf l : leaves) {
            int before = differences.size();
            if (!l.computed && !l.applicable) {
                differ("人工评分指标 " + l.code + " 不应标为不适用 / manual leaf " + l.code + " cannot be not applicable");
            } else if (l.computed && l.denominator != null && l.applicable != (l.denominator.signum() != 0)) {
                differ("指标 " + l.code + " 的适用性与分母不符 / leaf " + l.code + (l.applicable
                        ? " is published as applicable with a zero denominator" : " is published as not applicable with a denominator of "
                        + plain(l.denominator)));
            }
            if (differences.size() > before) {
                misplaced.add(l.code);
            }
        }
        List<BigDecimal> effective = toFourDecimals(effectiveWeights(leaves));
        List<String> lines = new ArrayList<>();
        BigDecimal sum = BigDecimal.ZERO;
        for (int i = 0; i < leaves.size(); i++) {
            Leaf l = leaves.get(i);
            int before = differences.size();
            StringBuilder line = new StringBuilder();
            line.append(l.code).append(" (").append(l.level).append(", ").append(l.computed ? "计算 computed" : "人工 manual")
                    .append(l.applicable ? "" : ", 不适用 not applicable").append(")");
            line.append("  权重 weight ").append(plain(l.weight));
            line.append("  有效权重 effective ").append(pair(l.effectiveWeight, effective.get(i)));
            if (!same(l.effectiveWeight, effective.get(i))) {
                differ("指标 " + l.code + " 的有效权重不符 / the effective weight of " + l.code + " differs: published "
                        + plain(l.effectiveWeight) + ", recomputed " + plain(effective.get(i)));
            }
            BigDecimal earned = earned(l, line);
            // a leaf that is not applicable scores nothing; its weight went to the others of its level
            BigDecimal score = l.applicable ? earned.multiply(effective.get(i)).setScale(4, RoundingMode.HALF_UP)
                    : BigDecimal.ZERO.setScale(4);
            line.append("  得分 score ").append(pair(l.score, score));
            if (!same(l.score, score)) {
                differ("指标 " + l.code + " 的得分不符 / the score of " + l.code + " differs: published " + plain(l.score)
                        + ", recomputed " + plain(score));
            }
            sum = sum.add(score);
            lines.add((differences.size() == before && !misplaced.contains(l.code) ? "  ok  " : "  ✗   ") + line);
        }
        return new Result(lines, sum.setScale(2, RoundingMode.HALF_UP));
    }

    /**
     * The share of full points a leaf earns, 0 to 1, six decimals half-up. Computed: on the straight line from the floor
     * (0) to the target (1), clamped, a target below the floor meaning lower is better; its value, when the numerator and
     * denominator are published, is first recomputed as their ratio (four decimals, half-up, as MeasureValue.ratio).
     * Manual: the percentage its scorer gave ÷ 100 (a manual leaf nobody scored yet earns nothing).
     */
    static BigDecimal earned(Leaf l, StringBuilder line) {
        if (!l.computed) {
            if (l.percent == null) {
                line.append("  未评分 not scored");
                return BigDecimal.ZERO;
            }
            line.append("  评分 percent ").append(plain(l.percent)).append('%');
            if (l.percent.signum() < 0 || l.percent.compareTo(HUNDRED) > 0) {
                differ("指标 " + l.code + " 的评分不在 0-100 / the percent of " + l.code + " is outside 0-100: " + plain(l.percent));
            }
            return l.percent.divide(HUNDRED, 6, RoundingMode.HALF_UP);
        }
        if (l.target == null || l.floor == null || l.target.compareTo(l.floor) == 0) {
            differ("计算类指标 " + l.code + " 须有不同的目标值和下限值 / computed leaf " + l.code + " needs a target and a different floor");
            return BigDecimal.ZERO;
        }
        line.append("  目标 target ").append(plain(l.target)).append(" 下限 floor ").append(plain(l.floor));
        BigDecimal value = l.value;
        if (l.numerator != null && l.denominator != null) {
            if (l.denominator.signum() != 0) {
                value = l.numerator.divide(l.denominator, 4, RoundingMode.HALF_UP);
                line.append("  数值 value ").append(pair(l.value, value)).append(" = ").append(plain(l.numerator)).append(" ÷ ")
                        .append(plain(l.denominator));
                if (!same(l.value, value)) {
                    differ("指标 " + l.code + " 的数值不是分子÷分母 / the value of " + l.code + " is not numerator ÷ denominator: published "
                            + plain(l.value) + ", recomputed " + plain(value));
                }
            }
        } else if (value != null) {
            line.append("  数值 value ").append(plain(value)).append(" (未公布分子分母 no numerator and denominator)");
        }
        if (!l.applicable) {
            return BigDecimal.ZERO;
        }
        if (value == null) {
            differ("适用的计算类指标 " + l.code + " 没有数值 / applicable computed leaf " + l.code + " has no value");
            return BigDecimal.ZERO;
        }
        BigDecimal share = value.subtract(l.floor).divide(l.target.subtract(l.floor), 6, RoundingMode.HALF_UP);
        return share.max(BigDecimal.ZERO).min(BigDecimal.ONE).setScale(6, RoundingMode.UNNECESSARY);
    }

    /**
     * Exact effective weights: a level keeps its share of 100 as long as one of its leaves is applicable, a level with
     * none gives its share to the levels in play in proportion to their weights; within a level, the level's share goes
     * to its applicable leaves in proportion to their weights. A leaf that is not applicable gets 0.
     */
    static List<BigDecimal> effectiveWeights(List<Leaf> leaves) {
        Map<String, BigDecimal> nominal = new LinkedHashMap<>();
        Map<String, BigDecimal> applicable = new LinkedHashMap<>();
        for (Leaf l : leaves) {
            nominal.merge(l.level, l.weight, BigDecimal::add);
            if (l.applicable) {
                applicable.merge(l.level, l.weight, BigDecimal::add);
            }
        }
        BigDecimal levelsInPlay = applicable.keySet().stream().map(nominal::get).reduce(BigDecimal.ZERO, BigDecimal::add);
        List<BigDecimal> exact = new ArrayList<>();
        for (Leaf l : leaves) {
            if (!l.applicable) {
                exact.add(BigDecimal.ZERO);
                continue;
            }
            BigDecimal level = HUNDRED.multiply(nominal.get(l.level)).divide(levelsInPlay, EXACT);
            exact.add(level.multiply(l.weight).divide(applicable.get(l.level), EXACT));
        }
        return exact;
    }

    /**
     * Four decimals by largest remainder, so the effective weights add up to exactly 100: each is rounded down, then the
     * units of 0.0001 left over go one each to the largest remainders, the earlier leaf first on a tie.
     */
    static List<BigDecimal> toFourDecimals(List<BigDecimal> exact) {
        List<BigDecimal> down = exact.stream().map(x -> x.setScale(4, RoundingMode.DOWN)).toList();
        BigDecimal target = exact.stream().reduce(BigDecimal.ZERO, BigDecimal::add).setScale(4, RoundingMode.HALF_UP);
        BigDecimal given = down.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        int left = target.subtract(given).divide(UNIT, 0, RoundingMode.HALF_UP).intValueExact();
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < exact.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparing((Integer i) -> exact.get(i).subtract(down.get(i))).reversed().thenComparing(i -> i));
        List<BigDecimal> result = new ArrayList<>(down);
        for (int k = 0; k < left; k++) {
            int i = order.get(k);
            result.set(i, result.get(i).add(UNIT));
        }
        return result;
    }

    /** 优 ≥ 90, 良 80-89.99, 中 60-79.99, 差 below 60. */
    static String band(BigDecimal total) {
        return total.compareTo(BigDecimal.valueOf(90)) >= 0 ? "优" : total.compareTo(BigDecimal.valueOf(80)) >= 0 ? "良"
                : total.compareTo(BigDecimal.valueOf(60)) >= 0 ? "中" : "差";
    }

    static void differ(String reason) {
        differences.add(reason);
    }

    /** Numbers are compared by value: 8, 8.0 and 8.0000 are the same figure however the JSON spells them. */
    static boolean same(BigDecimal published, BigDecimal recomputed) {
        return published != null && published.compareTo(recomputed) == 0;
    }

    static String pair(BigDecimal published, BigDecimal recomputed) {
        return plain(published) + " / " + plain(recomputed);
    }

    static String plain(BigDecimal x) {
        return x == null ? "(none)" : x.toPlainString();
    }

    // ---------------------------------------------------------------------------------------------------------------
    // What the file says

    /** One leaf as published; the figures the rules need, each null when the JSON leaves it out. */
    record Leaf(String code, String level, boolean computed, BigDecimal weight, BigDecimal effectiveWeight, boolean applicable,
                BigDecimal target, BigDecimal floor, BigDecimal value, BigDecimal percent, BigDecimal score, BigDecimal numerator,
                BigDecimal denominator) {
    }

    record Published(BigDecimal total, String band, List<Leaf> leaves) {

        /** Finds the evaluation in any of the three shapes: the API's detail, a disclosure item's content, or flat. */
        static Published of(Object document) {
            Map<String, Object> root = object(document, "the document");
            Object content = root.get("content");
            if (content instanceof String text) { // a disclosure item may carry its content as a JSON string
                content = new Json(text).document();
            }
            if (content instanceof Map<?, ?>) {
                root = object(content, "content");
            }
            Map<String, Object> summary = root.get("summary") instanceof Map<?, ?> ? object(root.get("summary"), "summary") : root;
            BigDecimal total = number(summary, "total", true);
            Object band = summary.get("band");
            if (!(band instanceof String)) {
                throw new IllegalArgumentException("no band (等级) in the evaluation");
            }
            if (!(root.get("leaves") instanceof List<?> list) || list.isEmpty()) {
                throw new IllegalArgumentException("no leaves (指标) in the evaluation");
            }
            List<Leaf> leaves = new ArrayList<>();
            for (Object o : list) {
                Map<String, Object> l = object(o, "a leaf");
                String code = string(l, "code");
                String kind = l.get("kind") instanceof String k ? k
                        : l.get("measureCode") instanceof String || l.get("target") != null ? "COMPUTED" : "MANUAL";
                if (!kind.equals("COMPUTED") && !kind.equals("MANUAL")) {
                    throw new IllegalArgumentException("leaf " + code + " has an unknown kind: " + kind);
                }
                if (!(l.get("applicable") instanceof Boolean applicable)) {
                    throw new IllegalArgumentException("leaf " + code + " does not say whether it is applicable");
                }
                BigDecimal weight = number(l, "weight", true);
                if (weight.signum() <= 0) {
                    throw new IllegalArgumentException("leaf " + code + " has a weight that is not positive: " + weight);
                }
                leaves.add(new Leaf(code, string(l, "level"), kind.equals("COMPUTED"), weight, number(l, "effectiveWeight", true),
                        applicable, number(l, "target", false), number(l, "floor", false), number(l, "value", false),
                        number(l, "percent", false), number(l, "score", true), number(l, "numerator", false),
                        number(l, "denominator", false)));
            }
            return new Published(total, (String) band, leaves);
        }

        @SuppressWarnings("unchecked")
        static Map<String, Object> object(Object o, String what) {
            if (!(o instanceof Map<?, ?>)) {
                throw new IllegalArgumentException(what + " is not a JSON object");
            }
            return (Map<String, Object>) o;
        }

        static String string(Map<String, Object> o, String field) {
            if (!(o.get(field) instanceof String s) || s.isBlank()) {
                throw new IllegalArgumentException("a leaf has no " + field);
            }
            return s;
        }

        static BigDecimal number(Map<String, Object> o, String field, boolean required) {
            Object v = o.get(field);
            if (v == null && !required) {
                return null;
            }
            if (!(v instanceof BigDecimal n)) {
                throw new IllegalArgumentException("\"" + field + "\" is " + (v == null ? "missing" : "not a number")
                        + (o.get("code") instanceof String c ? " in leaf " + c : ""));
            }
            return n;
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // A small JSON reader (RFC 8259): objects as ordered maps, arrays as lists, numbers as BigDecimal (never a double,
    // whose binary fractions would spoil the decimal arithmetic), strings, booleans and null.

    static final class Json {
        private final String text;
        private int at;

        Json(String text) {
            this.text = text;
        }

        Object document() {
            skipBlank();
            if (at < text.length() && text.charAt(at) == '\uFEFF') { // a byte-order mark some editors write
                at++;
            }
            Object v = value();
            skipBlank();
            if (at != text.length()) {
                throw error("unexpected text after the JSON document");
            }
            return v;
        }

        private Object value() {
            skipBlank();
            if (at >= text.length()) {
                throw error("the JSON ends too early");
            }
            char c = text.charAt(at);
            return switch (c) {
                case '{' -> object();
                case '[' -> array();
                case '"' -> string();
                case 't' -> literal("true", Boolean.TRUE);
                case 'f' -> literal("false", Boolean.FALSE);
                case 'n' -> literal("null", null);
                default -> {
                    if (c == '-' || c >= '0' && c <= '9') {
                        yield number();
                    }
                    throw error("unexpected character '" + c + "'");
                }
            };
        }

        private Map<String, Object> object() {
            Map<String, Object> map = new LinkedHashMap<>();
            at++;
            skipBlank();
            if (peek('}')) {
                at++;
                return map;
            }
            while (true) {
                skipBlank();
                if (!peek('"')) {
                    throw error("expected a field name");
                }
                String key = string();
                skipBlank();
                expect(':');
                map.put(key, value());
                skipBlank();
                if (peek(',')) {
                    at++;
                } else {
                    expect('}');
                    return map;
                }
            }
        }

        private List<Object> array() {
            List<Object> list = new ArrayList<>();
            at++;
            skipBlank();
            if (peek(']')) {
                at++;
                return list;
            }
            while (true) {
                list.add(value());
                skipBlank();
                if (peek(',')) {
                    at++;
                } else {
                    expect(']');
                    return list;
                }
            }
        }

        private String string() {
            at++; // the opening quote
            StringBuilder s = new StringBuilder();
            while (true) {
                if (at >= text.length()) {
                    throw error("a string is not closed");
                }
                char c = text.charAt(at++);
                if (c == '"') {
                    return s.toString();
                }
                if (c < 0x20) {
                    throw error("a control character inside a string");
                }
                if (c != '\\') {
                    s.append(c);
                    continue;
                }
                if (at >= text.length()) {
                    throw error("a string is not closed");
                }
                char e = text.charAt(at++);
                switch (e) {
                    case '"', '\\', '/' -> s.append(e);
                    case 'b' -> s.append('\b');
                    case 'f' -> s.append('\f');
                    case 'n' -> s.append('\n');
                    case 'r' -> s.append('\r');
                    case 't' -> s.append('\t');
                    case 'u' -> {
                        if (at + 4 > text.length()) {
                            throw error("a \\u escape is cut short");
                        }
                        try {
                            s.append((char) Integer.parseInt(text.substring(at, at + 4), 16));
                        } catch (NumberFormatException ex) {
                            throw error("a \\u escape is not hexadecimal");
                        }
                        at += 4;
                    }
                    default -> throw error("unknown escape \\" + e);
                }
            }
        }

        private BigDecimal number() {
            int start = at;
            if (peek('-')) {
                at++;
            }
            if (peek('0')) { // no leading zeros: "01" stops after the 0 and fails as unexpected text
                at++;
            } else {
                digits();
            }
            if (peek('.')) {
                at++;
                digits();
            }
            if (peek('e') || peek('E')) {
                at++;
                if (peek('+') || peek('-')) {
                    at++;
                }
                digits();
            }
            return new BigDecimal(text.substring(start, at));
        }

        private void digits() {
            int start = at;
            while (at < text.length() && text.charAt(at) >= '0' && text.charAt(at) <= '9') {
                at++;
            }
            if (at == start) {
                throw error("a number is missing its digits");
            }
        }

        private Object literal(String word, Object v) {
            if (!text.startsWith(word, at)) {
                throw error("unexpected text");
            }
            at += word.length();
            return v;
        }

        private boolean peek(char c) {
            return at < text.length() && text.charAt(at) == c;
        }

        private void expect(char c) {
            if (!peek(c)) {
                throw error("expected '" + c + "'");
            }
            at++;
        }

        private void skipBlank() {
            while (at < text.length() && " \t\r\n".indexOf(text.charAt(at)) >= 0) {
                at++;
            }
        }

        private IllegalArgumentException error(String what) {
            int line = 1;
            for (int i = 0; i < Math.min(at, text.length()); i++) {
                if (text.charAt(i) == '\n') {
                    line++;
                }
            }
            return new IllegalArgumentException("not valid JSON at line " + line + ": " + what);
        }
    }
}
