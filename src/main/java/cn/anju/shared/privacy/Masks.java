package cn.anju.shared.privacy;

/** How personal data looks on screen by default (UI.md "Formats"). */
public final class Masks {

    private Masks() {
    }

    /** {@code 610802********1234}: area code and last four kept. */
    public static String idNumber(String value) {
        if (value == null || value.length() < 10) {
            return value == null ? "" : "*".repeat(value.length());
        }
        return value.substring(0, 6) + "*".repeat(value.length() - 10) + value.substring(value.length() - 4);
    }

    /** {@code 138****5678}. */
    public static String phone(String value) {
        if (value == null || value.length() < 7) {
            return value == null ? "" : "*".repeat(value.length());
        }
        return value.substring(0, 3) + "*".repeat(value.length() - 7) + value.substring(value.length() - 4);
    }

    /** {@code 张*} / {@code 欧阳**}: the family name kept. */
    public static String name(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        int keep = value.length() >= 4 ? 2 : 1;
        return value.substring(0, keep) + "*".repeat(value.length() - keep);
    }
}
