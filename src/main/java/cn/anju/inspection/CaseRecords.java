package cn.anju.inspection;

import cn.anju.audit.AuditLog;
import cn.anju.audit.AuditOutcome;
import cn.anju.identity.CurrentUser;
import cn.anju.identity.DataScopes;
import cn.anju.identity.OrganisationType;
import cn.anju.shared.Role;
import cn.anju.shared.events.ResidentEvent;
import cn.anju.shared.state.StateChange;
import cn.anju.shared.state.StateChanges;
import cn.anju.shared.web.ProblemException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

/**
 * What every step of a violation case shares: loading a case the user may see (and may decide), applying a step's
 * change with the version check, writing it as an event of the case and on the audit log, and telling the
 * household's resident file.
 */
@Component
class CaseRecords {

    private final JdbcClient jdbc;
    private final DataScopes scopes;
    private final StateChanges changes;
    private final ApplicationEventPublisher events;
    private final AuditLog audit;
    private final Clock clock;

    CaseRecords(JdbcClient jdbc, DataScopes scopes, StateChanges changes, ApplicationEventPublisher events, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.scopes = scopes;
        this.changes = changes;
        this.events = events;
        this.audit = audit;
        this.clock = clock;
    }

    ViolationCase find(long id) {
        return jdbc.sql("""
                        select id, case_number, district_code, project_id, lease_id, household_id, type, state, decision, rectify_by, version
                          from violation_case where id = ?""")
                .param(id)
                .query((rs, n) -> new ViolationCase(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4),
                        (Long) rs.getObject(5), (Long) rs.getObject(6), CaseType.valueOf(rs.getString(7)),
                        CaseState.valueOf(rs.getString(8)), rs.getString(9) == null ? null : Decision.valueOf(rs.getString(9)),
                        rs.getObject(10, LocalDate.class), rs.getInt(11)))
                .optional().orElseThrow(CaseRecords::notFound);
    }

    /** A case the user may see; outside scope it does not exist. */
    ViolationCase load(CurrentUser actor, long id) {
        ViolationCase c = find(id);
        if (actor.has(Role.TENANT) || !scopes.of(actor).coversProject(c.district(), c.project())) {
            throw notFound();
        }
        return c;
    }

    /** A case only a housing officer of its own district may review and decide. */
    ViolationCase loadForOfficer(CurrentUser actor, long id) {
        ViolationCase c = load(actor, id);
        boolean officer = actor.hasAny(Role.GOV_ADMIN, Role.GOV_OFFICER)
                && actor.organisationType() == OrganisationType.DISTRICT_HOUSING && c.district().equals(actor.regionCode());
        if (!officer) {
            throw ProblemException.forbidden("CASE_GOVERNMENT_ONLY", "违规案件只能由房屋所在区县的住房保障部门审查和决定。");
        }
        return c;
    }

    private static ProblemException notFound() {
        return ProblemException.notFound("CASE_NOT_FOUND", "违规案件不存在。");
    }

    static void requireStaff(CurrentUser actor) {
        if (!actor.hasAny(Role.GOV_ADMIN, Role.GOV_OFFICER, Role.OPERATOR_MANAGER, Role.OPERATOR_STAFF)) {
            throw ProblemException.forbidden("CASE_FORBIDDEN", "违规案件由承接主体登记上报，由住房保障部门决定。");
        }
    }

    /** Applies a step with the version check; its note becomes an event of the case, the step goes on the audit log. */
    void apply(StateChange<CaseState> change, String note, Long actorId) {
        changes.apply(change, c -> {
            event(c.id(), c.from(), c.to(), note, actorId, clock.instant());
            audit.record(InspectionAudit.caseReached(c.to()), "violation_case", c.id(), AuditOutcome.SUCCESS,
                    Map.of("from", c.from().name()));
        });
    }

    /** An event of the case; {@code from} is null for its opening. */
    void event(long caseId, CaseState from, CaseState to, String note, Long actorId, Instant at) {
        jdbc.sql("insert into violation_case_event (case_id, from_state, to_state, note, actor_id, at) values (?, ?, ?, ?, ?, ?)")
                .params(caseId, from == null ? null : from.name(), to.name(), note, actorId, Timestamp.from(at)).update();
    }

    /** The household's resident file hears of its case. */
    void told(ViolationCase c, String kind, String title, String detail, Long actorId, Instant at) {
        if (c.household() != null) {
            events.publishEvent(new ResidentEvent(c.household(), kind, title, detail, "violation_case", c.id(), actorId, at));
        }
    }
}
