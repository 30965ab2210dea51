package cn.anju.evaluation;

import cn.anju.shared.measure.MeasureRecord;
import cn.anju.shared.measure.MeasureUnit;
import cn.anju.shared.measure.MeasureValue;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Frozen figures and the records each counted: written once, never changed (a correction is a new version). */
@Repository
class FrozenMeasures {

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final Clock clock;

    FrozenMeasures(JdbcClient jdbc, JdbcTemplate batch, Clock clock) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.clock = clock;
    }

    /** A record behind a frozen figure, as the drill-down lists it. */
    record Counted(int position, String kind, long recordId, String label, boolean inNumerator, BigDecimal base, BigDecimal part) {
    }

    FrozenMeasure insert(long evaluationId, IndicatorLeaf leaf, int version, LocalDate asOf, MeasureUnit unit, MeasureValue v,
                         BigDecimal value, String digest, Long by, String reason) {
        long id = jdbc.sql("""
                        insert into evaluation_measure (evaluation_id, leaf_code, version, measure_code, as_of, unit, numerator, denominator,
                                                        value, applicable, inputs_digest, record_count, reason, frozen_by, frozen_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(evaluationId, leaf.code(), version, leaf.measureCode(), asOf, unit.name(), v.numerator(), v.denominator(), value,
                        v.applicable(), digest, v.records().size(), reason, by, Timestamp.from(clock.instant()))
                .query(Long.class).single();
        List<Object[]> rows = new ArrayList<>(v.records().size());
        int position = 0;
        for (MeasureRecord r : v.records()) {
            rows.add(new Object[]{id, position++, r.kind().name(), r.id(), r.label(), r.inNumerator(), r.base(), r.part()});
        }
        batch.batchUpdate("""
                insert into evaluation_measure_record (measure_id, position, record_kind, record_id, label, in_numerator, base, part)
                values (?, ?, ?, ?, ?, ?, ?, ?)""", rows);
        return byId(id);
    }

    FrozenMeasure byId(long id) {
        return jdbc.sql("select * from evaluation_measure where id = ?").param(id).query(this::map).single();
    }

    /** Every version of every leaf, oldest first. */
    List<FrozenMeasure> all(long evaluationId) {
        return jdbc.sql("select * from evaluation_measure where evaluation_id = ? order by leaf_code, version")
                .param(evaluationId).query(this::map).list();
    }

    /** A page of a frozen figure's records in their order, and how many there are. */
    List<Counted> records(long measureId, int offset, int limit) {
        return jdbc.sql("""
                        select position, record_kind, record_id, label, in_numerator, base, part from evaluation_measure_record
                         where measure_id = ? order by position offset ? limit ?""")
                .params(measureId, offset, limit)
                .query((rs, n) -> new Counted(rs.getInt(1), rs.getString(2), rs.getLong(3), rs.getString(4), rs.getBoolean(5),
                        rs.getBigDecimal(6), rs.getBigDecimal(7))).list();
    }

    private FrozenMeasure map(ResultSet rs, int n) throws SQLException {
        return new FrozenMeasure(rs.getLong("id"), rs.getString("leaf_code"), rs.getInt("version"), rs.getString("measure_code"),
                rs.getObject("as_of", LocalDate.class), MeasureUnit.valueOf(rs.getString("unit")), rs.getBigDecimal("numerator"),
                rs.getBigDecimal("denominator"), rs.getBigDecimal("value"), rs.getBoolean("applicable"), rs.getString("inputs_digest"),
                rs.getInt("record_count"), rs.getString("reason"), rs.getTimestamp("frozen_at").toInstant());
    }
}
