package cn.anju.shared;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

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

    @Test
    void refusesFractionsOfAFen() {
        assertThatThrownBy(() -> Money.yuan("1.005")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void roundsHalfUpOnlyWhenAsked() {
        assertThat(Money.rounded(new BigDecimal("10.005"))).isEqualTo(Money.yuan("10.01"));
        assertThat(Money.rounded(new BigDecimal("10.0049"))).isEqualTo(Money.yuan("10.00"));
    }

    @Test
    void formatsAsUiGuideSays() {
        assertThat(Money.yuan("1234.5").formatted()).isEqualTo("¥1,234.50");
        assertThat(Money.yuan("-0.3").formatted()).isEqualTo("-¥0.30");
    }
}
