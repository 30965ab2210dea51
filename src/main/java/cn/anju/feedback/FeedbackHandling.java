package cn.anju.feedback;

import cn.anju.identity.CurrentUser;
import cn.anju.identity.ProjectOperators;
import cn.anju.shared.Duty;
import cn.anju.shared.Role;
import cn.anju.shared.web.ProblemException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;

/**
 * The handler's steps on a case: 受理 (accept, with kind and category, which set the reply clock), 不予受理 (reject with
 * where to go instead), placing an unmatched case on its project, 派单 (assign to a handler of the operator), start,
 * and 答复 (reply on the person's channel, which opens the follow-up).
 */
@NamedInterface("actions")
@Service
public class FeedbackHandling {

    private final JdbcClient jdbc;
    private final FeedbackRecords records;
    private final FeedbackClocks clocks;
    private final FeedbackOutbox outbox;
    private final FollowUps followUps;
    private final ProjectOperators operators;
    private final Clock clock;

    FeedbackHandling(JdbcClient jdbc, FeedbackRecords records, FeedbackClocks clocks, FeedbackOutbox outbox, FollowUps followUps,
                     ProjectOperators operators, Clock clock) {
        this.jdbc = jdbc;
        this.records = records;
        this.clocks = clocks;
        this.outbox = outbox;
        this.followUps = followUps;
        this.operators = operators;
        this.clock = clock;
    }

    /** Operator staff who take complaints: the manager, and staff with the 客服专员 duty. */
    static boolean handler(CurrentUser user) {
        return user.has(Role.OPERATOR_MANAGER) || user.has(Role.OPERATOR_STAFF) && user.duties().contains(Duty.COMPLAINT_HANDLER);
    }

    static boolean officer(CurrentUser user) {
        return user.has(Role.GOV_ADMIN) || user.has(Role.GOV_OFFICER);
    }

    static void requireHandler(CurrentUser user) {
        if (!handler(user)) {
            throw ProblemException.forbidden("FEEDBACK_HANDLER_ONLY", "由承接主体的客服专员或经理办理。");
        }
    }

    /** A case of the operator's own (placed on its project, or in its own queue); district queues are placed first. */
    private FeedbackCase own(CurrentUser user, long id) {
        requireHandler(user);
        FeedbackCase c = records.load(user, id);
        if (!user.organisationId().equals(c.operator())) {
            throw ProblemException.conflict("FEEDBACK_NOT_PLACED", "该案件尚未分派给贵单位：请先把它放到所属项目上（分派）。");
        }
        return c;
    }

    /** 受理: the kind and the category decide the reply clock, counted from the day the case came in. */
    @Transactional
    public void accept(CurrentUser user, long id, FeedbackKind kind, FeedbackCategory category) {
        FeedbackCase c = own(user, id);
        if (kind == null || category == null) {
            throw ProblemException.badRequest("FEEDBACK_KIND_REQUIRED", "请选择诉求类型（投诉、建议、咨询、求助、表扬）和业务类别。");
        }
        Instant now = clock.instant();
        var replyDue = clocks.replyBy(kind, clocks.day(c.receivedAt()), c.district(), c.externalDeadline());
        records.apply(c.accept(kind, category, replyDue, now), "受理：" + kind.label() + "／" + category.label(), user.id());
        FeedbackCase accepted = records.find(id);
        if (!kind.needsReply()) {
            records.apply(accepted.closeAcknowledged(now), "表扬已收悉，办结", user.id());
            records.send(accepted, ChannelReplier.Purpose.CLOSING, "感谢您的表扬，我们已转达相关人员。案件编号 " + c.number() + "。",
                    user.id(), outbox.canSend(accepted, sender(id)));
            return;
        }
        records.send(accepted, ChannelReplier.Purpose.ACKNOWLEDGEMENT, "您的" + kind.label() + "已受理（案件编号 " + c.number()
                + "），我们将在 " + replyDue + " 前答复您。", user.id(), outbox.canSend(accepted, sender(id)));
    }

    /** 不予受理: not the operator's or the bureau's to handle; the reason says where to go instead. */
    @Transactional
    public void reject(CurrentUser user, long id, String reason) {
        FeedbackCase c = officer(user) ? records.load(user, id) : own(user, id);
        if (reason == null || reason.isBlank()) {
            throw ProblemException.badRequest("FEEDBACK_REASON_REQUIRED", "请写明不予受理的理由，以及应向哪个部门反映。");
        }
        records.apply(c.reject(reason.trim(), clock.instant()), "不予受理：" + reason.trim(), user.id());
        records.send(c, ChannelReplier.Purpose.CLOSING, "您的诉求（案件编号 " + c.number() + "）不属于公租房运营服务范围：" + reason.trim(),
                user.id(), outbox.canSend(c, sender(id)));
    }

