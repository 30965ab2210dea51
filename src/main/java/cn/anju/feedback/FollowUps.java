package cn.anju.feedback;

import cn.anju.shared.crypto.Crypto;
import cn.anju.shared.crypto.CryptoPurpose;
import cn.anju.identity.CurrentUser;
import cn.anju.shared.Role;
import cn.anju.shared.web.ProblemException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Base64;
import java.util.Optional;

/**
 * 回访: after a reply the tenant says whether they are satisfied, by the link sent on their channel or on their own
 * page, so the operator cannot grade itself. An answer taken by phone says who called and is marked as entered by the
 * operator; the district's sample (回访抽查) is kept apart. Dissatisfied reopens the case, at most
 * {@code feedback.max_reopens} times, then the district takes it up; nobody reached after three tries over two working
 * days closes it as 回访未果.
 */
@NamedInterface("actions")
@Service
public class FollowUps {

    @NamedInterface("actions")
    public enum Answer { SATISFIED, BASICALLY_SATISFIED, DISSATISFIED }

    enum Source { TENANT, OPERATOR_PHONE, DISTRICT_SAMPLE }

    static final int TRIES = 3;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final FeedbackRecords records;
    private final FeedbackClocks clocks;
    private final Clock clock;
    private final String publicUrl;
    private final Crypto crypto;

    /** The tenant's link is kept only as its digest; links sent before a switch of the suite still open. */
    static final CryptoPurpose LINK = CryptoPurpose.stored("feedback-follow-up-link");

    FollowUps(JdbcClient jdbc, FeedbackRecords records, FeedbackClocks clocks, Clock clock,
              @Value("${anju.feedback.public-url:http://localhost:8080}") String publicUrl, Crypto crypto) {
        this.crypto = crypto;
        this.jdbc = jdbc;
        this.records = records;
        this.clocks = clocks;
        this.clock = clock;
        this.publicUrl = publicUrl;
    }

    /** The tenant's link, sent with the reply; its digest only is kept. */
    String invite(FeedbackCase c, Long actorId, boolean deliverable) {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        jdbc.sql("insert into feedback_follow_up (case_id, round, source, reached, at, token_hash) values (?, ?, 'TENANT', false, ?, ?)")
                .params(c.id(), c.reopenCount(), records.now(), crypto.digest(LINK, token).tagged()).update();
        records.send(c, ChannelReplier.Purpose.FOLLOW_UP, "您对本次办理满意吗？请点击评价：" + publicUrl + "/feedback/follow-up/" + token,
                actorId, deliverable);
        return token;
    }

    /** What the link's page shows: the case number and the reply, nothing personal. */
    public record Invitation(long caseId, String caseNumber, String reply, boolean answered) {
    }

    public Optional<Invitation> invitation(String token) {
        if (token == null || token.length() > 64) {
            return Optional.empty();
        }
        return jdbc.sql("""
                        select c.id, c.case_number, c.reply, f.answer is not null or c.state <> 'REPLIED'
                          from feedback_follow_up f join feedback_case c on c.id = f.case_id where f.token_hash = any(?)""")
                .param(crypto.storedForms(LINK, token).toArray(String[]::new))
                .query((rs, n) -> new Invitation(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getBoolean(4))).optional();
    }

    /** The tenant answers by the link: one answer per link, and only while the case waits for it. */
    @Transactional
    public void answerByLink(String token, Answer answer, String comment) {
        Invitation i = invitation(token).filter(x -> !x.answered())
                .orElseThrow(() -> ProblemException.notFound("FOLLOW_UP_LINK_INVALID", "评价链接无效或已使用。"));
        requireAnswer(answer);
        jdbc.sql("update feedback_follow_up set answer = ?, reached = true, comment = ?, at = ? where token_hash = any(?) and answer is null")
                .params(answer.name(), trim(comment), records.now(), crypto.storedForms(LINK, token).toArray(String[]::new)).update();
        conclude(records.find(i.caseId()), answer, null, "住户评价：");
    }

    /** The tenant answers on their own page (signed in: their household's case). */
    @Transactional
    public void answerAsTenant(CurrentUser tenant, long caseId, Answer answer, String comment) {
        if (!tenant.has(Role.TENANT)) {
            throw ProblemException.forbidden("FOLLOW_UP_TENANT_ONLY", "由住户本人评价。");
        }
        requireAnswer(answer);
        FeedbackCase c = records.load(tenant, caseId);
        insert(c, Source.TENANT, answer, true, comment, tenant.id());
        conclude(c, answer, tenant.id(), "住户评价：");
    }

