package cn.anju.evaluation;

import cn.anju.shared.files.FileStore;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Manual scores, objections and deductions of evaluations: rows added, never overwritten (the last score counts). */
@Repository
class ScoreRecords {

    private final JdbcClient jdbc;

    ScoreRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void score(long evaluationId, String leaf, BigDecimal percent, String basis, FileStore.StoredFile evidence, String evidenceName,
               long by, Instant at) {
        jdbc.sql("""
                        insert into evaluation_score (evaluation_id, leaf_code, percent, basis, evidence_key, evidence_name, evidence_sha256,
                                                      scored_by, scored_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(evaluationId, leaf, percent, basis, evidence == null ? null : evidence.key(), evidence == null ? null : evidenceName,
                        evidence == null ? null : evidence.sha256(), by, Timestamp.from(at)).update();
    }

    /** The latest score of each manual leaf. */
    List<ManualScore> latestScores(long evaluationId) {
        return jdbc.sql("""
                        select distinct on (leaf_code) leaf_code, percent, basis, evidence_name, evidence_sha256, scored_by, scored_at
                          from evaluation_score where evaluation_id = ? order by leaf_code, id desc""")
                .param(evaluationId).query((rs, n) -> new ManualScore(rs.getString(1), rs.getBigDecimal(2), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getLong(6), rs.getTimestamp(7).toInstant())).list();
    }

    long object(long evaluationId, String leaf, String reasons, FileStore.StoredFile evidence, String evidenceName, long by, Instant at) {
        return jdbc.sql("""
                        insert into evaluation_objection (evaluation_id, leaf_code, reasons, evidence_key, evidence_name, evidence_sha256,
                                                          status, raised_by, raised_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(evaluationId, leaf, reasons, evidence == null ? null : evidence.key(), evidence == null ? null : evidenceName,
                        evidence == null ? null : evidence.sha256(), Objection.Status.RAISED.name(), by, Timestamp.from(at))
                .query(Long.class).single();
    }

    Optional<Objection> objection(long id) {
        return jdbc.sql("select * from evaluation_objection where id = ?").param(id).query(this::mapObjection).optional();
    }

    List<Objection> objections(long evaluationId) {
        return jdbc.sql("select * from evaluation_objection where evaluation_id = ? order by id").param(evaluationId).query(this::mapObjection).list();
    }

    boolean decide(Objection o, Objection.Status to, String decision, long by, Instant at) {
        return jdbc.sql("""
                        update evaluation_objection set status = ?, decision = ?, decided_by = ?, decided_at = ?, version = version + 1
                         where id = ? and version = ? and status = ?""")
                .params(to.name(), decision, by, Timestamp.from(at), o.id(), o.version(), Objection.Status.RAISED.name()).update() == 1;
    }

    private Objection mapObjection(ResultSet rs, int n) throws SQLException {
        return new Objection(rs.getLong("id"), rs.getLong("evaluation_id"), rs.getString("leaf_code"), rs.getString("reasons"),
                rs.getString("evidence_name"), Objection.Status.valueOf(rs.getString("status")), rs.getLong("raised_by"),
                rs.getTimestamp("raised_at").toInstant(), (Long) rs.getObject("decided_by"), rs.getString("decision"), rs.getInt("version"));
    }

    long deduct(long evaluationId, String item, long amountFen, FileStore.StoredFile evidence, String evidenceName, long by, Instant at) {
        return jdbc.sql("""
                        insert into evaluation_deduction (evaluation_id, item, amount_fen, evidence_key, evidence_name, evidence_sha256,
                                                          recorded_by, recorded_at) values (?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(evaluationId, item, amountFen, evidence.key(), evidenceName, evidence.sha256(), by, Timestamp.from(at))
                .query(Long.class).single();
    }

    record RecordedDeduction(long id, String item, long amountFen, String evidenceName, String evidenceSha256) {
    }

    List<RecordedDeduction> deductions(long evaluationId) {
        return jdbc.sql("select id, item, amount_fen, evidence_name, evidence_sha256 from evaluation_deduction where evaluation_id = ? order by id")
                .param(evaluationId).query((rs, n) -> new RecordedDeduction(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4),
                        rs.getString(5))).list();
    }
}
