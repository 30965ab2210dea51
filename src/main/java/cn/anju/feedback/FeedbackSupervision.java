package cn.anju.feedback;

import cn.anju.audit.AuditLog;
import cn.anju.audit.AuditOutcome;
import cn.anju.identity.CurrentUser;
import cn.anju.inspection.CaseType;
import cn.anju.inspection.ViolationCases;
import cn.anju.maintenance.Category;
import cn.anju.maintenance.ScopeGuard;
import cn.anju.maintenance.WorkOrders;
import cn.anju.maintenance.WorkType;
import cn.anju.shared.web.ProblemException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * What happens beside the steps: a pause of the reply clock (with its reason, shown), the district's 督办 with its own
 * deadline, the district's decision on an escalated case, a work order or violation case opened from the case in one
 * step, and a duplicate joined to its parent (answered together, counted once).
 */
@NamedInterface("actions")
@Service
public class FeedbackSupervision {

    private final JdbcClient jdbc;
    private final FeedbackRecords records;
    private final FeedbackClocks clocks;
    private final WorkOrders workOrders;
    private final ViolationCases violations;
    private final AuditLog audit;
    private final Clock clock;

    FeedbackSupervision(JdbcClient jdbc, FeedbackRecords records, FeedbackClocks clocks, WorkOrders workOrders, ViolationCases violations,
                        AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.records = records;
        this.clocks = clocks;
        this.workOrders = workOrders;
        this.violations = violations;
        this.audit = audit;
        this.clock = clock;
    }

    /** The clock stops (waiting for the tenant, for another body): the reason shows on the timeline and the desk. */
    @Transactional
    public void pause(CurrentUser user, long id, String reason) {
        FeedbackHandling.requireHandler(user);
        FeedbackCase c = records.load(user, id);
        if (reason == null || reason.isBlank()) {
            throw ProblemException.badRequest("FEEDBACK_PAUSE_REASON", "请写明暂停计时的原因（如等待住户补充材料）。");
        }
        if (!FeedbackState.AWAITING_REPLY.contains(c.state()) || c.pausedSince() != null) {
            throw ProblemException.conflict("FEEDBACK_PAUSE_STATE", "只有受理后、答复前且未暂停的案件可以暂停计时。");
        }
        update(c, "update feedback_case set paused_since = ?, pause_reason = ?, version = version + 1 where id = ? and version = ?",
                records.now(), reason.trim(), id, c.version());
        jdbc.sql("insert into feedback_pause (case_id, reason, started_at, started_by) values (?, ?, ?, ?)")
                .params(id, reason.trim(), records.now(), user.id()).update();
        records.note(id, "暂停计时：" + reason.trim(), user.id());
        audit.record(FeedbackAudit.FEEDBACK_PAUSE, "feedback_case", id, AuditOutcome.SUCCESS, Map.of());
    }

    /** The clock runs again; the reply deadline moves on by the working days it stood still. */
    @Transactional
    public void resume(CurrentUser user, long id) {
        FeedbackHandling.requireHandler(user);
        FeedbackCase c = records.load(user, id);
        if (c.pausedSince() == null) {
            throw ProblemException.conflict("FEEDBACK_NOT_PAUSED", "该案件没有暂停计时。");
        }
        LocalDate today = clocks.day(clock.instant());
        LocalDate due = clocks.afterPause(c.replyDue(), clocks.day(c.pausedSince()), today);
        update(c, "update feedback_case set paused_since = null, pause_reason = null, reply_due_on = ?, version = version + 1"
                + " where id = ? and version = ?", Date.valueOf(due), id, c.version());
        jdbc.sql("update feedback_pause set ended_at = ? where case_id = ? and ended_at is null").params(records.now(), id).update();
        records.note(id, "恢复计时，答复期限顺延至 " + due, user.id());
        audit.record(FeedbackAudit.FEEDBACK_RESUME, "feedback_case", id, AuditOutcome.SUCCESS, Map.of());
    }

    /** 督办: a district officer marks an open case with a deadline of their own, which the desk then holds it to. */
    @Transactional
    public void supervise(CurrentUser officer, long id, LocalDate dueOn, String note) {
        requireOfficer(officer);
        FeedbackCase c = records.load(officer, id);
        if (dueOn == null || dueOn.isBefore(clocks.day(clock.instant()))) {
            throw ProblemException.badRequest("FEEDBACK_SUPERVISION_DUE", "请填写督办期限（不早于今天）。");
        }
        if (!c.open() && c.escalatedAt() == null) {
            throw ProblemException.conflict("FEEDBACK_SUPERVISION_STATE", "已办结的案件不能督办。");
        }
        String text = note == null || note.isBlank() ? "" : note.trim();
        update(c, "update feedback_case set supervised_at = ?, supervised_by = ?, supervised_due_on = ?, supervision_note = ?,"
                + " version = version + 1 where id = ? and version = ?", records.now(), officer.id(), Date.valueOf(dueOn), text, id, c.version());
        records.note(id, "区县督办，期限 " + dueOn + (text.isEmpty() ? "" : "：" + text), officer.id());
        audit.record(FeedbackAudit.FEEDBACK_SUPERVISE, "feedback_case", id, AuditOutcome.SUCCESS, Map.of("due", dueOn.toString()));
    }

