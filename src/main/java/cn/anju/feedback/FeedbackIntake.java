package cn.anju.feedback;

import cn.anju.shared.crypto.Crypto;
import cn.anju.shared.privacy.BlindIndexColumn;
import cn.anju.shared.privacy.EncryptedColumn;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Bean;
import cn.anju.audit.AuditLog;
import cn.anju.audit.AuditOutcome;
import cn.anju.household.HouseholdContacts;
import cn.anju.household.HouseholdQueries;
import cn.anju.identity.CurrentUser;
import cn.anju.shared.Duty;
import cn.anju.shared.Role;
import cn.anju.shared.events.ResidentEvent;
import cn.anju.shared.privacy.FieldCipher;
import cn.anju.shared.web.ProblemException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.security.SecureRandom;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The one intake: every channel's message becomes a case here, once. The pair (channel, externalId) is unique in the
 * database and the intake locks on it first, so a channel that retries, or twenty callers at once, make one case; a
 * repeat answers with the case it made.
 */
@NamedInterface("actions")
@Service
public class FeedbackIntake {

    static final String SENDER = "feedback_case.sender";
    /** Outside systems push these; the operator's staff take the hotline and the counter; the tenant's form is the web. */
    static final Set<Channel> OUTSIDE = EnumSet.of(Channel.WECHAT, Channel.WEIBO, Channel.EMAIL, Channel.CITY_12345);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final Triage triage;
    private final FeedbackClocks clocks;
    private final FeedbackRecords records;
    private final FeedbackFiles files;
    private final FeedbackOutbox outbox;
    private final HouseholdContacts contacts;
    private final HouseholdQueries households;
    private final FieldCipher cipher;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Crypto crypto;

