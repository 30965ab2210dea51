package cn.anju.identity;

import cn.anju.audit.AuditLog;
import cn.anju.audit.AuditOutcome;
import cn.anju.shared.web.ProblemException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;

/**
 * The only writer of operator coverage: the contract module records here what a service contract grants (signing), changes
 * (an amendment adding or dropping a project, moving the end) and takes back (ending, terminating). Identity does not know
 * contracts beyond their id and number, so it never depends on the contract module; the contract module checks who may act.
 * Dates govern: a row grants from its first day through its last, then for {@code windDownDays} only what
 * {@link DataScopes#finishing} allows.
 */
@NamedInterface("actions")
@Service
public class ContractCoverage {

    private final JdbcClient jdbc;
    private final Organisations organisations;
    private final AuditLog audit;
    private final Clock clock;

    ContractCoverage(JdbcClient jdbc, Organisations organisations, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.organisations = organisations;
        this.audit = audit;
        this.clock = clock;
    }

    /** A contract's grant: the whole district ({@code projectId} empty, new projects included) or one project. */
    public record Grant(long contractId, String contractNo, long operatorId, String districtCode, Long projectId,
                        LocalDate from, LocalDate to, int windDownDays, String title) {
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void grant(long actorId, Grant g) {
        Organisation operator = organisations.findById(g.operatorId())
                .orElseThrow(() -> ProblemException.badRequest("OPERATOR_NOT_FOUND", "所选承接主体不存在。"));
        if (operator.type() != OrganisationType.OPERATOR) {
            throw ProblemException.badRequest("NOT_AN_OPERATOR", "服务合同只能与承接主体签订。");
        }
        long id = jdbc.sql("""
                        insert into operator_coverage (operator_id, district_code, project_id, valid_from, valid_to, note,
                                                       created_by, created_at, contract_id, contract_no, wind_down_days)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(g.operatorId(), g.districtCode(), g.projectId(), g.from(), g.to(), g.title(), actorId,
                        java.sql.Timestamp.from(clock.instant()), g.contractId(), g.contractNo(), g.windDownDays())
                .query(Long.class).single();
        audit.record(IdentityAudit.COVERAGE_GRANT, "operator_coverage", id, AuditOutcome.SUCCESS, Map.of(
                "contractId", g.contractId(), "operatorId", g.operatorId(), "district", g.districtCode(),
                "from", g.from().toString(), "to", g.to() == null ? "" : g.to().toString()));
    }

    /** The contract stops covering one project after {@code lastDay} (an amendment dropping it); rows not begun are withdrawn. */
    @Transactional(propagation = Propagation.MANDATORY)
    public int endProject(long actorId, long contractId, long projectId, LocalDate lastDay) {
        int n = jdbc.sql("""
                        update operator_coverage set valid_to = greatest(?, valid_from - 1), ended_by = ?, ended_at = ?
                         where contract_id = ? and project_id = ? and (valid_to is null or valid_to > ?)""")
                .params(lastDay, actorId, java.sql.Timestamp.from(clock.instant()), contractId, projectId, lastDay).update();
        record(IdentityAudit.COVERAGE_END, contractId, Map.of("projectId", projectId, "lastDay", lastDay.toString(), "rows", n));
        return n;
    }

    /**
     * The contract's last day moves from {@code oldEnd} to {@code newEnd} (an amendment, a termination): rows that ran to
     * the old end run to the new one; a shorter term also ends rows that ran past it and withdraws rows not begun by then.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public int moveEnd(long actorId, long contractId, LocalDate oldEnd, LocalDate newEnd) {
        var now = java.sql.Timestamp.from(clock.instant());
        int n = jdbc.sql("""
                        update operator_coverage set valid_to = greatest(?, valid_from - 1), ended_by = ?, ended_at = ?
                         where contract_id = ? and (valid_to is null or valid_to > ? or valid_to is not distinct from ?)""")
                .params(newEnd, actorId, now, contractId, newEnd, oldEnd).update();
        record(IdentityAudit.COVERAGE_END, contractId, Map.of("lastDay", newEnd.toString(), "rows", n));
        return n;
    }

    private void record(IdentityAudit action, long contractId, Map<String, Object> details) {
        audit.record(action, "service_contract", contractId, AuditOutcome.SUCCESS, details);
    }
}
