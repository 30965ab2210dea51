package cn.anju.feedback.channel;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * The complaints mailbox (e-mail channel): read by IMAP, answered through the platform's SMTP sender. Off unless
 * {@code enabled}; the password comes from the environment or a secrets file, never from the code.
 *
 * @param protocol {@code imaps} (TLS, the default) or {@code imap}
 * @param port     null: the protocol's usual port (993 or 143)
 * @param folder   the folder read (default INBOX)
 * @param from     the answers' sender (default: the mailbox's user name, which is its address at most providers)
 */
@ConfigurationProperties("anju.feedback.mail")
public record MailChannelProperties(boolean enabled, String host, Integer port, String protocol, String username, String password,
                                    String folder, String from, Duration pollEvery) {

    public MailChannelProperties {
        protocol = protocol == null || protocol.isBlank() ? "imaps" : protocol.trim().toLowerCase();
        if (!protocol.equals("imap") && !protocol.equals("imaps")) {
            throw new IllegalArgumentException("anju.feedback.mail.protocol must be imap or imaps");
        }
        folder = folder == null || folder.isBlank() ? "INBOX" : folder;
        from = from == null || from.isBlank() ? username : from;
    }

    int portOrDefault() {
        return port != null ? port : protocol.equals("imaps") ? 993 : 143;
    }
}
