package cn.anju.shared.measure;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * A computed figure. By kind: a ratio fills {@code numerator}, {@code denominator} and {@code ratio} (four decimals,
 * half-up), with {@code applicable} false and {@code ratio} null when the denominator is zero — never 0 % or 100 %;
 * a count or an amount fills {@code value}; a breakdown fills {@code breakdown} and its total in {@code value}.
 * Ratios and counts carry the {@code records} behind them, each flagged when it is in the numerator.
 */
public record MeasureValue(String code, MeasureKind kind, MeasurePeriod period, BigDecimal value, BigDecimal numerator,
                           BigDecimal denominator, BigDecimal ratio, boolean applicable, List<Share> breakdown,
                           List<MeasureRecord> records) {

    /** One category of a breakdown, in the measure's fixed order. */
    public record Share(String category, String label, long count) {
    }

    public MeasureValue {
        breakdown = List.copyOf(breakdown);
        records = List.copyOf(records);
    }

    /**
     * A ratio summed from its records: in yuan, Σ parts ÷ Σ bases; in counts, the flagged records ÷ all records.
     * Summing the records is what makes the figure traceable: it is exactly what the records add up to.
     */
    public static MeasureValue ratio(MeasureDefinition d, MeasurePeriod period, List<MeasureRecord> records) {
        BigDecimal numerator = zero(d.unit());
        BigDecimal denominator = zero(d.denominatorUnit());
        for (MeasureRecord r : records) {
            boolean weighed = d.unit() == MeasureUnit.YUAN || r.base() != null; // an amount, or a group of records
            numerator = numerator.add(weighed ? r.part() : r.inNumerator() ? BigDecimal.ONE : BigDecimal.ZERO);
            denominator = denominator.add(weighed ? r.base() : BigDecimal.ONE);
        }
        return ratio(d, period, numerator, denominator, records);
    }

    /** Σ numerators ÷ Σ denominators, e.g. over projects computed one by one; never an average of their ratios. */
    public static MeasureValue aggregate(MeasureDefinition d, MeasurePeriod period, List<MeasureValue> parts) {
        if (d.kind() != MeasureKind.RATIO) {
            throw new IllegalArgumentException("only ratios aggregate by Σ÷Σ: " + d.code());
        }
        BigDecimal numerator = zero(d.unit());
        BigDecimal denominator = zero(d.denominatorUnit());
        List<MeasureRecord> records = new ArrayList<>();
        for (MeasureValue v : parts) {
            numerator = numerator.add(v.numerator());
            denominator = denominator.add(v.denominator());
            records.addAll(v.records());
        }
        return ratio(d, period, numerator, denominator, records);
    }

    private static MeasureValue ratio(MeasureDefinition d, MeasurePeriod period, BigDecimal numerator, BigDecimal denominator,
                                      List<MeasureRecord> records) {
        boolean applicable = denominator.signum() != 0;
        BigDecimal ratio = applicable ? numerator.divide(denominator, 4, RoundingMode.HALF_UP) : null;
        return new MeasureValue(d.code(), d.kind(), period, null, numerator, denominator, ratio, applicable, List.of(), records);
    }

    /** A count: the number of counted records. */
    public static MeasureValue count(MeasureDefinition d, MeasurePeriod period, List<MeasureRecord> records) {
        return new MeasureValue(d.code(), d.kind(), period, BigDecimal.valueOf(records.size()), null, null, null, true, List.of(), records);
    }

    public static MeasureValue amount(MeasureDefinition d, MeasurePeriod period, BigDecimal amount) {
        return new MeasureValue(d.code(), d.kind(), period, amount.setScale(2, RoundingMode.UNNECESSARY), null, null, null, true,
                List.of(), List.of());
    }

    /** A breakdown with every category of the measure (a category with nothing in it shows 0) and its total. */
    public static MeasureValue breakdown(MeasureDefinition d, MeasurePeriod period, List<Share> shares) {
        long total = shares.stream().mapToLong(Share::count).sum();
        return new MeasureValue(d.code(), d.kind(), period, BigDecimal.valueOf(total), null, null, null, true, shares, List.of());
    }

    /** The count of a breakdown's category (0 when absent). */
    public long countOf(String category) {
        return breakdown.stream().filter(s -> s.category().equals(category)).mapToLong(Share::count).findFirst().orElse(0);
    }

    private static BigDecimal zero(MeasureUnit unit) {
        return unit == MeasureUnit.YUAN ? BigDecimal.ZERO.setScale(2) : BigDecimal.ZERO;
    }
}