    /** A handler's call: reached (the answer, marked as entered by the operator) or not (one more try). */
    @Transactional
    public void recordCall(CurrentUser handler, long caseId, boolean reached, Answer answer, String comment) {
        FeedbackHandling.requireHandler(handler);
        FeedbackCase c = records.load(handler, caseId);
        if (c.state() != FeedbackState.REPLIED) {
            throw ProblemException.conflict("FOLLOW_UP_NOT_DUE", "案件答复后才回访。");
        }
        if (!reached) {
            insert(c, Source.OPERATOR_PHONE, null, false, comment, handler.id());
            records.missedFollowUp(c);
            records.note(caseId, "回访未接通（第" + (c.followUpTries() + 1) + "次）", handler.id());
            FeedbackCase tried = records.find(caseId);
            if (tried.followUpTries() >= TRIES && triedOverTwoWorkingDays(caseId)) {
                records.apply(tried.closeUnreached(clock.instant()), "三次回访未接通，回访未果办结", handler.id());
            }
            return;
        }
        requireAnswer(answer);
        insert(c, Source.OPERATOR_PHONE, answer, true, comment, handler.id());
        conclude(c, answer, handler.id(), "电话回访（运营方录入）：");
    }

    /** 回访抽查: a district officer asks again; kept apart from the operator's follow-up, the case does not move. */
    @Transactional
    public void sample(CurrentUser officer, long caseId, boolean reached, Answer answer, String comment) {
        if (!FeedbackHandling.officer(officer)) {
            throw ProblemException.forbidden("FOLLOW_UP_SAMPLE_OFFICER", "回访抽查由区县住房保障部门进行。");
        }
        FeedbackCase c = records.load(officer, caseId);
        if (reached) {
            requireAnswer(answer);
        }
        insert(c, Source.DISTRICT_SAMPLE, reached ? answer : null, reached, comment, officer.id());
        records.note(caseId, "区县回访抽查：" + (reached ? label(answer) : "未接通"), officer.id());
    }

    private void conclude(FeedbackCase c, Answer answer, Long actorId, String how) {
        records.apply(c.followedUp(), how + label(answer), actorId);
        FeedbackCase f = records.find(c.id());
        if (answer != Answer.DISSATISFIED) {
            records.apply(f.close(clock.instant()), "办结", actorId);
        } else if (f.reopenCount() < clocks.integer("feedback.max_reopens", f.district())) {
            LocalDate due = clocks.replyBy(f.kind(), clocks.day(clock.instant()), f.district(), f.externalDeadline());
            records.apply(f.reopen(due), "不满意，重新办理（第" + (f.reopenCount() + 1) + "次）", actorId);
        } else {
            records.escalate(f, actorId);
        }
    }

    private boolean triedOverTwoWorkingDays(long caseId) {
        Optional<LocalDate> first = jdbc.sql("""
                        select min(at) from feedback_follow_up f join feedback_case c on c.id = f.case_id
                         where f.case_id = ? and f.source = 'OPERATOR_PHONE' and not f.reached and f.round = c.reopen_count""")
                .param(caseId).query((rs, n) -> rs.getTimestamp(1)).optional().filter(t -> t != null)
                .map(t -> clocks.day(t.toInstant()));
        return first.isPresent() && clocks.workingDaysBetween(first.get(), clocks.day(clock.instant())) >= 2;
    }

    private void insert(FeedbackCase c, Source source, Answer answer, boolean reached, String comment, Long actorId) {
        jdbc.sql("insert into feedback_follow_up (case_id, round, source, answer, reached, comment, called_by, at) values (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(c.id(), c.reopenCount(), source.name(), answer == null ? null : answer.name(), reached, trim(comment), actorId,
                        records.now()).update();
    }

    private static void requireAnswer(Answer answer) {
        if (answer == null) {
            throw ProblemException.badRequest("FOLLOW_UP_ANSWER_REQUIRED", "请选择：满意、基本满意或不满意。");
        }
    }

    static String label(Answer a) {
        return switch (a) {
            case SATISFIED -> "满意";
            case BASICALLY_SATISFIED -> "基本满意";
            case DISSATISFIED -> "不满意";
        };
    }

    private static String trim(String s) {
        return s == null || s.isBlank() ? null : s.trim().substring(0, Math.min(s.trim().length(), 1000));
    }
}
