package cn.anju.notification;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Queues messages and sends them. A message row holds the recipient's type and id and the template's parameters
 * (never a phone number); the dispatcher, a few seconds behind, resolves the address and hands the text to the
 * channel adapter, each message once even with several nodes (row locks, skip locked).
 */
@Service
public class Notifications {

    /** The texts, in Chinese, with {placeholders}. */
    static final Map<String, String> TEMPLATES = Map.of(
            "TENANT_ACTIVATION_CODE", "【安居公租房】您正在开通住户账号，验证码{code}，10分钟内有效。如非本人操作，请忽略本短信。",
            "TENANT_RESET_CODE", "【安居公租房】您正在重置住户账号密码，验证码{code}，10分钟内有效。如非本人操作，请忽略本短信。",
            "LEASE_RENEWAL_REMINDER", "【安居公租房】您承租的{unit}租赁合同（{leaseNumber}）将于{endDate}到期。如需续租，请于{deadline}前向运营单位提出申请。",
            "RENT_DUE_REMINDER", "【安居公租房】您的租金（合同{leaseNumber}）¥{amount}将于{dueDate}到期，请按时缴纳，可在“我的租金”在线缴费。",
            "RENT_OVERDUE_NOTICE", "【安居公租房】您的租金（合同{leaseNumber}）已逾期{days}天，欠缴¥{amount}，请尽快缴纳。累计拖欠租金6个月以上的，将依法收回住房。");

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final List<RecipientDirectory> directories;
    private final SmsAdapter sms;
    private final Clock clock;
    private final JsonMapper json = JsonMapper.builder().build();

    Notifications(JdbcClient jdbc, TransactionTemplate tx, List<RecipientDirectory> directories, SmsAdapter sms, Clock clock) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.directories = directories;
        this.sms = sms;
        this.clock = clock;
    }

    public long sendSms(String recipientType, long recipientId, String template, Map<String, String> params) {
        if (!TEMPLATES.containsKey(template)) {
            throw new IllegalArgumentException("unknown template " + template);
        }
        return jdbc.sql("""
                        insert into notification_outbox (channel, recipient_type, recipient_id, template, params, status, created_at)
                        values ('SMS', ?, ?, ?, ?, 'PENDING', ?) returning id""")
                .params(recipientType, recipientId, template, json.writeValueAsString(new TreeMap<>(params)),
                        Timestamp.from(clock.instant()))
                .query(Long.class).single();
    }

    @Scheduled(fixedDelayString = "${anju.notification.dispatch-every:2s}")
    public void dispatchScheduled() {
        dispatch();
    }

    /** Sends what is pending; returns how many were sent. */
    public int dispatch() {
        int sent = 0;
        Integer batch;
        do {
            batch = tx.execute(status -> {
                record Pending(long id, String type, long recipient, String template, String params) {
                }
                List<Pending> pending = jdbc.sql("""
                                select id, recipient_type, recipient_id, template, params from notification_outbox
                                 where status = 'PENDING' order by id limit 100 for update skip locked""")
                        .query((rs, n) -> new Pending(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4), rs.getString(5)))
                        .list();
                for (Pending p : pending) {
                    Optional<String> phone = directories.stream().filter(d -> d.recipientType().equals(p.type())).findFirst()
                            .flatMap(d -> d.phone(p.recipient()));
                    if (phone.isEmpty()) {
                        jdbc.sql("update notification_outbox set status = 'FAILED', attempts = attempts + 1, last_error = ? where id = ?")
                                .params("no phone on record", p.id()).update();
                        continue;
                    }
                    sms.send(p.id(), phone.get(), render(p.template(), p.params()));
                    jdbc.sql("update notification_outbox set status = 'SENT', attempts = attempts + 1, sent_at = ? where id = ?")
                            .params(Timestamp.from(clock.instant()), p.id()).update();
                }
                return pending.size();
            });
            sent += batch == null ? 0 : batch;
        } while (batch != null && batch == 100);
        return sent;
    }

    private String render(String template, String params) {
        String text = TEMPLATES.get(template);
        Map<String, String> values = json.readValue(params, new TypeReference<Map<String, String>>() { });
        for (var e : values.entrySet()) {
            text = text.replace("{" + e.getKey() + "}", e.getValue());
        }
        return text;
    }
}
