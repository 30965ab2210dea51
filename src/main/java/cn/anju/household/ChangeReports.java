package cn.anju.household;

import cn.anju.audit.AuditLog;
import cn.anju.audit.AuditOutcome;
import cn.anju.identity.CurrentUser;
import cn.anju.shared.Role;
import cn.anju.shared.state.StateChanges;
import cn.anju.shared.web.ProblemException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Map;

/** Operators report what they observe about a household; the district officer accepts or rejects the report. */
@NamedInterface("actions")
@Service
public class ChangeReports {

    private final JdbcClient jdbc;
    private final HouseholdQueries households;
    private final AuditLog audit;
    private final StateChanges changes;
    private final Clock clock;

    ChangeReports(JdbcClient jdbc, HouseholdQueries households, AuditLog audit, StateChanges changes, Clock clock) {
        this.jdbc = jdbc;
        this.households = households;
        this.audit = audit;
        this.changes = changes;
        this.clock = clock;
    }

    @Transactional
    public long file(CurrentUser actor, long householdId, ChangeReportKind kind, String description) {
        if (!actor.hasAny(Role.OPERATOR_MANAGER, Role.OPERATOR_STAFF, Role.GOV_ADMIN, Role.GOV_OFFICER)) {
            throw ProblemException.forbidden("CHANGE_REPORT_FORBIDDEN", "只有承接主体或政府经办人可以报告住户变化。");
        }
        String district = households.districtInScope(actor, householdId);
        if (kind == null || description == null || description.isBlank() || description.length() > 1000) {
            throw ProblemException.badRequest("CHANGE_REPORT_INCOMPLETE", "请选择变化类型并填写说明（不超过1000字）。");
        }
        long id = jdbc.sql("""
                        insert into change_report (household_id, district_code, kind, description, status, reported_by, reported_at)
                        values (?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(householdId, district, kind.name(), description.trim(), ChangeReportStatus.PENDING.name(), actor.id(),
                        Timestamp.from(clock.instant()))
                .query(Long.class).single();
        audit.record(HouseholdAudit.CHANGE_REPORT_FILE, "change_report", id, AuditOutcome.SUCCESS, Map.of("household", householdId, "kind", kind.name()));
        return id;
    }

    @Transactional
    public void decide(CurrentUser actor, long reportId, boolean accept, String note) {
        ChangeReport report = jdbc.sql("select id, district_code, status, version from change_report where id = ?").param(reportId)
                .query((rs, n) -> new ChangeReport(rs.getLong(1), rs.getString(2), ChangeReportStatus.valueOf(rs.getString(3)), rs.getInt(4)))
                .optional().orElseThrow(() -> ProblemException.notFound("CHANGE_REPORT_NOT_FOUND", "变更报告不存在。"));
        GovernmentOnly.requireDistrictOfficer(actor, report.district());
        changes.apply(report.decide(accept, actor.id(), clock.instant(), note), c ->
                audit.record(HouseholdAudit.CHANGE_REPORT_DECIDE, "change_report", reportId, AuditOutcome.SUCCESS, Map.of("accepted", accept)));
    }
}
