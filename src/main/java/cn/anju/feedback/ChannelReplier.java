package cn.anju.feedback;

/**
 * Sends a case's outgoing message on the channel it came from (the acknowledgement, the reply, the follow-up link):
 * one bean per channel that can answer (e-mail by SMTP threaded to the original, WeChat by customer-service message,
 * Weibo by direct message, 12345 by pushing back to the hotline). {@link FeedbackOutbox} calls it after the case's
 * transaction has committed and tries again later when it throws.
 */
public interface ChannelReplier {

    Channel channel();

    /** Sends the message or throws; must be safe to call again for the same message id (the outbox retries). */
    void send(Outgoing message) throws Exception;

    /** Whether it needs the sender's address: 12345 answers the hotline's ticket, not the caller, so a case without one still goes. */
    default boolean needsAddress() {
        return true;
    }

    /**
     * @param messageId  our id of this outgoing message (stable across retries)
     * @param inReplyTo  the channel's id of the message that opened the case (Message-ID, MsgId, ticket number)
     * @param to         the sender's address on that channel, decrypted for this send only (null when none and not needed)
     * @param subject    a short subject line with the case number (for e-mail)
     */
    record Outgoing(long messageId, long caseId, String caseNumber, Purpose purpose, String inReplyTo, String to, String subject,
                    String text) {
    }

    /** Why the message goes out. */
    enum Purpose { ACKNOWLEDGEMENT, REPLY, FOLLOW_UP, CLOSING }
}