    /** An escalated case: the district has it handled once more, or closes it with its own conclusion. */
    @Transactional
    public void decide(CurrentUser officer, long id, boolean reopen, String conclusion) {
        requireOfficer(officer);
        FeedbackCase c = records.load(officer, id);
        if (c.escalatedAt() == null || c.state() != FeedbackState.FOLLOWED_UP) {
            throw ProblemException.conflict("FEEDBACK_NOT_ESCALATED", "该案件没有上报区县。");
        }
        if (conclusion == null || conclusion.isBlank()) {
            throw ProblemException.badRequest("FEEDBACK_CONCLUSION_REQUIRED", "请写明区县的处理意见。");
        }
        if (reopen) {
            var due = clocks.replyBy(c.kind(), clocks.day(clock.instant()), c.district(), c.externalDeadline());
            records.apply(c.reopen(due), "区县要求重新办理：" + conclusion.trim(), officer.id());
        } else {
            records.apply(c.close(clock.instant()), "区县办结：" + conclusion.trim(), officer.id());
        }
    }

    /** A repair the case asks for becomes a work order of the case's project in one step, linked both ways. */
    @Transactional
    public long openWorkOrder(CurrentUser user, long id, Category category, ScopeGuard.Location location, WorkType workType,
                              WorkOrders.Priority priority) {
        FeedbackHandling.requireHandler(user);
        FeedbackCase c = linkable(user, id, Link.WORK_ORDER);
        String text = jdbc.sql("select text from feedback_case where id = ?").param(id).query(String.class).single();
        long order = workOrders.record(user, WorkOrders.Source.HOTLINE, new WorkOrders.Request(c.project(), null, null, category, location,
                workType, priority, "投诉建议 " + c.number() + "：" + text, null), List.of());
        link(c, Link.WORK_ORDER, order, "已转维修工单", user);
        return order;
    }

    /** A breach the case reports becomes a violation case about the household's lease, linked both ways. */
    @Transactional
    public long openViolationCase(CurrentUser user, long id, CaseType type) {
        FeedbackHandling.requireHandler(user);
        FeedbackCase c = linkable(user, id, Link.VIOLATION_CASE);
        Long lease = jdbc.sql("select lease_id from feedback_case where id = ?").param(id).query(Long.class).optional().orElse(null);
        String text = jdbc.sql("select text from feedback_case where id = ?").param(id).query(String.class).single();
        long opened = violations.open(user, new ViolationCases.Opening(lease, null, type, "投诉建议 " + c.number() + "：" + text,
                ViolationCases.CaseSource.STAFF));
        link(c, Link.VIOLATION_CASE, opened, "已转违规案件", user);
        return opened;
    }

    /** A duplicate or part of a mass incident: answered with its parent and counted once. */
    @Transactional
    public void joinParent(CurrentUser user, long id, long parentId) {
        FeedbackHandling.requireHandler(user);
        FeedbackCase c = records.load(user, id);
        FeedbackCase parent = records.load(user, parentId);
        if (parent.id() == c.id() || jdbc.sql("select parent_id from feedback_case where id = ?").param(parentId).query(Long.class)
                .optional().isPresent()) {
            throw ProblemException.badRequest("FEEDBACK_PARENT_INVALID", "请选择另一个（本身不是重复件的）案件作为主案件。");
        }
        link(c, Link.PARENT, parent.id(), "并入主案件 " + parent.number(), user);
    }

    private FeedbackCase linkable(CurrentUser user, long id, Link link) {
        FeedbackCase c = records.load(user, id);
        if (c.project() == null) {
            throw ProblemException.conflict("FEEDBACK_NOT_PLACED", "请先把案件分派到所属项目。");
        }
        boolean linked = jdbc.sql("select work_order_id is not null, violation_case_id is not null from feedback_case where id = ?")
                .param(id).query((rs, n) -> rs.getBoolean(link == Link.WORK_ORDER ? 1 : 2)).single();
        if (linked) {
            throw ProblemException.conflict("FEEDBACK_ALREADY_LINKED", "该案件已转办过。");
        }
        return c;
    }

    /** What a case links to, each with its one statement. */
    private enum Link {
        WORK_ORDER("update feedback_case set work_order_id = ?, version = version + 1 where id = ? and version = ?"),
        VIOLATION_CASE("update feedback_case set violation_case_id = ?, version = version + 1 where id = ? and version = ?"),
        PARENT("update feedback_case set parent_id = ?, version = version + 1 where id = ? and version = ?");

        private final String update;

        Link(String update) {
            this.update = update;
        }
    }

    private void link(FeedbackCase c, Link link, long target, String note, CurrentUser user) {
        update(c, link.update, target, c.id(), c.version());
        records.note(c.id(), note, user.id());
        audit.record(FeedbackAudit.FEEDBACK_LINK, "feedback_case", c.id(), AuditOutcome.SUCCESS, Map.of("target", String.valueOf(target)));
    }

    private void update(FeedbackCase c, String sql, Object... params) {
        if (jdbc.sql(sql).params(params).update() == 0) {
            throw ProblemException.conflict("CONCURRENT_CHANGE", "投诉建议案件" + c.number() + "刚被他人办理或修改，请刷新后再试。");
        }
    }

    private static void requireOfficer(CurrentUser user) {
        if (!FeedbackHandling.officer(user)) {
            throw ProblemException.forbidden("FEEDBACK_OFFICER_ONLY", "由区县住房保障部门办理。");
        }
    }
}
