package cn.anju.notification;

/**
 * Sends one message on one channel. {@link #available()} says whether the channel is set up on this installation
 * (e-mail needs an SMTP server); messages are queued only for channels that are. An exception means "not sent, try
 * again later"; its message must not contain the address.
 */
interface ChannelAdapter {

    Channel channel();

    default boolean available() {
        return true;
    }

    void send(long outboxId, String address, Message message);

    /** The rendered message: the template's name, a subject (e-mail) and the text. */
    record Message(String template, String subject, String text) {
    }
}
