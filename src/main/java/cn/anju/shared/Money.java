package cn.anju.shared;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import java.util.Optional;

/**
 * An amount in yuan with exactly two decimals (fen). Never a {@code double}. Rounding happens only where a
 * caller says so, with {@link #rounded(BigDecimal)} (half-up, the rule Chinese invoices use).
 */
public record Money(BigDecimal amount) implements Comparable<Money> {

    public static final Money ZERO = new Money(BigDecimal.ZERO);

    public Money {
        if (amount == null) {
            throw new IllegalArgumentException("金额不能为空 / amount is required");
        }
        if (amount.stripTrailingZeros().scale() > 2) {
            throw new IllegalArgumentException("金额最多两位小数（分） / at most two decimals: " + amount);
        }
        amount = amount.setScale(2, RoundingMode.UNNECESSARY);
    }

    /** What a typed amount may be: a payment is {@link #POSITIVE}; a rent or a damage charge may be 0; a bank line either way. */
    public enum Sign { POSITIVE, NOT_NEGATIVE, ANY }

    /**
     * The one rule for an amount someone typed or a sheet holds: present, within the sign, and nothing below the fen
     * ({@code 12.5}, {@code 12.50} and {@code 12.500} are amounts, {@code 12.505} is not). Empty when it is not one, so
     * each caller answers with its own field's message.
     */
    public static Optional<Money> typed(BigDecimal typed, Sign sign) {
        if (typed == null || typed.stripTrailingZeros().scale() > 2) {
            return Optional.empty();
        }
        boolean fits = switch (sign) {
            case POSITIVE -> typed.signum() > 0;
            case NOT_NEGATIVE -> typed.signum() >= 0;
            case ANY -> true;
        };
        return fits ? Optional.of(new Money(typed)) : Optional.empty();
    }

    /** Whether {@link #typed} accepts it. */
    public static boolean isAmount(BigDecimal typed, Sign sign) {
        return typed(typed, sign).isPresent();
    }

    public static Money yuan(String amount) {
        return new Money(new BigDecimal(amount));
    }

    public static Money fen(long fen) {
        return new Money(BigDecimal.valueOf(fen, 2));
    }

    /** Rounds an exact intermediate result (e.g. a monthly rent, a late fee) to the fen, half-up. */
    public static Money rounded(BigDecimal exact) {
        return new Money(exact.setScale(2, RoundingMode.HALF_UP));
    }

    /** Cuts an exact result to the fen towards zero: for a cap, which must never be exceeded by rounding. */
    public static Money roundedDown(BigDecimal exact) {
        return new Money(exact.setScale(2, RoundingMode.DOWN));
    }

    /** This amount for some days of a month: amount × days ÷ days of the month, half-up; the whole month is the amount. */
    public Money prorated(long days, int daysOfMonth) {
        if (days < 0 || days > daysOfMonth) {
            throw new IllegalArgumentException("days " + days + " outside a month of " + daysOfMonth);
        }
        return days == daysOfMonth ? this
                : new Money(amount.multiply(BigDecimal.valueOf(days)).divide(BigDecimal.valueOf(daysOfMonth), 2, RoundingMode.HALF_UP));
    }

    /** This amount times a factor (a rate, a ratio, a number of days), rounded to the fen half-up. */
    public Money times(BigDecimal factor) {
        return rounded(amount.multiply(factor));
    }

    public Money min(Money other) {
        return compareTo(other) <= 0 ? this : other;
    }

    public Money max(Money other) {
        return compareTo(other) >= 0 ? this : other;
    }

    public Money plus(Money other) {
        return new Money(amount.add(other.amount));
    }

    public Money minus(Money other) {
        return new Money(amount.subtract(other.amount));
    }

    public Money negate() {
        return new Money(amount.negate());
    }

    public long toFen() {
        return amount.movePointRight(2).longValueExact();
    }

    public boolean isNegative() {
        return amount.signum() < 0;
    }

    /** {@code ¥1,234.56}, the format every page and export uses. */
    public String formatted() {
        return (amount.signum() < 0 ? "-¥" : "¥") + grouped(amount.abs());
    }

    /** {@code 1,234.56}: thousands grouped, two decimals, whatever the JVM's locale (a contract's table, beside 元). */
    public String grouped() {
        return grouped(amount);
    }

    private static String grouped(BigDecimal amount) {
        return new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT)).format(amount);
    }

    /**
     * The amount in Chinese capitals as receipts print it (人民币大写): 1,234.56 → 壹仟贰佰叁拾肆元伍角陆分,
     * 100.00 → 壹佰元整, 1,005.00 → 壹仟零伍元整, 0.50 → 伍角.
     */
    public String chineseCapitals() {
        if (amount.signum() < 0) {
            return "负" + negate().chineseCapitals();
        }
        String[] digits = {"零", "壹", "贰", "叁", "肆", "伍", "陆", "柒", "捌", "玖"};
        String[] units = {"", "拾", "佰", "仟"};
        String[] groups = {"", "万", "亿", "万亿"};
        long fen = toFen();
        long yuan = fen / 100;
        int jiao = (int) (fen / 10 % 10);
        int cents = (int) (fen % 10);
        StringBuilder out = new StringBuilder();
        if (yuan > 0) {
            String text = Long.toString(yuan);
            boolean pendingZero = false;
            for (int i = 0; i < text.length(); i++) {
                int d = text.charAt(i) - '0';
                int position = text.length() - 1 - i;
                if (d == 0) {
                    pendingZero = true;
                } else {
                    if (pendingZero && !out.isEmpty()) {
                        out.append(digits[0]);
                    }
                    pendingZero = false;
                    out.append(digits[d]).append(units[position % 4]);
                }
                if (position % 4 == 0 && position > 0) {
                    // close a group of four (万, 亿) unless the whole group was zeros
                    int groupStart = Math.max(0, i - 3);
                    if (!text.substring(groupStart, i + 1).chars().allMatch(c -> c == '0')) {
                        out.append(groups[position / 4]);
                    }
                }
            }
            out.append("元");
        }
        if (jiao == 0 && cents == 0) {
            return out.isEmpty() ? "零元整" : out.append("整").toString();
        }
        if (jiao > 0) {
            out.append(digits[jiao]).append("角");
        } else if (yuan > 0) {
            out.append(digits[0]);
        }
        if (cents > 0) {
            out.append(digits[cents]).append("分");
        }
        return out.toString();
    }

    @Override
    public int compareTo(Money other) {
        return amount.compareTo(other.amount);
    }

    @Override
    public String toString() {
        return amount.toPlainString();
    }
}
