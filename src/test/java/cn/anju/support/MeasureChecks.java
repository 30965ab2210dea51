package cn.anju.support;

import cn.anju.shared.measure.MeasureRecord;
import cn.anju.shared.measure.MeasureValue;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks a computed measure against what a test recomputed from the tables by its own SQL: the figures, and which
 * records are behind them and which of those count in the numerator.
 */
public final class MeasureChecks {

    private MeasureChecks() {
    }

    /** A ratio of counts: {@code expected} maps each record of the denominator to whether it is in the numerator. */
    public static void countRatio(MeasureValue v, Map<Long, Boolean> expected) {
        assertThat(expected).as("the demo data has records for " + v.code()).isNotEmpty();
        long numerator = expected.values().stream().filter(b -> b).count();
        assertThat(v.denominator()).as(v.code() + " denominator").isEqualByComparingTo(BigDecimal.valueOf(expected.size()));
        assertThat(v.numerator()).as(v.code() + " numerator").isEqualByComparingTo(BigDecimal.valueOf(numerator));
        assertThat(v.applicable()).isTrue();
        assertThat(v.ratio()).as(v.code() + " ratio").isEqualByComparingTo(
                BigDecimal.valueOf(numerator).divide(BigDecimal.valueOf(expected.size()), 4, RoundingMode.HALF_UP));
        assertThat(flags(v)).as(v.code() + " records and their numerator flags").isEqualTo(new TreeMap<>(expected));
    }

    /** A ratio of amounts: {@code expected} maps each record to {what it adds to the denominator, to the numerator}. */
    public static void amountRatio(MeasureValue v, Map<Long, BigDecimal[]> expected) {
        assertThat(expected).as("the demo data has records for " + v.code()).isNotEmpty();
        BigDecimal denominator = expected.values().stream().map(a -> a[0]).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal numerator = expected.values().stream().map(a -> a[1]).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(denominator.signum()).isPositive();
        assertThat(v.denominator()).as(v.code() + " denominator").isEqualByComparingTo(denominator);
        assertThat(v.numerator()).as(v.code() + " numerator").isEqualByComparingTo(numerator);
        assertThat(v.ratio()).isEqualByComparingTo(numerator.divide(denominator, 4, RoundingMode.HALF_UP));
        assertThat(flags(v)).as(v.code() + " records and their numerator flags").isEqualTo(new TreeMap<>(expected.entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue()[1].signum() != 0))));
        for (MeasureRecord r : v.records()) {
            assertThat(r.base()).as("bill " + r.id()).isEqualByComparingTo(expected.get(r.id())[0]);
            assertThat(r.part()).as("bill " + r.id()).isEqualByComparingTo(expected.get(r.id())[1]);
        }
    }

    /** A count: exactly these records. */
    public static void count(MeasureValue v, Set<Long> expected) {
        assertThat(v.value()).as(v.code()).isEqualByComparingTo(BigDecimal.valueOf(expected.size()));
        assertThat(v.records()).allMatch(MeasureRecord::inNumerator);
        assertThat(new TreeSet<>(v.records().stream().map(MeasureRecord::id).toList())).as(v.code() + " records")
                .isEqualTo(new TreeSet<>(expected));
    }

    /** Each listed record (listed once) and whether it is in the numerator. */
    public static TreeMap<Long, Boolean> flags(MeasureValue v) {
        TreeMap<Long, Boolean> flags = new TreeMap<>();
        v.records().forEach(r -> assertThat(flags.put(r.id(), r.inNumerator())).as("record " + r.id() + " listed once").isNull());
        return flags;
    }
}
