package cn.anju.feedback;

import cn.anju.audit.AuditLog;
import cn.anju.audit.AuditOutcome;
import cn.anju.identity.CurrentUser;
import cn.anju.shared.state.StateChange;
import cn.anju.shared.state.StateChanges;
import cn.anju.shared.web.ProblemException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

/**
 * What every step of a case shares: loading a case the user may see, applying a step with the version check, and
 * writing it on the case's timeline (steps and messages) and the audit log.
 */
@Component
class FeedbackRecords {

    private final JdbcClient jdbc;
    private final FeedbackScope scope;
    private final StateChanges changes;
    private final AuditLog audit;
    private final Clock clock;

    FeedbackRecords(JdbcClient jdbc, FeedbackScope scope, StateChanges changes, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.scope = scope;
        this.changes = changes;
        this.audit = audit;
        this.clock = clock;
    }

    FeedbackCase find(long id) {
        return jdbc.sql("""
                        select id, case_number, channel, kind, state, district_code, project_id, operator_id, household_id, handler_id,
                               anonymous, received_at, reply_due_on, external_deadline, reopen_count, follow_up_tries, escalated_at,
                               paused_since, version
                          from feedback_case where id = ?""")
                .param(id)
                .query((rs, n) -> new FeedbackCase(rs.getLong(1), rs.getString(2), Channel.valueOf(rs.getString(3)),
                        FeedbackKind.valueOf(rs.getString(4)), FeedbackState.valueOf(rs.getString(5)), rs.getString(6),
                        (Long) rs.getObject(7), (Long) rs.getObject(8), (Long) rs.getObject(9), (Long) rs.getObject(10),
                        rs.getBoolean(11), rs.getTimestamp(12).toInstant(), rs.getObject(13, LocalDate.class),
                        instant(rs.getTimestamp(14)), rs.getInt(15), rs.getInt(16), instant(rs.getTimestamp(17)),
                        instant(rs.getTimestamp(18)), rs.getInt(19)))
                .optional().orElseThrow(FeedbackRecords::notFound);
    }

    /** A case the user may see; any other is "not found", so its existence does not leak. */
    FeedbackCase load(CurrentUser user, long id) {
        FeedbackCase c = find(id);
        if (!scope.sees(user, c)) {
            throw notFound();
        }
        return c;
    }

    static ProblemException notFound() {
        return ProblemException.notFound("FEEDBACK_CASE_NOT_FOUND", "投诉建议案件不存在，或不在您的服务范围内。");
    }

    /** Applies a step with the version check; its note goes on the timeline, the step on the audit log. */
    void apply(StateChange<FeedbackState> change, String note, Long actorId) {
        changes.apply(change, c -> {
            step(c.id(), c.from(), c.to(), note, actorId);
            audit.record(FeedbackAudit.reached(c.to()), "feedback_case", c.id(), AuditOutcome.SUCCESS, Map.of("from", c.from().name()));
        });
    }

    /** A step on the case's timeline; {@code from} is null for the case's arrival. */
    void step(long caseId, FeedbackState from, FeedbackState to, String note, Long actorId) {
        jdbc.sql("insert into feedback_event (case_id, from_state, to_state, note, actor_id, at) values (?, ?, ?, ?, ?, ?)")
                .params(caseId, from == null ? null : from.name(), to.name(), note, actorId, now()).update();
    }

    /**
     * A message out on the case's own channel, waiting for {@link FeedbackOutbox}; a channel nobody can answer on
     * (the hotline and the counter: staff call back) and an anonymous case keep it on the timeline only.
     */
    void send(FeedbackCase c, ChannelReplier.Purpose purpose, String body, Long actorId, boolean deliverable) {
        jdbc.sql("""
                        insert into feedback_message (case_id, direction, channel, purpose, body, at, actor_id, status, next_attempt_at)
                        values (?, 'OUT', ?, ?, ?, ?, ?, ?, ?)""")
                .params(c.id(), c.channel().name(), purpose.name(), body, now(), actorId, deliverable ? "PENDING" : "RECORDED",
                        deliverable ? now() : null).update();
    }

    /** A note on the timeline (a call made, a pause, supervision): no state changes. */
    void note(long caseId, String body, Long actorId) {
        jdbc.sql("insert into feedback_message (case_id, direction, channel, purpose, body, at, actor_id) "
                        + "select id, 'OUT', channel, 'NOTE', ?, ?, ? from feedback_case where id = ?")
                .params(body, now(), actorId, caseId).update();
    }

    /** One more try to reach the tenant after a reply, with the version check. */
    void missedFollowUp(FeedbackCase c) {
        touch(jdbc.sql("update feedback_case set follow_up_tries = follow_up_tries + 1, version = version + 1 where id = ? and version = ?")
                .params(c.id(), c.version()).update());
    }

    /** Dissatisfied more often than the operator may reopen: the district takes it up. */
    void escalate(FeedbackCase c, Long actorId) {
        touch(jdbc.sql("update feedback_case set escalated_at = ?, version = version + 1 where id = ? and version = ?")
                .params(now(), c.id(), c.version()).update());
        step(c.id(), c.state(), c.state(), "多次回访不满意，已上报区县住房保障部门督办", actorId);
        audit.record(FeedbackAudit.FEEDBACK_ESCALATE, "feedback_case", c.id(), AuditOutcome.SUCCESS, Map.of());
    }

    private static void touch(int updated) {
        if (updated == 0) {
            throw ProblemException.conflict(StateChanges.CONCURRENT_CHANGE, "投诉建议案件刚被他人办理或修改，请刷新后再试。");
        }
    }

    Timestamp now() {
        return Timestamp.from(clock.instant());
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
