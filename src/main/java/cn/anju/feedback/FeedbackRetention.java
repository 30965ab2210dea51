package cn.anju.feedback;

import cn.anju.audit.AuditLog;
import cn.anju.audit.AuditOutcome;
import cn.anju.shared.policy.PolicySettings;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;

/**
 * Personal data leaves a case a retention period after it was finished ({@code feedback.retention_years}, 3 by
 * default): who sent it, what they wrote and the messages in and out are erased, the attachments' links dropped; the
 * case, its kind, category, dates and answers stay, so every figure computed from it stays the same.
 */
@Component
class FeedbackRetention {

    static final String ERASED = "（已按保留期限删除个人信息）";

    private final JdbcClient jdbc;
    private final PolicySettings policy;
    private final AuditLog audit;
    private final Clock clock;

    FeedbackRetention(JdbcClient jdbc, PolicySettings policy, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.policy = policy;
        this.audit = audit;
        this.clock = clock;
    }

    @Scheduled(cron = "0 40 2 * * *", zone = "${anju.zone}")
    @SchedulerLock(name = "feedback-retention")
    void nightly() {
        erase();
    }

    /** Erases what is due; returns how many cases. */
    @Transactional
    int erase() {
        ZonedDateTime now = ZonedDateTime.now(clock);
        Timestamp before = Timestamp.from(now.minusYears(policy.integer("feedback.retention_years", null)).toInstant());
        List<Long> due = jdbc.sql("""
                        select id from feedback_case where state = any(?) and closed_at < ? and erased_at is null order by id limit 10000""")
                .params(new String[] {FeedbackState.CLOSED.name(), FeedbackState.REJECTED.name()}, before).query(Long.class).list();
        if (due.isEmpty()) {
            return 0;
        }
        Long[] ids = due.toArray(Long[]::new);
        Timestamp at = Timestamp.from(now.toInstant());
        jdbc.sql("update feedback_case set sender = null, sender_index = null, text = ?, erased_at = ?, version = version + 1 where id = any(?)")
                .params(ERASED, at, ids).update();
        jdbc.sql("update feedback_message set body = ? where case_id = any(?)").params(ERASED, ids).update();
        jdbc.sql("update feedback_follow_up set comment = null where case_id = any(?)").param(ids).update();
        jdbc.sql("delete from feedback_attachment where case_id = any(?)").param(ids).update();
        audit.record(FeedbackAudit.FEEDBACK_ERASE, "feedback_case", null, AuditOutcome.SUCCESS, Map.of("cases", String.valueOf(due.size())));
        return due.size();
    }
}
