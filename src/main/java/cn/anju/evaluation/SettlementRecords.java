package cn.anju.evaluation;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Settlements and their lines. */
@Repository
class SettlementRecords {

    private final JdbcClient jdbc;

    SettlementRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(Evaluation e, SettlementMath.Statement s, long by, Instant at) {
        long id = jdbc.sql("""
                        insert into settlement (evaluation_id, contract_id, district_code, period, status, total_fen, payable_ratio,
                                                prepared_by, prepared_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(e.id(), e.contractId(), e.districtCode(), e.period().code(), SettlementStatus.DRAFT.name(), s.totalFen(),
                        s.payableRatio(), by, Timestamp.from(at)).query(Long.class).single();
        int position = 0;
        for (SettlementLine l : s.lines()) {
            jdbc.sql("insert into settlement_line (settlement_id, position, kind, label, basis, amount_fen) values (?, ?, ?, ?, ?, ?)")
                    .params(id, position++, l.kind().name(), l.label(), l.basis(), l.amountFen()).update();
        }
        return id;
    }

    boolean deleteDraft(Settlement s) {
        jdbc.sql("delete from settlement_line where settlement_id = ?").param(s.id()).update();
        return jdbc.sql("delete from settlement where id = ? and version = ? and status = ?")
                .params(s.id(), s.version(), SettlementStatus.DRAFT.name()).update() == 1;
    }

    Optional<Settlement> find(long id) {
        return jdbc.sql("select * from settlement where id = ?").param(id).query(this::map).optional();
    }

    Optional<Settlement> ofEvaluation(long evaluationId) {
        return jdbc.sql("select * from settlement where evaluation_id = ?").param(evaluationId).query(this::map).optional();
    }

    List<Settlement> ofEvaluations(Collection<Long> evaluationIds) {
        return jdbc.sql("select * from settlement where evaluation_id = any(?) order by period desc, id desc")
                .param(evaluationIds.toArray(Long[]::new)).query(this::map).list();
    }

    /** Every approved or paid settlement, the oldest first. */
    List<Settlement> approved() {
        return jdbc.sql("select * from settlement where status <> ? order by approved_at, id").param(SettlementStatus.DRAFT.name())
                .query(this::map).list();
    }

    /** What the contract's settled quarters of a year withheld (the holdback lines, as positive fen). */
    long withheld(long contractId, int year) {
        return jdbc.sql("""
                        select coalesce(-sum(l.amount_fen), 0) from settlement s join settlement_line l on l.settlement_id = s.id
                         where s.contract_id = ? and s.period like ? and s.status <> ? and l.kind = ?""")
                .params(contractId, year + "Q%", SettlementStatus.DRAFT.name(), SettlementLine.Kind.HOLDBACK.name()).query(Long.class).single();
    }

    /** The contract's quarters of the year settled (approved or paid). */
    List<String> settledPeriods(long contractId, int year) {
        return jdbc.sql("select period from settlement where contract_id = ? and period like ? and status <> ?")
                .params(contractId, year + "Q%", SettlementStatus.DRAFT.name()).query(String.class).list();
    }

    LocalDate approvedOn(Settlement s, ZoneId zone) {
        return jdbc.sql("select approved_at from settlement where id = ?").param(s.id()).query(Timestamp.class).optional()
                .map(t -> t.toInstant().atZone(zone).toLocalDate()).orElse(null);
    }

    private List<SettlementLine> lines(long id) {
        return jdbc.sql("select kind, label, basis, amount_fen from settlement_line where settlement_id = ? order by position").param(id)
                .query((rs, n) -> new SettlementLine(SettlementLine.Kind.valueOf(rs.getString(1)), rs.getString(2), rs.getString(3),
                        rs.getLong(4))).list();
    }

    private Settlement map(ResultSet rs, int n) throws SQLException {
        long id = rs.getLong("id");
        return new Settlement(id, rs.getLong("evaluation_id"), rs.getLong("contract_id"), rs.getString("district_code"),
                rs.getString("period"), SettlementStatus.valueOf(rs.getString("status")), rs.getLong("total_fen"),
                rs.getBigDecimal("payable_ratio"), rs.getLong("prepared_by"), rs.getTimestamp("prepared_at").toInstant(),
                (Long) rs.getObject("approved_by"), rs.getString("voucher_no"), rs.getObject("paid_on", LocalDate.class), rs.getInt("version"),
                lines(id));
    }
}
