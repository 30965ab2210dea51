package cn.anju.feedback;

import cn.anju.identity.CurrentUser;
import cn.anju.shared.privacy.FieldCipher;
import cn.anju.shared.privacy.Masks;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One case whole: what was asked, where it stands, and one timeline of every step and every message in and out with
 * who did it. The sender's address is shown masked; reading it in clear is a separate, audited step.
 */
@Service
public class FeedbackTimeline {

    private final JdbcClient jdbc;
    private final FeedbackRecords records;
    private final FieldCipher cipher;

    FeedbackTimeline(JdbcClient jdbc, FeedbackRecords records, FieldCipher cipher) {
        this.jdbc = jdbc;
        this.records = records;
        this.cipher = cipher;
    }

    public enum EntryType { STEP, IN, OUT, NOTE }

    /**
     * @param status for an outgoing message: RECORDED (kept, staff answer in person or by phone), PENDING, SENT or FAILED
     */
    public record Entry(Instant at, EntryType type, String title, String text, String actor, String status) {
    }

    public record Attachment(long id, String name, String contentType, long size) {
    }

    public record Detail(long id, String caseNumber, Channel channel, FeedbackKind kind, FeedbackCategory category, FeedbackState state,
                         String districtCode, Long projectId, Long unitId, Long householdId, Long leaseId, Long operatorId, Long handlerId,
                         boolean anonymous, String senderMasked, String text, Instant receivedAt, LocalDate ackDueOn, LocalDate replyDueOn,
                         Instant externalDeadline, Instant acknowledgedAt, Instant repliedAt, String reply, String rejectReason,
                         Instant closedAt, String closing, int reopenCount, int followUpTries, Instant escalatedAt, Instant supervisedAt,
                         LocalDate supervisedDueOn, Instant pausedSince, String pauseReason, Long parentId, Long workOrderId,
                         Long violationCaseId, Instant erasedAt, int version, List<Attachment> attachments, List<Entry> timeline) {
    }

    public Detail detail(CurrentUser user, long id) {
        records.load(user, id);
        List<Attachment> files = jdbc.sql("select id, original_name, content_type, size from feedback_attachment where case_id = ? order by id")
                .param(id).query((rs, n) -> new Attachment(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4))).list();
        return jdbc.sql("select * from feedback_case where id = ?").param(id).query((rs, n) -> new Detail(rs.getLong("id"),
                rs.getString("case_number"), Channel.valueOf(rs.getString("channel")), FeedbackKind.valueOf(rs.getString("kind")),
                FeedbackCategory.valueOf(rs.getString("category")), FeedbackState.valueOf(rs.getString("state")),
                rs.getString("district_code"), (Long) rs.getObject("project_id"), (Long) rs.getObject("unit_id"),
                (Long) rs.getObject("household_id"), (Long) rs.getObject("lease_id"), (Long) rs.getObject("operator_id"),
                (Long) rs.getObject("handler_id"), rs.getBoolean("anonymous"), masked(rs.getString("sender")), rs.getString("text"),
                FeedbackQueries.instant(rs.getTimestamp("received_at")), rs.getObject("ack_due_on", LocalDate.class),
                rs.getObject("reply_due_on", LocalDate.class), FeedbackQueries.instant(rs.getTimestamp("external_deadline")),
                FeedbackQueries.instant(rs.getTimestamp("acknowledged_at")), FeedbackQueries.instant(rs.getTimestamp("replied_at")),
                rs.getString("reply"), rs.getString("reject_reason"), FeedbackQueries.instant(rs.getTimestamp("closed_at")),
                rs.getString("closing"), rs.getInt("reopen_count"), rs.getInt("follow_up_tries"),
                FeedbackQueries.instant(rs.getTimestamp("escalated_at")), FeedbackQueries.instant(rs.getTimestamp("supervised_at")),
                rs.getObject("supervised_due_on", LocalDate.class), FeedbackQueries.instant(rs.getTimestamp("paused_since")),
                rs.getString("pause_reason"), (Long) rs.getObject("parent_id"), (Long) rs.getObject("work_order_id"),
                (Long) rs.getObject("violation_case_id"), FeedbackQueries.instant(rs.getTimestamp("erased_at")), rs.getInt("version"),
                files, timeline(id))).single();
    }

    /** Steps and messages in the order they happened. */
    List<Entry> timeline(long id) {
        return jdbc.sql("""
                        select e.at, 'STEP' as type, e.to_state as title, e.note as text, s.display_name, null as status, e.id * 2 as seq
                          from feedback_event e left join staff_name s on s.user_id = e.actor_id where e.case_id = ?
                        union all
                        select m.at, case when m.direction = 'IN' then 'IN' when m.purpose = 'NOTE' then 'NOTE' else 'OUT' end,
                               coalesce(m.purpose, m.channel), m.body, s.display_name, case when m.direction = 'OUT' then m.status end,
                               m.id * 2 + 1
                          from feedback_message m left join staff_name s on s.user_id = m.actor_id where m.case_id = ?
                         order by 1, 7""")
                .params(id, id)
                .query((rs, n) -> new Entry(rs.getTimestamp(1).toInstant(), EntryType.valueOf(rs.getString(2)), title(rs.getString(2),
                        rs.getString(3)), rs.getString(4), rs.getString(5), rs.getString(6)))
                .list();
    }

    private static String title(String type, String raw) {
        return switch (type) {
            case "STEP" -> FeedbackState.valueOf(raw).label();
            case "IN" -> "来信／来电（" + Channel.valueOf(raw).label() + "）";
            case "NOTE" -> "办理记录";
            default -> switch (raw) {
                case "ACKNOWLEDGEMENT" -> "告知";
                case "REPLY" -> "答复";
                case "FOLLOW_UP" -> "回访邀请";
                case "CLOSING" -> "办结告知";
                default -> raw;
            };
        };
    }

    private String masked(String sender) {
        if (sender == null) {
            return null;
        }
        String clear = cipher.decrypt(sender, FeedbackIntake.SENDER);
        if (clear.matches("1[3-9][0-9]{9}")) {
            return Masks.phone(clear);
        }
        int at = clear.indexOf('@');
        return at > 0 ? clear.charAt(0) + "***" + clear.substring(at) : clear.substring(0, Math.min(2, clear.length())) + "***";
    }
}
