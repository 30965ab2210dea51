package cn.anju.shared.measure;

import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A count as of a day read by one statement of the owning module (a problem list: overdue orders, long-vacant units):
 * each row (id, label) is a counted record; the statement takes the scope's two parameters, then the measure's own
 * parameters for the day.
 */
public abstract class SqlCount implements Measure {

    private final JdbcClient jdbc;
    private final MeasureDefinition definition;
    private final RecordKind kind;
    private final String sql;

    protected SqlCount(JdbcClient jdbc, MeasureDefinition definition, RecordKind kind, String sql) {
        this.jdbc = jdbc;
        this.definition = definition;
        this.kind = kind;
        this.sql = sql;
    }

    /** The statement's parameters after the scope's, for the day the count is taken on. */
    protected abstract List<Object> dayParameters(LocalDate day);

    @Override
    public MeasureDefinition definition() {
        return definition;
    }

    @Override
    public MeasureValue compute(MeasureScope scope, MeasurePeriod period) {
        List<Object> params = new ArrayList<>(scope.params());
        params.addAll(dayParameters(period.lastDay()));
        return MeasureValue.count(definition, period, jdbc.sql(sql).params(params)
                .query((rs, n) -> MeasureRecord.counted(kind, rs.getLong(1), rs.getString(2), true)).list());
    }
}
