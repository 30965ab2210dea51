package cn.anju.shared.privacy;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;

/**
 * Validates a resident identity card number (GB 11643-1999): 18 characters = 6 area code + 8 birth date +
 * 3 sequence + check character. Area codes are checked by province only, so historical codes that GB/T 2260 has
 * since retired (e.g. 6127xx of the former 榆林地区, 610821 of the former 神木县) are accepted.
 */
public final class ChineseIdNumber {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final char[] CHECK = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};
    /** Province-level prefixes of GB/T 2260, with 71 (台湾) 81 (香港) 82 (澳门) and 83 (台湾居民居住证). */
    private static final Set<String> PROVINCES = Set.of("11", "12", "13", "14", "15", "21", "22", "23", "31", "32",
            "33", "34", "35", "36", "37", "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61",
            "62", "63", "64", "65", "71", "81", "82", "83");

    private ChineseIdNumber() {
    }

    /** Why a number is refused, with a Chinese message that says what to fix; empty when it is valid. */
    public record Problem(String code, String message) {
    }

    /** Valid on {@code today} (a birth date after it is not). */
    public static boolean isValid(String value, LocalDate today) {
        return check(value, today).isEmpty();
    }

    /** Upper-cases a trailing x and strips spaces, the two differences people type. */
    public static String normalise(String value) {
        return value == null ? null : value.replace(" ", "").toUpperCase();
    }

    /** Checks a number as of {@code today}, the caller's clock date: a birth date after it is refused. */
    public static Optional<Problem> check(String raw, LocalDate today) {
        String value = normalise(raw);
        if (value == null || value.isEmpty()) {
            return Optional.of(new Problem("ID_NUMBER_REQUIRED", "请填写身份证号。"));
        }
        if (value.length() != 18) {
            return Optional.of(new Problem("ID_NUMBER_LENGTH", "身份证号应为18位，当前为" + value.length() + "位。"));
        }
        if (!value.matches("[0-9]{17}[0-9X]")) {
            return Optional.of(new Problem("ID_NUMBER_FORMAT", "身份证号前17位应为数字，第18位为数字或X。"));
        }
        if (!PROVINCES.contains(value.substring(0, 2))) {
            return Optional.of(new Problem("ID_NUMBER_AREA", "身份证号前6位地址码无效，请核对第1-6位。"));
        }
        Optional<LocalDate> birth = birthDate(value);
        if (birth.isEmpty() || birth.get().isBefore(LocalDate.of(1900, 1, 1))
                || birth.get().isAfter(today)) {
            return Optional.of(new Problem("ID_NUMBER_BIRTH_DATE", "身份证号中的出生日期无效，请核对第7-14位。"));
        }
        if (value.charAt(17) != checkCharacter(value)) {
            return Optional.of(new Problem("ID_NUMBER_CHECK_DIGIT", "身份证号校验位错误，请核对第18位。"));
        }
        return Optional.empty();
    }

    /** The check character for the first 17 digits: weights 2^(17-i) mod 11, check = (12 - sum mod 11) mod 11. */
    public static char checkCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK[sum % 11];
    }

    public static Optional<LocalDate> birthDate(String value) {
        try {
            return Optional.of(LocalDate.of(Integer.parseInt(value.substring(6, 10)),
                    Integer.parseInt(value.substring(10, 12)), Integer.parseInt(value.substring(12, 14))));
        } catch (DateTimeException | NumberFormatException e) {
            return Optional.empty();
        }
    }
}
