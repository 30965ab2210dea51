package cn.anju.notification;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.NamedInterface;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Queues messages and sends them. A message row holds the channel, the recipient's type and id and the template's
 * parameters (never an address); the dispatcher, a few seconds behind, resolves the address and hands the text to
 * the channel's adapter, each message once even with several nodes (row locks, skip locked). A send that fails is
 * tried again with growing pauses, {@value #MAX_ATTEMPTS} times in all, then marked FAILED; nothing is dropped
 * silently.
 */
@NamedInterface("api")
@Service
public class Notifications {

    static final int MAX_ATTEMPTS = 5;

    /** The texts, in Chinese, with {placeholders}: one text for every channel, so what a household reads is the same. */
    static final Map<String, String> TEMPLATES = Map.ofEntries(
            Map.entry("TENANT_ACTIVATION_CODE", "【安居公租房】您正在开通住户账号，验证码{code}，10分钟内有效。如非本人操作，请忽略本短信。"),
            Map.entry("TENANT_RESET_CODE", "【安居公租房】您正在重置住户账号密码，验证码{code}，10分钟内有效。如非本人操作，请忽略本短信。"),
            Map.entry("LEASE_RENEWAL_REMINDER", "【安居公租房】您承租的{unit}租赁合同（{leaseNumber}）将于{endDate}到期。如需续租，请于{deadline}前向运营单位提出申请。"),
            Map.entry("RENT_DUE_REMINDER", "【安居公租房】您的租金（合同{leaseNumber}）¥{amount}将于{dueDate}到期，请按时缴纳，可在“我的租金”在线缴费。"),
            Map.entry("RENT_OVERDUE_NOTICE", "【安居公租房】您的租金（合同{leaseNumber}）已逾期{days}天，欠缴¥{amount}，请尽快缴纳。累计拖欠租金6个月以上的，将依法收回住房。"),
            Map.entry("ACCOUNT_ACTIVATION_CODE", "【安居公租房】平台已为您开设工作账号{username}，激活码{code}，{hours}小时内有效。请打开平台“激活账号”页（/account/activate），输入用户名和激活码，设置只有您知道的密码。激活码请勿告诉任何人，包括管理员。"),
            Map.entry("ACCOUNT_RESET_CODE", "【安居公租房】您的工作账号{username}的密码已被重置，原密码已失效。重置码{code}，{hours}小时内有效，请在平台“激活账号”页（/account/activate）设置新密码。请勿告诉任何人，包括管理员；如非本人申请，请联系本单位安全管理员。"),
            Map.entry("FEEDBACK_OVERDUE", "【安居公租房】贵单位有{count}件投诉建议案件已超过办理时限（{cases}），请登录平台“投诉建议”页查看超期案件并督促办理。"),
            Map.entry("SURVEY_INVITATION", "【安居公租房】诚邀您参加“{title}”，匿名作答，每户一次，约3分钟。请于{endsOn}前打开 {link} 填写。"),
            Map.entry("DISCLOSURE_LATE", "【安居公租房】{district}新增{items}项公开事项超过法定公开期限、{requests}件信息公开申请超过答复期限，请登录平台“信息公开”页尽快办理。"),
            Map.entry("MONITORING_ALERTS", "【安居公租房】{district}今日有{count}项运行预警（{first}），请登录平台“监测平台”查看。"));

    /** E-mail subjects. */
    static final Map<String, String> SUBJECTS = Map.ofEntries(
            Map.entry("TENANT_ACTIVATION_CODE", "住户账号开通验证码"),
            Map.entry("TENANT_RESET_CODE", "住户账号密码重置验证码"),
            Map.entry("LEASE_RENEWAL_REMINDER", "公租房租赁合同到期续租提醒"),
            Map.entry("RENT_DUE_REMINDER", "公租房租金缴纳提醒"),
            Map.entry("RENT_OVERDUE_NOTICE", "公租房租金催缴通知"),
            Map.entry("ACCOUNT_ACTIVATION_CODE", "工作账号激活码"),
            Map.entry("ACCOUNT_RESET_CODE", "工作账号密码重置码"),
            Map.entry("FEEDBACK_OVERDUE", "投诉建议案件超期提醒"),
            Map.entry("SURVEY_INVITATION", "公租房满意度调查邀请"),
            Map.entry("DISCLOSURE_LATE", "信息公开超期提醒"),
            Map.entry("MONITORING_ALERTS", "公租房运行预警"));

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final List<RecipientDirectory> directories;
    private final Map<Channel, ChannelAdapter> adapters = new EnumMap<>(Channel.class);
    private final Clock clock;
    private final JsonMapper json = JsonMapper.builder().build();

    Notifications(JdbcClient jdbc, TransactionTemplate tx, List<RecipientDirectory> directories, List<ChannelAdapter> adapters,
                  Clock clock) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.directories = directories;
        adapters.forEach(a -> this.adapters.put(a.channel(), a));
        this.clock = clock;
    }

    /** By SMS only: one-time codes go to the phone on record, whatever else the recipient has given. */
    public long sendSms(String recipientType, long recipientId, String template, Map<String, String> params) {
        return enqueue(Channel.SMS, recipientType, recipientId, template, params);
    }

    /**
     * A one-time code to the person's own mobile (SMS) or, without one, their e-mail: one message, never to anyone
     * else. Returns the queued message's id.
     */
    public long sendCode(String recipientType, long recipientId, String template, Map<String, String> params) {
        Set<Channel> reachable = directory(recipientType).map(d -> d.reachableBy(recipientId)).orElse(Set.of());
        Channel channel = reachable.contains(Channel.SMS) ? Channel.SMS
                : reachable.contains(Channel.EMAIL) && available(Channel.EMAIL) ? Channel.EMAIL : null;
        if (channel == null) {
            throw new IllegalStateException("no channel reaches " + recipientType + " " + recipientId);
        }
        return enqueue(channel, recipientType, recipientId, template, params);
    }

    /** Whether this installation can send on a channel (e-mail needs an SMTP server). */
    public boolean available(Channel channel) {
        return adapters.containsKey(channel) && adapters.get(channel).available();
    }

    /**
     * On every channel the recipient can be reached on and this installation can send on (SMS, e-mail, WeChat), so a
     * notice is received wherever the household reads. Returns the queued messages' ids.
     */
    public List<Long> notify(String recipientType, long recipientId, String template, Map<String, String> params) {
        List<Long> ids = new ArrayList<>();
        for (Channel c : directory(recipientType).map(d -> d.reachableBy(recipientId)).orElse(Set.of())) {
            if (adapters.containsKey(c) && adapters.get(c).available()) {
                ids.add(enqueue(c, recipientType, recipientId, template, params));
            }
        }
        return ids;
    }

    private long enqueue(Channel channel, String recipientType, long recipientId, String template, Map<String, String> params) {
        if (!TEMPLATES.containsKey(template)) {
            throw new IllegalArgumentException("unknown template " + template);
        }
        return jdbc.sql("""
                        insert into notification_outbox (channel, recipient_type, recipient_id, template, params, status, created_at)
                        values (?, ?, ?, ?, ?, 'PENDING', ?) returning id""")
                .params(channel.name(), recipientType, recipientId, template, json.writeValueAsString(new TreeMap<>(params)),
                        Timestamp.from(clock.instant()))
                .query(Long.class).single();
    }

    private Optional<RecipientDirectory> directory(String recipientType) {
        return directories.stream().filter(d -> d.recipientType().equals(recipientType)).findFirst();
    }

    @Scheduled(fixedDelayString = "${anju.notification.dispatch-every:2s}")
    public void dispatchScheduled() {
        dispatch();
    }

    /** Sends what is pending and due; returns how many were sent. */
    public int dispatch() {
        int sent = 0;
        int batch;
        do {
            Integer[] counts = tx.execute(status -> dispatchBatch());
            batch = counts == null ? 0 : counts[0];
            sent += counts == null ? 0 : counts[1];
        } while (batch == 100);
        return sent;
    }

    private record Pending(long id, Channel channel, String type, long recipient, String template, String params, int attempts) {
    }

    /** One batch in one transaction: {taken, sent}. */
    private Integer[] dispatchBatch() {
        Timestamp now = Timestamp.from(clock.instant());
        List<Pending> pending = jdbc.sql("""
                        select id, channel, recipient_type, recipient_id, template, params, attempts from notification_outbox
                         where status = 'PENDING' and (next_attempt_at is null or next_attempt_at <= ?)
                         order by id limit 100 for update skip locked""")
                .param(now)
                .query((rs, n) -> new Pending(rs.getLong(1), Channel.valueOf(rs.getString(2)), rs.getString(3), rs.getLong(4),
                        rs.getString(5), rs.getString(6), rs.getInt(7)))
                .list();
        int sent = 0;
        for (Pending p : pending) {
            ChannelAdapter adapter = adapters.get(p.channel());
            Optional<String> address = directory(p.type()).flatMap(d -> d.address(p.recipient(), p.channel()));
            if (address.isEmpty() || adapter == null || !adapter.available()) {
                fail(p, address.isEmpty() ? "no address on record for " + p.channel() : "channel " + p.channel() + " not set up", true);
                continue;
            }
            try {
                adapter.send(p.id(), address.get(), render(p.template(), p.params()));
                jdbc.sql("update notification_outbox set status = 'SENT', attempts = attempts + 1, sent_at = ?, last_error = null where id = ?")
                        .params(now, p.id()).update();
                sent++;
            } catch (RuntimeException e) {
                // the exception's class only: an SMTP error message may repeat the address
                fail(p, e.getClass().getSimpleName(), false);
            }
        }
        return new Integer[] {pending.size(), sent};
    }

    private void fail(Pending p, String reason, boolean finalFailure) {
        int attempts = p.attempts() + 1;
        boolean last = finalFailure || attempts >= MAX_ATTEMPTS;
        // 1, 4, 16, 64 minutes between tries
        Timestamp next = last ? null : Timestamp.from(clock.instant().plus(Duration.ofMinutes(1L << (2 * (attempts - 1)))));
        jdbc.sql("update notification_outbox set status = ?, attempts = ?, last_error = ?, next_attempt_at = ? where id = ?")
                .params(last ? "FAILED" : "PENDING", attempts, reason, next, p.id()).update();
    }

    private ChannelAdapter.Message render(String template, String params) {
        String text = TEMPLATES.get(template);
        Map<String, String> values = json.readValue(params, new TypeReference<Map<String, String>>() { });
        for (var e : values.entrySet()) {
            text = text.replace("{" + e.getKey() + "}", e.getValue());
        }
        return new ChannelAdapter.Message(template, "【安居公租房】" + SUBJECTS.get(template), text);
    }
}
