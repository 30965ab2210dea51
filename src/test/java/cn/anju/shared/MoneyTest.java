package cn.anju.shared;

import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MoneyTest {

    @Property
    void fenRoundTripsExactly(@ForAll @LongRange(min = -1_000_000_000_00L, max = 1_000_000_000_00L) long fen) {
        assertThat(Money.fen(fen).toFen()).isEqualTo(fen);
    }

    @Property
    void additionIsExactAndReversible(@ForAll @LongRange(min = -1_000_000_00L, max = 1_000_000_00L) long a,
                                      @ForAll @LongRange(min = -1_000_000_00L, max = 1_000_000_00L) long b) {
        Money x = Money.fen(a);
        Money y = Money.fen(b);
        assertThat(x.plus(y).toFen()).isEqualTo(a + b);
        assertThat(x.plus(y).minus(y)).isEqualTo(x);
    }

    /** The one rule every typed amount goes through (payments, deposits, charges, standards, rents, bank lines). */
    @Test
    void aTypedAmountIsWholeFenWithinItsSign() {
        assertThat(Money.typed(new BigDecimal("12.500"), Money.Sign.POSITIVE)).contains(Money.yuan("12.50"));
        assertThat(Money.typed(new BigDecimal("12.505"), Money.Sign.POSITIVE)).isEmpty();
        assertThat(Money.typed(new BigDecimal("1E+3"), Money.Sign.POSITIVE)).contains(Money.yuan("1000.00"));
        assertThat(Money.isAmount(null, Money.Sign.ANY)).isFalse();
        assertThat(Money.isAmount(BigDecimal.ZERO, Money.Sign.POSITIVE)).isFalse();
        assertThat(Money.isAmount(BigDecimal.ZERO, Money.Sign.NOT_NEGATIVE)).isTrue();
        assertThat(Money.isAmount(new BigDecimal("-0.01"), Money.Sign.NOT_NEGATIVE)).isFalse();
        assertThat(Money.isAmount(new BigDecimal("-0.01"), Money.Sign.ANY)).isTrue();
    }

    @Property
    void everyWholeFenIsAnAmountAndNoFractionOfOneIs(@ForAll @LongRange(min = 1, max = 1_000_000_000_00L) long fen,
                                                     @ForAll @LongRange(min = 1, max = 9) long tenthOfFen) {
        assertThat(Money.typed(BigDecimal.valueOf(fen, 2), Money.Sign.POSITIVE)).contains(Money.fen(fen));
        assertThat(Money.isAmount(BigDecimal.valueOf(fen * 10 + tenthOfFen, 3), Money.Sign.ANY)).isFalse();
    }

    @Test
    void refusesFractionsOfAFen() {
        assertThatThrownBy(() -> Money.yuan("1.005")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void roundsHalfUpOnlyWhenAsked() {
        assertThat(Money.rounded(new BigDecimal("10.005"))).isEqualTo(Money.yuan("10.01"));
        assertThat(Money.rounded(new BigDecimal("10.0049"))).isEqualTo(Money.yuan("10.00"));
    }

    @Property
    void aProratedPieceIsWithinHalfAFenOfTheExactShareAndNeverMoreThanTheMonth(
            @ForAll @LongRange(min = 0, max = 1_000_000_00L) long fen, @ForAll @IntRange(min = 28, max = 31) int daysOfMonth,
            @ForAll @IntRange(min = 0, max = 31) int days) {
        Assume.that(days <= daysOfMonth);
        Money monthly = Money.fen(fen);
        Money piece = monthly.prorated(days, daysOfMonth);
        BigDecimal exact = monthly.amount().multiply(BigDecimal.valueOf(days)).divide(BigDecimal.valueOf(daysOfMonth), MathContext.DECIMAL128);
        assertThat(piece.amount().subtract(exact).abs()).isLessThanOrEqualTo(new BigDecimal("0.005"));
        assertThat(piece).isLessThanOrEqualTo(monthly);
        assertThat(monthly.prorated(daysOfMonth, daysOfMonth)).isEqualTo(monthly);
        if (days > 0) {
            assertThat(piece).as("one more day never costs less").isGreaterThanOrEqualTo(monthly.prorated(days - 1, daysOfMonth));
        }
    }

    @Property
    void aCapRoundedDownIsNeverAboveTheExactFigure(@ForAll @LongRange(min = 0, max = 1_000_000_000L) long tenThousandths) {
        BigDecimal exact = BigDecimal.valueOf(tenThousandths, 4);
        Money down = Money.roundedDown(exact);
        assertThat(down.amount()).isLessThanOrEqualTo(exact);
        assertThat(exact.subtract(down.amount())).isLessThan(new BigDecimal("0.01"));
        assertThat(Money.rounded(exact).amount().subtract(exact).abs()).isLessThanOrEqualTo(new BigDecimal("0.005"));
    }

    @Test
    void aDayOutsideTheMonthIsRefused() {
        assertThatThrownBy(() -> Money.yuan("300").prorated(32, 31)).isInstanceOf(IllegalArgumentException.class);
        assertThat(Money.yuan("310").prorated(10, 31)).isEqualTo(Money.yuan("100.00"));
        assertThat(Money.yuan("100").times(new BigDecimal("0.0005"))).isEqualTo(Money.yuan("0.05"));
    }

    @Test
    void groupsTheSameWhateverTheDefaultLocale() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.GERMANY);
            assertThat(Money.yuan("1234567.8").grouped()).isEqualTo("1,234,567.80");
            assertThat(Money.yuan("1234.5").formatted()).isEqualTo("¥1,234.50");
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void formatsAsUiGuideSays() {
        assertThat(Money.yuan("1234.5").formatted()).isEqualTo("¥1,234.50");
        assertThat(Money.yuan("-0.3").formatted()).isEqualTo("-¥0.30");
    }

    @Test
    void chineseCapitalsAsReceiptsPrintThem() {
        Assertions.assertThat(Money.yuan("1234.56").chineseCapitals()).isEqualTo("壹仟贰佰叁拾肆元伍角陆分");
        Assertions.assertThat(Money.yuan("100.00").chineseCapitals()).isEqualTo("壹佰元整");
        Assertions.assertThat(Money.yuan("1005.00").chineseCapitals()).isEqualTo("壹仟零伍元整");
        Assertions.assertThat(Money.yuan("0.50").chineseCapitals()).isEqualTo("伍角");
        Assertions.assertThat(Money.yuan("0.05").chineseCapitals()).isEqualTo("伍分");
        Assertions.assertThat(Money.yuan("10.05").chineseCapitals()).isEqualTo("壹拾元零伍分");
        Assertions.assertThat(Money.yuan("100000.00").chineseCapitals()).isEqualTo("壹拾万元整");
        Assertions.assertThat(Money.yuan("100010.00").chineseCapitals()).isEqualTo("壹拾万零壹拾元整");
        Assertions.assertThat(Money.yuan("285.60").chineseCapitals()).isEqualTo("贰佰捌拾伍元陆角");
        Assertions.assertThat(Money.yuan("0.00").chineseCapitals()).isEqualTo("零元整");
    }
}
