package cn.anju.evaluation;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** The evaluation module's own tables: indicator trees and evaluations. */
@Repository
class EvaluationRecords {

    private final JdbcClient jdbc;

    EvaluationRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<IndicatorTree> latestTree(long contractId) {
        return jdbc.sql("select id, version from indicator_tree where contract_id = ? order by version desc limit 1").param(contractId)
                .query((rs, n) -> new long[]{rs.getLong(1), rs.getLong(2)}).optional()
                .map(t -> new IndicatorTree(t[0], contractId, (int) t[1], leaves(t[0])));
    }

    IndicatorTree tree(long treeId) {
        return jdbc.sql("select id, contract_id, version from indicator_tree where id = ?").param(treeId)
                .query((rs, n) -> new IndicatorTree(rs.getLong(1), rs.getLong(2), rs.getInt(3), leaves(treeId))).single();
    }

    List<IndicatorTree> trees(long contractId) {
        return jdbc.sql("select id from indicator_tree where contract_id = ? order by version").param(contractId).query(Long.class).list()
                .stream().map(this::tree).toList();
    }

    long insertTree(long contractId, int version, String note, Long by, Instant at, List<IndicatorLeaf> leaves) {
        long id = jdbc.sql("""
                        insert into indicator_tree (contract_id, version, note, created_by, created_at) values (?, ?, ?, ?, ?) returning id""")
                .params(contractId, version, note, by, Timestamp.from(at)).query(Long.class).single();
        int position = 0;
        for (IndicatorLeaf l : leaves) {
            jdbc.sql("""
                            insert into indicator_leaf (tree_id, position, code, level, name, weight, measure_code, target, floor, scorer)
                            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(id, position++, l.code(), l.level().name(), l.name(), l.weight(), l.measureCode(), l.target(), l.floor(),
                            l.scorer() == null ? null : l.scorer().name()).update();
        }
        return id;
    }

    private List<IndicatorLeaf> leaves(long treeId) {
        return jdbc.sql("select code, level, name, weight, measure_code, target, floor, scorer from indicator_leaf where tree_id = ? order by position")
                .param(treeId).query((rs, n) -> new IndicatorLeaf(rs.getString(1), IndicatorLevel.valueOf(rs.getString(2)), rs.getString(3),
                        rs.getBigDecimal(4), rs.getString(5), rs.getBigDecimal(6), rs.getBigDecimal(7),
                        rs.getString(8) == null ? null : Scorer.valueOf(rs.getString(8)))).list();
    }

    long insert(long contractId, String districtCode, long operatorId, EvaluationPeriod p, long treeId) {
        return jdbc.sql("""
                        insert into evaluation (contract_id, district_code, operator_id, period, period_kind, starts_on, ends_on, tree_id, status)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (contract_id, period) do nothing returning id""")
                .params(contractId, districtCode, operatorId, p.code(), p.kind().name(), p.from(), p.to(), treeId, EvaluationStatus.OPEN.name())
                .query(Long.class).optional().orElse(-1L);
    }

    Optional<Evaluation> find(long id) {
        return jdbc.sql("select * from evaluation where id = ?").param(id).query(this::map).optional();
    }

    Optional<Evaluation> find(long contractId, String period) {
        return jdbc.sql("select * from evaluation where contract_id = ? and period = ?").params(contractId, period).query(this::map).optional();
    }

    /** The evaluations of the districts, newest period first. */
    List<Evaluation> where(Collection<String> districts) {
        return jdbc.sql("select * from evaluation where district_code = any(?) order by ends_on desc, period_kind, district_code, id")
                .param(districts.toArray(String[]::new)).query(this::map).list();
    }

    List<Evaluation> ofOperator(long operatorId) {
        return jdbc.sql("select * from evaluation where operator_id = ? order by ends_on desc, period_kind, id")
                .param(operatorId).query(this::map).list();
    }

    List<Evaluation> inStatus(EvaluationStatus status) {
        return jdbc.sql("select * from evaluation where status = ? order by id").param(status.name()).query(this::map).list();
    }

    /** A signed evaluation and the moment it was signed. */
    record Signed(Evaluation evaluation, Instant at) {
    }

    /** Every signed evaluation (FINAL or PUBLISHED), the oldest first. */
    List<Signed> signed() {
        return jdbc.sql("select * from evaluation where status in ('FINAL', 'PUBLISHED') order by finalized_at, id")
                .query((rs, n) -> new Signed(map(rs, n), rs.getTimestamp("finalized_at").toInstant())).list();
    }

    private Evaluation map(ResultSet rs, int n) throws SQLException {
        Timestamp computed = rs.getTimestamp("computed_at");
        return new Evaluation(rs.getLong("id"), rs.getLong("contract_id"), rs.getString("district_code"), rs.getLong("operator_id"),
                EvaluationPeriod.parse(rs.getString("period")), rs.getLong("tree_id"), EvaluationStatus.valueOf(rs.getString("status")),
                computed == null ? null : computed.toInstant(), (Long) rs.getObject("submitted_by"),
                rs.getObject("review_until", LocalDate.class), rs.getBoolean("operator_accepted"), rs.getBigDecimal("total"),
                rs.getString("band"), rs.getBoolean("termination_review"), (Long) rs.getObject("finalized_by"), rs.getInt("version"));
    }

    boolean acceptByOperator(Evaluation e) {
        return jdbc.sql("update evaluation set operator_accepted = true, version = version + 1 where id = ? and version = ? and status = ?")
                .params(e.id(), e.version(), EvaluationStatus.OPERATOR_REVIEW.name()).update() == 1;
    }

    /** Raises the version so that a page that saw the old figures or scores cannot sign over the new ones. */
    boolean touch(Evaluation e) {
        return jdbc.sql("update evaluation set version = version + 1 where id = ? and version = ?").params(e.id(), e.version()).update() == 1;
    }

    /** Keeps what each leaf earned at signing. */
    void keepScores(long evaluationId, ScoreSheet sheet) {
        for (ScoreSheet.Line l : sheet.lines()) {
            jdbc.sql("insert into evaluation_leaf_score (evaluation_id, leaf_code, effective_weight, earned, score) values (?, ?, ?, ?, ?)")
                    .params(evaluationId, l.leaf().code(), l.effectiveWeight(), l.earned(), l.score()).update();
        }
    }

    /** The leaves as signed: code → {effective weight, earned, score}. */
    java.util.Map<String, BigDecimal[]> keptScores(long evaluationId) {
        java.util.Map<String, BigDecimal[]> kept = new java.util.HashMap<>();
        jdbc.sql("select leaf_code, effective_weight, earned, score from evaluation_leaf_score where evaluation_id = ?").param(evaluationId)
                .query((rs, n) -> kept.put(rs.getString(1), new BigDecimal[]{rs.getBigDecimal(2), rs.getBigDecimal(3), rs.getBigDecimal(4)}))
                .list();
        return kept;
    }

    List<Long> scorers(long evaluationId) {
        List<Long> ids = new ArrayList<>(jdbc.sql("select distinct scored_by from evaluation_score where evaluation_id = ?")
                .param(evaluationId).query(Long.class).list());
        return ids;
    }

    static BigDecimal orZero(BigDecimal v) {
        return v == null ? BigDecimal.ZERO : v;
    }
}
