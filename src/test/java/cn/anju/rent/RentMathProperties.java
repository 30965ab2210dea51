package cn.anju.rent;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The rules of rent arithmetic (docs/rent.md), held over generated cases. */
class RentMathProperties {

    @Provide
    Arbitrary<LocalDate> days() {
        return Arbitraries.integers().between(0, 3_650).map(n -> LocalDate.of(2024, 1, 1).plusDays(n));
    }

    @Provide
    Arbitrary<BigDecimal> money() {
        return Arbitraries.longs().between(1, 1_000_000).map(f -> BigDecimal.valueOf(f, 2));
    }

    @Property
    void aWholeCalendarMonthIsOneMonth(@ForAll @IntRange(min = 2020, max = 2040) int year, @ForAll @IntRange(min = 1, max = 12) int month) {
        YearMonth m = YearMonth.of(year, month);
        assertThat(RentMath.billingMonths(m.atDay(1), m.atEndOfMonth())).isEqualByComparingTo("1");
    }

    @Property
    void splittingASpanNeverChangesItsMonths(@ForAll("days") LocalDate a, @ForAll @IntRange(min = 0, max = 400) int length,
                                             @ForAll @IntRange(min = 0, max = 400) int cut) {
        LocalDate end = a.plusDays(length);
        LocalDate split = a.plusDays(Math.min(cut, length));
        BigDecimal whole = RentMath.billingMonths(a, end);
        BigDecimal parts = RentMath.billingMonths(a, split).add(RentMath.billingMonths(split.plusDays(1), end));
        assertThat(parts.subtract(whole).abs()).isLessThan(new BigDecimal("1e-15"));
        assertThat(whole).isBetween(BigDecimal.ZERO, BigDecimal.valueOf(length / 28 + 2));
    }

    @Property
    void aBillIsItsMonthPiecesEachRoundedOnce(@ForAll("money") BigDecimal rent, @ForAll("days") LocalDate a,
                                              @ForAll @IntRange(min = 0, max = 400) int length) {
        BigDecimal bill = RentMath.prorate(rent, a, a.plusDays(length));
        assertThat(bill.scale()).isEqualTo(2);
        long months = ChronoUnit.MONTHS.between(YearMonth.from(a), YearMonth.from(a.plusDays(length))) + 1;
        assertThat(bill).isBetween(BigDecimal.ZERO, rent.multiply(BigDecimal.valueOf(months)));
        // within half a fen per month piece of the exact product (billingMonths keeps 20 decimals per month, so an exact
        // half fen can come out 1e-20 above it: a seed found 0.0050000000000000000005)
        assertThat(bill.subtract(rent.multiply(RentMath.billingMonths(a, a.plusDays(length)))).abs())
                .isLessThanOrEqualTo(new BigDecimal("0.00500000000000001").multiply(BigDecimal.valueOf(months)));
        // a whole calendar month bills exactly the monthly rent
        YearMonth m = YearMonth.from(a);
        assertThat(RentMath.prorate(rent, m.atDay(1), m.atEndOfMonth())).isEqualByComparingTo(rent);
    }

    @Property
    void theMonthlyRentIsRoundedOnceAndAFixedReductionNeverGoesBelowZero(@ForAll("money") BigDecimal rate,
                                                                          @ForAll @IntRange(min = 1000, max = 20000) int areaHundredths,
                                                                          @ForAll @IntRange(min = 0, max = 100) int percent,
                                                                          @ForAll("money") BigDecimal fixed) {
        BigDecimal area = BigDecimal.valueOf(areaHundredths, 2);
        BigDecimal full = RentMath.monthlyRent(rate, area, null, null);
        assertThat(full).isEqualByComparingTo(rate.multiply(area).setScale(2, RoundingMode.HALF_UP));
        BigDecimal off = RentMath.monthlyRent(rate, area, "PERCENT", BigDecimal.valueOf(percent));
        assertThat(off.scale()).isEqualTo(2);
        assertThat(off).isBetween(BigDecimal.ZERO, full);
        assertThat(RentMath.monthlyRent(rate, area, "FIXED", fixed)).isBetween(BigDecimal.ZERO, full);
    }

    @Property
    void lateFeesNeverCompoundAndNeverPassTheCap(@ForAll("money") BigDecimal amount, @ForAll @IntRange(min = 1, max = 2_000) int days,
                                                 @ForAll @IntRange(min = 1, max = 6) int postings) {
        BigDecimal rate = new BigDecimal("0.0005");
        LocalDate due = LocalDate.of(2026, 1, 20);
        BigDecimal charged = BigDecimal.ZERO;
        LocalDate last = due;
        for (int i = 1; i <= postings; i++) {
            LocalDate asOf = due.plusDays((long) days * i / postings);
            BigDecimal fee = RentMath.lateFee(amount, last, asOf, rate, amount, BigDecimal.ONE, charged);
            assertThat(fee.signum()).isGreaterThanOrEqualTo(0);
            charged = charged.add(fee);
            last = asOf;
        }
        // the same principal the whole time: posting in pieces is the one-shot fee give or take a fen per posting
        BigDecimal oneShot = RentMath.lateFee(amount, due, due.plusDays(days), rate, amount, BigDecimal.ONE, BigDecimal.ZERO);
        assertThat(charged.subtract(oneShot).abs()).isLessThanOrEqualTo(new BigDecimal("0.01").multiply(BigDecimal.valueOf(postings)));
        assertThat(charged).isLessThanOrEqualTo(amount); // capped at the principal
        assertThat(oneShot).isLessThanOrEqualTo(amount.multiply(rate).multiply(BigDecimal.valueOf(days)).add(new BigDecimal("0.005")));
    }

    @Property
    void aZeroRateChargesNothing(@ForAll("money") BigDecimal amount, @ForAll @IntRange(min = 1, max = 999) int days) {
        assertThat(RentMath.lateFee(amount, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 1).plusDays(days), BigDecimal.ZERO, amount,
                BigDecimal.ONE, BigDecimal.ZERO)).isEqualByComparingTo("0");
    }

    @Property
    void allocationsAddUpToThePaymentNothingNegativeOldestFirst(@ForAll("money") BigDecimal payment,
                                                                @ForAll @Size(max = 12) List<@LongRange(min = 0, max = 500_000) Long> openFen) {
        List<BigDecimal> open = openFen.stream().map(f -> BigDecimal.valueOf(f, 2)).toList();
        List<BigDecimal> parts = RentMath.allocate(payment, open);
        assertThat(parts).hasSize(open.size() + 1).allSatisfy(p -> assertThat(p.signum()).isGreaterThanOrEqualTo(0));
        assertThat(parts.stream().reduce(BigDecimal.ZERO, BigDecimal::add)).isEqualByComparingTo(payment);
        for (int i = 0; i < open.size(); i++) {
            assertThat(parts.get(i)).isLessThanOrEqualTo(open.get(i));
            if (parts.get(i).compareTo(open.get(i)) < 0) {
                // a bill left partly open: nothing went to any later bill, nor to credit
                parts.subList(i + 1, parts.size()).forEach(p -> assertThat(p).isEqualByComparingTo("0"));
                break;
            }
        }
        parts.forEach(p -> assertThat(p.scale()).isLessThanOrEqualTo(2));
    }
}
