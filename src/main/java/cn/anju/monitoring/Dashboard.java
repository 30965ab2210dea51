package cn.anju.monitoring;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * One level's dashboard on one day: its figures, the places below it side by side (each opening its own dashboard),
 * month-end trends, and the alerts of that day. {@code asOf} is the snapshot shown: the day asked for, or the last one
 * before it when that day has none.
 */
public record Dashboard(MonitoringScope.Level level, String title, String districtCode, Long projectId, LocalDate requested,
                        LocalDate asOf, Backfill.Progress backfill, List<Figure> figures, List<Column> columns, List<Row> rows,
                        List<Trend> trends, List<Alert> alerts) {

    /** The level's figure of a measure in a period; null when the platform has no such measure. */
    public Figure figure(String code, SnapshotPeriod period) {
        return figures.stream().filter(f -> f.code().equals(code) && f.period() == period).findFirst().orElse(null);
    }

    /** A column of the side-by-side table: a measure in one period. */
    public record Column(String code, String name, SnapshotPeriod period) {
    }

    /** A place below this level with its figures in the columns' order and the link to its dashboard. */
    public record Row(String districtCode, long projectId, String name, String link, List<Figure> figures) {
    }

    /** A measure at each month's end (and on the day shown), for the whole level. */
    public record Trend(String code, String name, SnapshotPeriod period, List<LocalDate> days, List<BigDecimal> values) {

        /** The chart's labels and values, '|'-separated (an empty value: no snapshot that day). */
        public String chartLabels() {
            return days.stream().map(LocalDate::toString).collect(java.util.stream.Collectors.joining("|"));
        }

        public String chartValues() {
            return values.stream().map(v -> v == null ? "" : v.toPlainString()).collect(java.util.stream.Collectors.joining("|"));
        }
    }

    /** The side-by-side chart: the places below and their figure in the first column. */
    public String rowLabels() {
        return rows.stream().map(Row::name).collect(java.util.stream.Collectors.joining("|"));
    }

    public String rowValues() {
        return rows.stream().map(r -> r.figures().getFirst()).map(f -> f.ratio() != null ? f.ratio().toPlainString()
                : f.value() != null ? f.value().toPlainString() : "").collect(java.util.stream.Collectors.joining("|"));
    }

    /** Something that needs attention today: where, what, how much against the threshold, and where to look. */
    public record Alert(String place, String measure, String value, String threshold, String link) {
    }
}
