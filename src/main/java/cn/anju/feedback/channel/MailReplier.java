package cn.anju.feedback.channel;

import cn.anju.feedback.Channel;
import cn.anju.feedback.ChannelReplier;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;

/**
 * Answers an e-mail case by SMTP through the platform's mail sender ({@code spring.mail.*}, the one notices use), as a
 * reply to the tenant's message: {@code In-Reply-To} and {@code References} name it, so their mail client threads it.
 */
@Component
@ConditionalOnProperty(prefix = "anju.feedback.mail", name = "enabled", havingValue = "true")
class MailReplier implements ChannelReplier {

    private final ObjectProvider<JavaMailSender> mail;
    private final MailChannelProperties mailbox;

    MailReplier(ObjectProvider<JavaMailSender> mail, MailChannelProperties mailbox) {
        if (mail.getIfAvailable() == null) {
            // said at start-up, not as acknowledgements failing one by one
            throw new IllegalStateException("the mail channel answers by SMTP: set spring.mail.host when anju.feedback.mail.enabled is true");
        }
        this.mail = mail;
        this.mailbox = mailbox;
    }

    @Override
    public Channel channel() {
        return Channel.EMAIL;
    }

    @Override
    public void send(Outgoing message) throws MessagingException {
        JavaMailSender sender = mail.getObject();
        InternetAddress from = new InternetAddress(mailbox.from());
        String domain = from.getAddress().contains("@") ? from.getAddress().substring(from.getAddress().indexOf('@') + 1) : "anju.local";
        var mime = new Threaded(sender.createMimeMessage().getSession(), "<feedback-" + message.messageId() + "@" + domain + ">");
        var helper = new MimeMessageHelper(mime, false, StandardCharsets.UTF_8.name());
        helper.setFrom(from);
        helper.setTo(message.to());
        helper.setSubject("Re: " + message.subject());
        helper.setText(message.text());
        if (message.inReplyTo() != null && message.inReplyTo().startsWith("<")) { // not a digest standing in for a missing id
            mime.setHeader("In-Reply-To", message.inReplyTo());
            mime.setHeader("References", message.inReplyTo());
        }
        if (message.purpose() == Purpose.ACKNOWLEDGEMENT) {
            mime.setHeader("Auto-Submitted", "auto-replied"); // RFC 3834: the sender's auto-responder must not answer it
        }
        sender.send(mime);
    }

    /** Its Message-ID is ours and the same on every try, so a resend after a lost answer is recognisably the same mail. */
    private static final class Threaded extends MimeMessage {
        private final String id;

        Threaded(Session session, String id) {
            super(session);
            this.id = id;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", id);
        }
    }
}