    /**
     * Places an unmatched case on the project it concerns: the project's operator on the day takes it. The district's
     * officers place their district's queue (the city's officers the city's); an operator's manager its own queue.
     */
    @Transactional
    public void place(CurrentUser user, long id, long projectId) {
        FeedbackCase c = records.load(user, id);
        if (!(officer(user) || user.has(Role.OPERATOR_MANAGER))) {
            throw ProblemException.forbidden("FEEDBACK_PLACE_ROLE", "由区县住房保障部门或承接主体经理分派。");
        }
        if (c.project() != null) {
            throw ProblemException.conflict("FEEDBACK_ALREADY_PLACED", "该案件已在所属项目上。");
        }
        var place = jdbc.sql("select district_code from project_place where project_id = ?").param(projectId).query(String.class).optional()
                .orElseThrow(() -> ProblemException.notFound("PROJECT_NOT_FOUND", "项目不存在。"));
        if (c.district() != null && !c.district().equals(place)) {
            throw ProblemException.badRequest("FEEDBACK_OTHER_DISTRICT", "该项目不在案件所属区县。");
        }
        Long operator = operators.serving(place, projectId, clocks.day(clock.instant()))
                .orElseThrow(() -> ProblemException.conflict("PROJECT_WITHOUT_OPERATOR", "该项目目前没有承接主体，请先确定承接主体。"));
        int updated = jdbc.sql("""
                        update feedback_case set project_id = ?, district_code = ?, operator_id = ?, version = version + 1
                         where id = ? and version = ?""")
                .params(projectId, place, operator, id, c.version()).update();
        if (updated == 0) {
            throw ProblemException.conflict("CONCURRENT_CHANGE", "投诉建议案件刚被他人办理或修改，请刷新后再试。");
        }
        records.step(id, c.state(), c.state(), "分派到项目", user.id());
    }

    /** 派单 to a handler of the operator (the manager, or a 客服专员); again to another when reassigned. */
    @Transactional
    public void assign(CurrentUser user, long id, long handlerId) {
        FeedbackCase c = own(user, id);
        boolean sameOrganisation = jdbc.sql("select count(*) from staff_name where user_id = ? and organisation_id = ?")
                .params(handlerId, user.organisationId()).query(Long.class).single() == 1;
        if (!sameOrganisation) {
            throw ProblemException.badRequest("FEEDBACK_HANDLER_UNKNOWN", "请选择本单位的客服专员。");
        }
        records.apply(c.assign(handlerId), "派单", user.id());
    }

    @Transactional
    public void start(CurrentUser user, long id) {
        FeedbackCase c = own(user, id);
        records.apply(c.start(), c.state() == FeedbackState.REOPENED ? "重新办理" : "开始办理", user.id());
    }

    /** 答复 on the person's channel; the follow-up link goes with it (its token returned, for the demo's tenants to use). */
    @Transactional
    public String reply(CurrentUser user, long id, String text) {
        FeedbackCase c = own(user, id);
        if (text == null || text.isBlank() || text.length() > 5000) {
            throw ProblemException.badRequest("FEEDBACK_REPLY_REQUIRED", "请填写答复内容（不超过5000字）。");
        }
        if (c.pausedSince() != null) {
            // the pause's working days move the deadline on only when it ends, so a reply ends it first, visibly
            throw ProblemException.conflict("FEEDBACK_PAUSED", "该案件正在暂停计时：请先恢复计时（期限将顺延），再答复。");
        }
        records.apply(c.reply(text.trim(), clock.instant()), "答复", user.id());
        FeedbackCase replied = records.find(id);
        boolean deliverable = outbox.canSend(replied, sender(id));
        records.send(replied, ChannelReplier.Purpose.REPLY, "关于您的诉求（案件编号 " + c.number() + "）的答复：" + text.trim(), user.id(),
                deliverable);
        return followUps.invite(replied, user.id(), deliverable);
    }

    private String sender(long id) {
        return jdbc.sql("select sender from feedback_case where id = ?").param(id).query(String.class).optional().orElse(null);
    }
}
