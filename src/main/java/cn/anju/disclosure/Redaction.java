package cn.anju.disclosure;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The one redaction policy every public item passes through (政府信息公开条例 Art. 15 and 37: personal privacy is
 * withheld, the rest published). Free text loses ID numbers, mobile numbers and households' door numbers; a person's
 * name is shown as its first character and one star (张*); a count of fewer than {@value #SMALL_GROUP} people is not
 * shown, so that nobody can be singled out of a small group. It runs on every string of an item's content, so a
 * source that forgets a field is still masked; what it cannot see (an address written in words) is why items with
 * free text are reviewed by a second person.
 */
public final class Redaction {

    /** Counts below this are suppressed in published statistics. */
    public static final int SMALL_GROUP = 5;
    static final String WITHHELD = "［已隐去］";

    // not inside a longer run of letters or digits, so digests and codes keep their digits
    private static final Pattern ID_NUMBER = Pattern.compile("(?<![0-9A-Za-z])(\\d{17}[\\dXx]|\\d{15})(?![0-9A-Za-z])");
    private static final Pattern MOBILE = Pattern.compile("(?<![0-9A-Za-z])(\\+?86[- ]?)?1[3-9]\\d(?:[- ]?\\d{4}){2}(?![0-9A-Za-z])");
    private static final Pattern DOOR = Pattern.compile(
            "\\d+\\s*(?:号楼|栋|幢|座)\\s*(?:\\d+\\s*单元\\s*)?\\d{2,5}\\s*(?:室|号|房)?|\\d+\\s*单元\\s*\\d{2,5}\\s*(?:室|号)?|(?<![0-9A-Za-z])\\d{1,3}-\\d{1,2}-\\d{3,4}(?![0-9A-Za-z])");

    private Redaction() {
    }

    /** Free text with ID numbers, mobile numbers and door numbers withheld. */
    public static String text(String s) {
        if (s == null || s.isEmpty()) {
            return s;
        }
        String out = ID_NUMBER.matcher(s).replaceAll(WITHHELD);
        out = MOBILE.matcher(out).replaceAll(WITHHELD);
        return DOOR.matcher(out).replaceAll(WITHHELD);
    }

    /** A person's name as 张*: the family name and one star, whatever the length. */
    public static String name(String fullName) {
        if (fullName == null || fullName.isBlank()) {
            return fullName;
        }
        String n = fullName.strip();
        return n.codePoints().count() <= 1 ? n : new String(Character.toChars(n.codePointAt(0))) + "*";
    }

    /** A count of people as published: null (shown as 少于5) below the small-group threshold. */
    public static Long count(long n) {
        return n > 0 && n < SMALL_GROUP ? null : n;
    }

    /** The content with every string passed through {@link #text}; maps and lists are copied, numbers kept. */
    @SuppressWarnings("unchecked")
    public static Object content(Object value) {
        return switch (value) {
            case null -> null;
            case String s -> text(s);
            case Map<?, ?> m -> {
                Map<String, Object> copy = new LinkedHashMap<>();
                ((Map<String, Object>) m).forEach((k, v) -> copy.put(k, content(v)));
                yield copy;
            }
            case List<?> l -> l.stream().map(Redaction::content).toList();
            default -> value;
        };
    }
}
