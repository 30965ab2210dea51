package cn.anju.evaluation;

import cn.anju.shared.files.FileStore;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Financial reports and accounting firms. */
@Repository
class FinancialReportRecords {

    private final JdbcClient jdbc;

    FinancialReportRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Firm(long id, String name, String licenceNo) {
    }

    Optional<Firm> firmByLicence(String licenceNo) {
        return jdbc.sql("select id, name, licence_no from accounting_firm where licence_no = ?").param(licenceNo)
                .query((rs, n) -> new Firm(rs.getLong(1), rs.getString(2), rs.getString(3))).optional();
    }

    List<Firm> firms() {
        return jdbc.sql("select id, name, licence_no from accounting_firm order by name").query((rs, n) -> new Firm(rs.getLong(1),
                rs.getString(2), rs.getString(3))).list();
    }

    long insertFirm(String name, String licenceNo, long by, Instant at) {
        return jdbc.sql("insert into accounting_firm (name, licence_no, created_by, created_at) values (?, ?, ?, ?) returning id")
                .params(name, licenceNo, by, Timestamp.from(at)).query(Long.class).single();
    }

    record NewReport(long contractId, String districtCode, long operatorId, String period, FinancialReport.Kind kind, LocalDate dueOn,
                     FinancialReport.Figures figures, Long firmId, FinancialReport.Opinion opinion, FileStore.StoredFile file, String fileName) {
    }

    long insert(NewReport r, long by, Instant at) {
        FinancialReport.Figures f = r.figures();
        return jdbc.sql("""
                        insert into financial_report (contract_id, district_code, operator_id, period, kind, due_on, status, income_fen,
                               cost_move_fen, cost_rent_fen, cost_maintenance_fen, cost_general_fen, staff, firm_id, opinion, file_key,
                               file_name, file_sha256, submitted_by, submitted_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(r.contractId(), r.districtCode(), r.operatorId(), r.period(), r.kind().name(), r.dueOn(),
                        FinancialReport.Status.SUBMITTED.name(), f == null ? null : f.incomeFen(), f == null ? null : f.moveFen(),
                        f == null ? null : f.rentFen(), f == null ? null : f.maintenanceFen(), f == null ? null : f.generalFen(),
                        f == null ? null : f.staff(), r.firmId(), r.opinion() == null ? null : r.opinion().name(), r.file().key(), r.fileName(),
                        r.file().sha256(), by, Timestamp.from(at))
                .query(Long.class).single();
    }

    Optional<FinancialReport> find(long id) {
        return jdbc.sql("select * from financial_report where id = ?").param(id).query(this::map).optional();
    }

    List<FinancialReport> ofContracts(Collection<Long> contractIds) {
        return jdbc.sql("select * from financial_report where contract_id = any(?) order by period desc, kind, id desc")
                .param(contractIds.toArray(Long[]::new)).query(this::map).list();
    }

    boolean decide(FinancialReport r, FinancialReport.Status to, String decision, long by, Instant at) {
        return jdbc.sql("""
                        update financial_report set status = ?, decision = ?, decided_by = ?, decided_at = ?, version = version + 1
                         where id = ? and version = ? and status = ?""")
                .params(to.name(), decision, by, Timestamp.from(at), r.id(), r.version(), FinancialReport.Status.SUBMITTED.name())
                .update() == 1;
    }

    private FinancialReport map(ResultSet rs, int n) throws SQLException {
        FinancialReport.Kind kind = FinancialReport.Kind.valueOf(rs.getString("kind"));
        FinancialReport.Figures figures = kind == FinancialReport.Kind.AUDIT ? null : new FinancialReport.Figures(rs.getLong("income_fen"),
                rs.getLong("cost_move_fen"), rs.getLong("cost_rent_fen"), rs.getLong("cost_maintenance_fen"), rs.getLong("cost_general_fen"),
                rs.getInt("staff"));
        String opinion = rs.getString("opinion");
        return new FinancialReport(rs.getLong("id"), rs.getLong("contract_id"), rs.getString("district_code"), rs.getLong("operator_id"),
                rs.getString("period"), kind, rs.getObject("due_on", LocalDate.class), FinancialReport.Status.valueOf(rs.getString("status")),
                figures, (Long) rs.getObject("firm_id"), opinion == null ? null : FinancialReport.Opinion.valueOf(opinion),
                rs.getString("file_name"), rs.getString("file_sha256"), rs.getTimestamp("submitted_at").toInstant(), rs.getString("decision"),
                rs.getInt("version"));
    }
}
