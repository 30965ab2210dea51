package cn.anju.feedback;

import cn.anju.shared.privacy.FieldCipher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Sends a case's outgoing messages on its channel, after the transaction that wrote them committed: one batch at a
 * time, rows taken with {@code skip locked} so two nodes never send the same message, and a failed send tried again
 * after 1, 4, 16 and 64 minutes before it is marked FAILED (and shows so on the timeline).
 */
@Component
public class FeedbackOutbox {

    static final int MAX_ATTEMPTS = 5;

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final FieldCipher cipher;
    private final Clock clock;
    private final Map<Channel, ChannelReplier> repliers = new EnumMap<>(Channel.class);

    FeedbackOutbox(JdbcClient jdbc, TransactionTemplate tx, FieldCipher cipher, Clock clock, List<ChannelReplier> repliers) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.cipher = cipher;
        this.clock = clock;
        repliers.forEach(r -> this.repliers.put(r.channel(), r));
    }

    /** Whether the case can be answered on its channel: someone to answer and a way to answer there. */
    boolean canSend(FeedbackCase c, String sender) {
        ChannelReplier replier = repliers.get(c.channel());
        return replier != null && (sender != null || !replier.needsAddress());
    }

    @Scheduled(fixedDelayString = "${anju.feedback.outbox-every:5s}")
    void deliverScheduled() {
        deliver();
    }

    /** Sends what is due; returns how many were sent. Public for the channel adapters' tests and an operator's "send now". */
    public int deliver() {
        int sent = 0;
        int[] batch;
        do {
            batch = tx.execute(status -> batch());
            sent += batch[1];
        } while (batch[0] == 50);
        return sent;
    }

    private record Pending(long id, long caseId, String caseNumber, Channel channel, ChannelReplier.Purpose purpose, String body,
                           String sender, String inReplyTo, int attempts) {
    }

    private int[] batch() {
        Timestamp now = Timestamp.from(clock.instant());
        List<Pending> pending = jdbc.sql("""
                        select m.id, c.id, c.case_number, c.channel, m.purpose, m.body, c.sender, m.attempts,
                               (select i.external_id from feedback_message i where i.case_id = c.id and i.direction = 'IN' order by i.id limit 1)
                          from feedback_message m join feedback_case c on c.id = m.case_id
                         where m.status = 'PENDING' and m.next_attempt_at <= ?
                         order by m.id limit 50 for update of m skip locked""")
                .param(now)
                .query((rs, n) -> new Pending(rs.getLong(1), rs.getLong(2), rs.getString(3), Channel.valueOf(rs.getString(4)),
                        ChannelReplier.Purpose.valueOf(rs.getString(5)), rs.getString(6), rs.getString(7), rs.getString(9), rs.getInt(8)))
                .list();
        int sent = 0;
        for (Pending p : pending) {
            ChannelReplier replier = repliers.get(p.channel());
            if (replier == null || p.sender() == null && replier.needsAddress()) {
                fail(p, replier == null ? "channel " + p.channel() + " not set up" : "no address (erased or anonymous)", true);
                continue;
            }
            try {
                replier.send(new ChannelReplier.Outgoing(p.id(), p.caseId(), p.caseNumber(), p.purpose(), p.inReplyTo(),
                        p.sender() == null ? null : cipher.decrypt(p.sender(), FeedbackIntake.SENDER), "【安居公租房】案件 " + p.caseNumber(), p.body()));
                jdbc.sql("update feedback_message set status = 'SENT', attempts = attempts + 1, sent_at = ?, error = null where id = ?")
                        .params(now, p.id()).update();
                sent++;
            } catch (Exception e) {
                // the exception's class only: a provider's message may repeat the address
                fail(p, e.getClass().getSimpleName(), false);
            }
        }
        return new int[] {pending.size(), sent};
    }

    private void fail(Pending p, String reason, boolean finalFailure) {
        int attempts = p.attempts() + 1;
        boolean last = finalFailure || attempts >= MAX_ATTEMPTS;
        Timestamp next = last ? null : Timestamp.from(clock.instant().plus(Duration.ofMinutes(1L << (2 * (attempts - 1)))));
        jdbc.sql("update feedback_message set status = ?, attempts = ?, error = ?, next_attempt_at = ? where id = ?")
                .params(last ? "FAILED" : "PENDING", attempts, reason, next, p.id()).update();
    }
}
