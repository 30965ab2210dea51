package cn.anju.rent;

import cn.anju.shared.Money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The arithmetic of rent, as pure functions so that property tests can hold it to its rules (docs/rent.md): the
 * monthly rent rounded once, a bill as the sum of its month pieces, the late fee, allocation oldest first. The bill
 * run does the same in SQL ({@code BillRunStatements}); {@code RentRoundingTest} holds the two to each other.
 */
public final class RentMath {

    private RentMath() {
    }

    /** Month by month, the days covered ÷ the days of that month: a whole calendar month is exactly 1. */
    public static BigDecimal billingMonths(LocalDate start, LocalDate end) {
        if (end.isBefore(start)) {
            return BigDecimal.ZERO;
        }
        BigDecimal months = BigDecimal.ZERO;
        for (YearMonth m = YearMonth.from(start); !m.isAfter(YearMonth.from(end)); m = m.plusMonths(1)) {
            LocalDate from = start.isAfter(m.atDay(1)) ? start : m.atDay(1);
            LocalDate to = end.isBefore(m.atEndOfMonth()) ? end : m.atEndOfMonth();
            long days = ChronoUnit.DAYS.between(from, to) + 1;
            months = months.add(BigDecimal.valueOf(days).divide(BigDecimal.valueOf(m.lengthOfMonth()), 20, RoundingMode.HALF_UP));
        }
        return months;
    }

    /**
     * The monthly rent M in force in a month (the figure the contract prints): the standard × the rent area, less the
     * tier's reduction ({@code PERCENT} off, or {@code FIXED} yuan off, never below zero), rounded once to the fen,
     * half up. {@code mode} null or a zero reduction: the standard itself.
     */
    public static BigDecimal monthlyRent(BigDecimal yuanPerSqm, BigDecimal rentArea, String mode, BigDecimal reduction) {
        BigDecimal full = yuanPerSqm.multiply(rentArea);
        if (mode == null || reduction == null || reduction.signum() == 0) {
            return Money.rounded(full).amount();
        }
        BigDecimal rent = "FIXED".equals(mode) ? full.subtract(reduction).max(BigDecimal.ZERO)
                : full.multiply(BigDecimal.valueOf(100).subtract(reduction)).divide(BigDecimal.valueOf(100));
        return Money.rounded(rent).amount();
    }

    /** One month's piece of a bill (from and to within one month): M for the whole month, else round(M × days ÷ days of the month, 2). */
    public static BigDecimal piece(BigDecimal monthly, LocalDate from, LocalDate to) {
        YearMonth m = YearMonth.from(from);
        long days = ChronoUnit.DAYS.between(from, to) + 1;
        return Money.rounded(monthly).prorated(days, m.lengthOfMonth()).amount();
    }

    /** A bill from start to end: the sum of its month pieces, each at the monthly rent in force in its month. */
    public static BigDecimal bill(Function<YearMonth, BigDecimal> monthlyOf, LocalDate start, LocalDate end) {
        BigDecimal total = BigDecimal.ZERO.setScale(2);
        for (YearMonth m = YearMonth.from(start); !m.isAfter(YearMonth.from(end)); m = m.plusMonths(1)) {
            LocalDate from = start.isAfter(m.atDay(1)) ? start : m.atDay(1);
            LocalDate to = end.isBefore(m.atEndOfMonth()) ? end : m.atEndOfMonth();
            total = total.add(piece(monthlyOf.apply(m), from, to));
        }
        return total;
    }

    /** A bill at one monthly rent throughout (docs/rent.md): the sum of its month pieces. */
    public static BigDecimal prorate(BigDecimal monthlyRent, LocalDate start, LocalDate end) {
        return end.isBefore(start) ? BigDecimal.ZERO.setScale(2) : bill(m -> monthlyRent, start, end);
    }

    /**
     * The late fee to post for the days after {@code lastCharged} through {@code asOf} on a principal that stayed
     * the same over those days: rate × principal × days (never on earlier fees: no compounding), rounded to the fen,
     * and never beyond the cap (capRatio × the bill's amount) less what was charged before.
     */
    public static BigDecimal lateFee(BigDecimal principal, LocalDate lastCharged, LocalDate asOf, BigDecimal dailyRate,
                                     BigDecimal billAmount, BigDecimal capRatio, BigDecimal chargedBefore) {
        long days = ChronoUnit.DAYS.between(lastCharged, asOf);
        if (days <= 0 || principal.signum() <= 0 || dailyRate.signum() <= 0) {
            return BigDecimal.ZERO.setScale(2);
        }
        Money fee = Money.rounded(principal.multiply(dailyRate).multiply(BigDecimal.valueOf(days)));
        Money room = Money.roundedDown(billAmount.multiply(capRatio)).minus(new Money(chargedBefore));
        return fee.min(room.max(Money.ZERO)).amount();
    }

    /** How a payment divides over open amounts, oldest first; the last element is what is left (the credit). */
    public static List<BigDecimal> allocate(BigDecimal payment, List<BigDecimal> openOldestFirst) {
        List<BigDecimal> parts = new ArrayList<>();
        BigDecimal left = payment;
        for (BigDecimal open : openOldestFirst) {
            BigDecimal x = left.min(open.max(BigDecimal.ZERO));
            parts.add(x);
            left = left.subtract(x);
        }
        parts.add(left);
        return parts;
    }
}
