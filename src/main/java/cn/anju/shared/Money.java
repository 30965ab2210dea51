package cn.anju.shared;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

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

    public static Money yuan(String amount) {
        return new Money(new BigDecimal(amount));
    }

    public static Money fen(long fen) {
        return new Money(BigDecimal.valueOf(fen, 2));
    }

    /** Rounds an exact intermediate result (e.g. a prorated rent) to the fen, half-up. */
    public static Money rounded(BigDecimal exact) {
        return new Money(exact.setScale(2, RoundingMode.HALF_UP));
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
        DecimalFormat format = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT));
        String digits = format.format(amount.abs());
        return (amount.signum() < 0 ? "-¥" : "¥") + digits;
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
