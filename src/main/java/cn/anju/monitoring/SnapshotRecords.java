package cn.anju.monitoring;

import cn.anju.shared.measure.MeasureValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** The snapshot table: rows written once (a second write of a row is ignored), read by day, place and measure. */
@Repository
class SnapshotRecords {

    /** Where snapshots go; a test writes a day again into a scratch copy to compare it with what was stored. */
    static final String TABLE = "monitoring_snapshot";

    private static final TypeReference<List<MeasureValue.Share>> SHARES = new TypeReference<>() { };

    private final JdbcClient jdbc;
    private final JsonMapper json = JsonMapper.builder().build();

    SnapshotRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Writes the rows into {@code table}; rows already there stay as they were. Returns how many were new. */
    int write(String table, List<SnapshotRow> rows, Instant at) {
        if (!table.matches("[a-z_]+")) {
            throw new IllegalArgumentException(table);
        }
        int written = 0;
        for (SnapshotRow r : rows) {
            written += jdbc.sql("insert into " + table + """
                             (day, district_code, project_id, measure_code, period, value, numerator, denominator, breakdown,
                              record_ids, record_labels, backfilled, taken_at)
                            values (?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?) on conflict do nothing""")
                    .params(Date.valueOf(r.day()), r.districtCode(), r.projectId(), r.measureCode(), r.period().name(), r.value(),
                            r.numerator(), r.denominator(), r.breakdown() == null ? null : json.writeValueAsString(r.breakdown()),
                            r.recordIds() == null ? null : r.recordIds().toArray(Long[]::new),
                            r.recordLabels() == null ? null : r.recordLabels().toArray(String[]::new), r.backfilled(), Timestamp.from(at))
                    .update();
        }
        return written;
    }

    boolean taken(LocalDate day) {
        return jdbc.sql("select exists (select 1 from monitoring_snapshot where day = ?)").param(Date.valueOf(day)).query(Boolean.class).single();
    }

    /** The last day with a snapshot on or before {@code day}. */
    Optional<LocalDate> latestOnOrBefore(LocalDate day) {
        return Optional.ofNullable(jdbc.sql("select max(day) from monitoring_snapshot where day <= ?").param(Date.valueOf(day))
                .query(LocalDate.class).single());
    }

    /** The rows of a day for these places (district codes with project 0 for the districts themselves). */
    List<SnapshotRow> day(LocalDate day, Collection<String> districts, Collection<Long> projects) {
        return jdbc.sql("""
                        select * from monitoring_snapshot where day = ? and district_code = any(?) and project_id = any(?)
                         order by district_code, project_id, measure_code, period""")
                .params(Date.valueOf(day), districts.toArray(String[]::new), projects.toArray(Long[]::new)).query(this::row).list();
    }

    /** One measure of these places over days (the last day of each month, for trends), oldest first. */
    List<SnapshotRow> series(String measure, SnapshotPeriod period, Collection<String> districts, Collection<Long> projects,
                             Collection<LocalDate> days) {
        return jdbc.sql("""
                        select * from monitoring_snapshot where measure_code = ? and period = ? and district_code = any(?)
                           and project_id = any(?) and day = any(?) order by day, district_code, project_id""")
                .params(measure, period.name(), districts.toArray(String[]::new), projects.toArray(Long[]::new),
                        days.stream().map(Date::valueOf).toArray(Date[]::new))
                .query(this::row).list();
    }

    Optional<SnapshotRow> one(LocalDate day, String district, long project, String measure, SnapshotPeriod period) {
        return jdbc.sql("""
                        select * from monitoring_snapshot where day = ? and district_code = ? and project_id = ? and measure_code = ?
                           and period = ?""")
                .params(Date.valueOf(day), district, project, measure, period.name()).query(this::row).optional();
    }

    private SnapshotRow row(ResultSet rs, int n) throws SQLException {
        String shares = rs.getString("breakdown");
        Array ids = rs.getArray("record_ids");
        Array labels = rs.getArray("record_labels");
        return new SnapshotRow(rs.getObject("day", LocalDate.class), rs.getString("district_code"), rs.getLong("project_id"),
                rs.getString("measure_code"), SnapshotPeriod.valueOf(rs.getString("period")), rs.getBigDecimal("value"),
                rs.getBigDecimal("numerator"), rs.getBigDecimal("denominator"), shares == null ? null : json.readValue(shares, SHARES),
                ids == null ? null : Arrays.asList((Long[]) ids.getArray()),
                labels == null ? null : Arrays.asList((String[]) labels.getArray()), rs.getBoolean("backfilled"));
    }

    static BigDecimal zeroIfNull(BigDecimal v) {
        return v == null ? BigDecimal.ZERO : v;
    }
}
