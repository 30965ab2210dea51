package cn.anju.monitoring;

import cn.anju.shared.measure.MeasurePeriod;

import java.time.LocalDate;

/**
 * Which figure of a measure a snapshot holds on its day: the state that day (an AS_OF measure), or what happened from
 * the first of the month, or of the year, to that day (a RANGE measure).
 */
public enum SnapshotPeriod {
    DAY("当日"), MONTH("本月累计"), YEAR("本年累计");

    private final String label;

    SnapshotPeriod(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    MeasurePeriod on(LocalDate day) {
        return switch (this) {
            case DAY -> new MeasurePeriod.AsOf(day);
            case MONTH -> new MeasurePeriod.Range(day.withDayOfMonth(1), day);
            case YEAR -> new MeasurePeriod.Range(day.withDayOfYear(1), day);
        };
    }

    /** The periods a measure is taken for: its day, or month and year to date. */
    static SnapshotPeriod[] of(MeasurePeriod.Kind kind) {
        return kind == MeasurePeriod.Kind.AS_OF ? new SnapshotPeriod[]{DAY} : new SnapshotPeriod[]{MONTH, YEAR};
    }
}
