package cn.anju.monitoring;

import cn.anju.shared.measure.MeasureDefinition;
import cn.anju.shared.measure.MeasureKind;
import cn.anju.shared.measure.MeasureValue;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A measure on a dashboard: what it is (code, name, the definition the government reads, the period it covers) and
 * its value over the places the dashboard covers, added up the only way that keeps it true: counts and amounts summed,
 * ratios as Σ numerators ÷ Σ denominators, breakdowns by category. {@code taken} false: no snapshot of it that day
 * (a measure that cannot be computed for a past day).
 */
public record Figure(String code, String name, String definition, MeasureKind kind, String unit, SnapshotPeriod period,
                     String periodLabel, boolean taken, BigDecimal value, BigDecimal numerator, BigDecimal denominator, BigDecimal ratio,
                     List<MeasureValue.Share> breakdown, boolean problemList, boolean backfillable) {

    static Figure of(MeasureDefinition d, SnapshotPeriod period, List<SnapshotRow> rows) {
        String unit = d.unit().name();
        boolean problem = Snapshots.PROBLEM_LISTS.contains(d.code());
        if (rows.isEmpty()) {
            return new Figure(d.code(), d.name(), d.definition(), d.kind(), unit, period, period.label(), false, null, null, null, null,
                    List.of(), problem, d.backfillable());
        }
        BigDecimal value = sum(rows.stream().map(SnapshotRow::value).toList());
        BigDecimal numerator = sum(rows.stream().map(SnapshotRow::numerator).toList());
        BigDecimal denominator = sum(rows.stream().map(SnapshotRow::denominator).toList());
        BigDecimal ratio = d.kind() == MeasureKind.RATIO && denominator != null && denominator.signum() != 0
                ? numerator.divide(denominator, 4, RoundingMode.HALF_UP) : null;
        return new Figure(d.code(), d.name(), d.definition(), d.kind(), unit, period, period.label(), true, value, numerator, denominator,
                ratio, shares(rows), problem, d.backfillable());
    }

    /** Whether a ratio had anything in its denominator (a count or an amount always has a value). */
    public boolean applicable() {
        return taken && (kind != MeasureKind.RATIO || ratio != null);
    }

    /** As a page shows it: 95.2%, ¥1,234.56, 12; — when not taken that day; 不适用 for a ratio with nothing to divide by. */
    public String shown() {
        if (!taken) {
            return "—";
        }
        if (kind == MeasureKind.RATIO) {
            if (ratio == null) {
                return "不适用";
            }
            return unit.equals("DAY") ? ratio.setScale(1, RoundingMode.HALF_UP) + " 天"
                    : ratio.movePointRight(2).setScale(1, RoundingMode.HALF_UP) + "%";
        }
        if (value == null) {
            return "—";
        }
        return unit.equals("YUAN") ? cn.anju.shared.Money.rounded(value).formatted() : value.stripTrailingZeros().toPlainString();
    }

    /** A breakdown's categories and counts, '|'-separated, for its chart. */
    public String chartLabels() {
        return breakdown.stream().map(MeasureValue.Share::label).collect(java.util.stream.Collectors.joining("|"));
    }

    public String chartValues() {
        return breakdown.stream().map(x -> String.valueOf(x.count())).collect(java.util.stream.Collectors.joining("|"));
    }

    private static BigDecimal sum(List<BigDecimal> values) {
        BigDecimal total = null;
        for (BigDecimal v : values) {
            if (v != null) {
                total = total == null ? v : total.add(v);
            }
        }
        return total;
    }

    private static List<MeasureValue.Share> shares(List<SnapshotRow> rows) {
        Map<String, MeasureValue.Share> byCategory = new LinkedHashMap<>();
        for (SnapshotRow r : rows) {
            if (r.breakdown() == null) {
                continue;
            }
            for (MeasureValue.Share s : r.breakdown()) {
                byCategory.merge(s.category(), s, (a, b) -> new MeasureValue.Share(a.category(), a.label(), a.count() + b.count()));
            }
        }
        return new ArrayList<>(byCategory.values());
    }
}
