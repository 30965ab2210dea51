package cn.anju.feedback;

import cn.anju.shared.files.Upload;
import org.springframework.modulith.NamedInterface;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * One message as a channel delivers it, before it is a case. {@code (channel, externalId)} names it once for ever: the
 * e-mail's Message-ID, WeChat's MsgId, Weibo's status or message id, the 12345 ticket number, or the key a desk form
 * sends. A repeat of the same pair is the same case.
 *
 * @param from             the sender's address on that channel (phone, e-mail address, openid, Weibo uid); null when
 *                         anonymous. Stored encrypted, never logged.
 * @param externalDeadline a deadline the channel set (12345's); the earlier of it and ours governs
 * @param kind             what the staff or the form already know it is (null: decided at acceptance)
 * @param householdId      the household a staff member chose by hand (null: matched by the sign-in or the phone)
 * @param districtCode     the district the channel says it concerns (12345 tickets carry one), when no household matches
 */
@NamedInterface("actions")
public record Inbound(Channel channel, String externalId, OffsetDateTime receivedAt, String from, String text,
                      List<Upload> attachments, OffsetDateTime externalDeadline, FeedbackKind kind, FeedbackCategory category,
                      Long householdId, String districtCode, boolean anonymous) {

    public Inbound {
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }

    /** A message from an outside channel: only what the channel knows. */
    public static Inbound of(Channel channel, String externalId, OffsetDateTime receivedAt, String from, String text,
                             List<Upload> attachments) {
        return new Inbound(channel, externalId, receivedAt, from, text, attachments, null, null, null, null, null, from == null);
    }
}