    FeedbackIntake(JdbcClient jdbc, Triage triage, FeedbackClocks clocks, FeedbackRecords records, FeedbackFiles files,
                   FeedbackOutbox outbox, HouseholdContacts contacts, HouseholdQueries households, FieldCipher cipher, AuditLog audit,
                   ApplicationEventPublisher events, Clock clock, Crypto crypto) {
        this.crypto = crypto;
        this.jdbc = jdbc;
        this.triage = triage;
        this.clocks = clocks;
        this.records = records;
        this.files = files;
        this.outbox = outbox;
        this.contacts = contacts;
        this.households = households;
        this.cipher = cipher;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /** The case made (or found again); the follow code only on the first call, the only time it exists in clear. */
    public record Received(long id, String caseNumber, boolean created, String trackingCode) {
    }

    /** From a channel adapter in this application (mail poller, WeChat endpoint, Weibo poller): no signed-in user. */
    @Transactional
    public Received receive(Inbound in) {
        if (in == null || !OUTSIDE.contains(in.channel())) {
            throw ProblemException.badRequest("FEEDBACK_CHANNEL", "渠道应为 WECHAT、WEIBO、EMAIL 或 CITY_12345。");
        }
        return intake(in, null);
    }

    /** From a signed-in caller: staff at the hotline or the counter, a channel gateway (12345), a tenant's own form. */
    @Transactional
    public Received receive(CurrentUser actor, Inbound in) {
        check(in);
        if (!mayUse(actor, in.channel())) {
            throw ProblemException.forbidden("FEEDBACK_CHANNEL_NOT_YOURS", "您不能以“" + in.channel().label()
                    + "”渠道登记：客服专员登记热线和窗口，渠道网关转交12345等外部渠道，住户本人在线提交。");
        }
        if (in.householdId() != null && actor.isOperator()) {
            households.requireVisible(actor, in.householdId());
        }
        return intake(in, actor);
    }

    static boolean mayUse(CurrentUser actor, Channel channel) {
        if (actor.has(Role.CHANNEL_GATEWAY)) {
            return OUTSIDE.contains(channel);
        }
        if (actor.has(Role.TENANT)) {
            return channel == Channel.WEB;
        }
        boolean handler = actor.has(Role.OPERATOR_MANAGER) || actor.has(Role.OPERATOR_STAFF) && actor.duties().contains(Duty.COMPLAINT_HANDLER);
        return handler && channel != Channel.WEB;
    }

    private Received intake(Inbound in, CurrentUser actor) {
        check(in);
        String key = in.channel().name() + "|" + in.externalId().trim();
        jdbc.sql("select pg_advisory_xact_lock(hashtextextended(?, 0))").param("feedback-inbound:" + key).query((rs, n) -> 1).list();
        var seen = jdbc.sql("""
                        select c.id, c.case_number from feedback_message m join feedback_case c on c.id = m.case_id
                         where m.direction = 'IN' and m.channel = ? and m.external_id = ?""")
                .params(in.channel().name(), in.externalId().trim())
                .query((rs, n) -> new Received(rs.getLong(1), rs.getString(2), false, null)).optional();
        if (seen.isPresent()) {
            return seen.get();
        }
        files.check(in.attachments());
        Instant received = in.receivedAt().toInstant();
        Long actorId = actor == null ? null : actor.id();
        Triage.Placement p = triage.place(in, actor, clocks.day(received));
        FeedbackKind kind = in.kind() == null ? FeedbackKind.COMPLAINT : in.kind();
        String code = String.format("%06d", RANDOM.nextInt(1_000_000));
        String sender = in.anonymous() || in.from() == null || in.from().isBlank() ? null : in.from().trim();
        // anonymous (匿名件): nobody known, neither an address nor a household; a signed-in tenant's case, or one whose
        // household the staff chose, is not, though it came without an address
        boolean anonymous = sender == null && p.household() == null;
        String number = number(received);
        long id = jdbc.sql("""
                        insert into feedback_case (case_number, channel, kind, category, state, district_code, project_id, unit_id,
                               household_id, lease_id, operator_id, anonymous, sender, sender_index, text, received_at, received_by,
                               ack_due_on, external_deadline, tracking_code)
                        values (?, ?, ?, ?, 'RECEIVED', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(number, in.channel().name(), kind.name(), (in.category() == null ? FeedbackCategory.OTHER : in.category()).name(),
                        p.district(), p.project(), p.unit(), p.household(), p.lease(), p.operator(), anonymous,
                        sender == null ? null : cipher.encrypt(sender, SENDER), sender == null ? null : phoneIndex(sender),
                        in.text().trim(), Timestamp.from(received), actorId, Date.valueOf(clocks.acknowledgeBy(received, p.district())),
                        in.externalDeadline() == null ? null : Timestamp.from(in.externalDeadline().toInstant()), crypto.digest(FeedbackPublic.TRACKING_CODE, code).tagged())
                .query(Long.class).single();
        jdbc.sql("insert into feedback_message (case_id, direction, channel, external_id, body, at, actor_id) values (?, 'IN', ?, ?, ?, ?, ?)")
                .params(id, in.channel().name(), in.externalId().trim(), in.text().trim(), Timestamp.from(received), actorId).update();
        files.attach(id, in.attachments());
        records.step(id, null, FeedbackState.RECEIVED, "收到（" + in.channel().label() + "）" + (p.matched() ? "" : "，待分派"), actorId);
        FeedbackCase c = records.find(id);
        records.send(c, ChannelReplier.Purpose.ACKNOWLEDGEMENT, "您的诉求已收到，案件编号 " + number + "，查询码 " + code
                + "。我们将在1个工作日内受理并告知办理时限。可在公租房平台“案件查询”页凭编号和查询码查看进展。", actorId, outbox.canSend(c, sender));
        if (p.household() != null) {
            // the household's resident file lists its cases
            events.publishEvent(new ResidentEvent(p.household(), "FEEDBACK_RECEIVED", kind.label() + "（" + in.channel().label() + "）",
                    "案件编号 " + number, "feedback_case", id, actorId, received));
        }
        audit.record(FeedbackAudit.FEEDBACK_RECEIVED, "feedback_case", id, AuditOutcome.SUCCESS,
                Map.of("channel", in.channel().name(), "matched", String.valueOf(p.matched())));
        return new Received(id, number, true, code);
    }

    private String phoneIndex(String sender) {
        return sender.replaceAll("[\\s-]", "").matches("1[3-9][0-9]{9}") ? contacts.phoneIndex(sender) : null;
    }

    private void check(Inbound in) {
        if (in == null || in.channel() == null) {
            throw ProblemException.badRequest("FEEDBACK_CHANNEL", "请填写渠道 channel：HOTLINE、WECHAT、WEIBO、EMAIL、WEB、COUNTER 或 CITY_12345。");
        }
        if (in.externalId() == null || in.externalId().isBlank() || in.externalId().length() > 200) {
            throw ProblemException.badRequest("FEEDBACK_EXTERNAL_ID", "请填写 externalId：该渠道中这条消息的编号（1到200个字符，重试时不变）。");
        }
        if (in.receivedAt() == null) {
            throw ProblemException.badRequest("FEEDBACK_RECEIVED_AT", "请填写收到时间 receivedAt（带时区的 ISO-8601，如 2026-12-04T09:30:00+08:00）。");
        }
        if (in.receivedAt().toInstant().isAfter(clock.instant().plus(Duration.ofMinutes(5)))) {
            throw ProblemException.badRequest("FEEDBACK_RECEIVED_AT", "收到时间 receivedAt 不能晚于现在。");
        }
        if (in.text() == null || in.text().isBlank() || in.text().length() > 10_000) {
            throw ProblemException.badRequest("FEEDBACK_TEXT", "请填写诉求内容 text（不超过10000字）。");
        }
        if (in.from() != null && in.from().length() > 200) {
            throw ProblemException.badRequest("FEEDBACK_FROM", "来源地址 from 不超过200个字符。");
        }
    }

    private String number(Instant received) {
        long seq = jdbc.sql("select nextval('feedback_case_number_seq')").query(Long.class).single();
        return "TS" + clocks.day(received).format(DateTimeFormatter.BASIC_ISO_DATE) + String.format("%05d", seq % 100000);
    }

    /** Registers the encrypted sender and its phone index for key rotation and suite switches. */
    @Configuration(proxyBeanMethods = false)
    static class Columns {
        @Bean
        EncryptedColumn feedbackSenderColumn() {
            return new EncryptedColumn("feedback_case", "id", "sender", SENDER);
        }

        @Bean
        BlindIndexColumn feedbackSenderIndex() {
            return new BlindIndexColumn("feedback_case", "id", "sender_index", HouseholdContacts.PHONE_INDEX_PURPOSE, "sender", SENDER,
                    sender -> sender.replaceAll("[\\s-]", ""));
        }
    }
}
