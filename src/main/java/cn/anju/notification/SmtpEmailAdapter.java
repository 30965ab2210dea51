package cn.anju.notification;

import jakarta.mail.MessagingException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;

/**
 * E-mail over SMTP. Available when an SMTP server is configured ({@code spring.mail.host}, and so a
 * {@link JavaMailSender}); otherwise no e-mail is queued at all.
 */
@Component
class SmtpEmailAdapter implements ChannelAdapter {

    private final ObjectProvider<JavaMailSender> mail;
    private final String from;

    SmtpEmailAdapter(ObjectProvider<JavaMailSender> mail, @Value("${anju.notification.mail-from:安居公租房 <noreply@anju.local>}") String from) {
        this.mail = mail;
        this.from = from;
    }

    @Override
    public Channel channel() {
        return Channel.EMAIL;
    }

    @Override
    public boolean available() {
        return mail.getIfAvailable() != null;
    }

    @Override
    public void send(long outboxId, String address, Message message) {
        JavaMailSender sender = mail.getObject();
        var mime = sender.createMimeMessage();
        try {
            var helper = new MimeMessageHelper(mime, false, StandardCharsets.UTF_8.name());
            helper.setFrom(from);
            helper.setTo(address);
            helper.setSubject(message.subject());
            helper.setText(message.text() + "\n\n——安居公租房运营服务平台（本邮件由系统发送，请勿直接回复）");
            mime.setHeader("X-Anju-Outbox", Long.toString(outboxId));
        } catch (MessagingException e) {
            throw new IllegalStateException("could not build the message", e);
        }
        sender.send(mime);
    }
}
