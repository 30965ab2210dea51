package cn.anju.shared.measure;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Clock;
import java.util.List;

/**
 * A ratio over a range read by one statement of the owning module: each row is a record of the denominator, made by
 * the measure's mapper, and the figure is what those records add up to ({@link MeasureValue#ratio}).
 */
public abstract class SqlRatio implements Measure {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final MeasureDefinition definition;
    private final String sql;
    private final RowMapper<MeasureRecord> records;

    /**
     * @param sql     takes the scope's two parameters, then the range as instants ({@link MeasureSql#scopeAndRange})
     * @param records makes a row the record it stands for
     */
    protected SqlRatio(JdbcClient jdbc, Clock clock, MeasureDefinition definition, String sql, RowMapper<MeasureRecord> records) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.definition = definition;
        this.sql = sql;
        this.records = records;
    }

    /** Rows of (id, label, in the numerator) as records of a ratio of counts. */
    protected static RowMapper<MeasureRecord> counted(RecordKind kind) {
        return (rs, n) -> MeasureRecord.counted(kind, rs.getLong(1), rs.getString(2), rs.getBoolean(3));
    }

    public MeasureDefinition definition() {
        return definition;
    }

    public MeasureValue compute(MeasureScope scope, MeasurePeriod period) {
        List<MeasureRecord> listed = jdbc.sql(sql).params(MeasureSql.scopeAndRange(scope, period, clock)).query(records).list();
        return MeasureValue.ratio(definition, period, listed);
    }
}
