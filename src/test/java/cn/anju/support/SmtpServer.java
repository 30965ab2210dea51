package cn.anju.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * A real SMTP server (GreenMail) inside the test JVM, on a free port, and the platform's mail sender pointed at it
 * as an installation would be with {@code spring.mail.host}: the e-mail channel goes over SMTP in every test.
 */
public final class SmtpServer {

    private static final int PORT = freePort();
    private static volatile GreenMail server = start();

    private SmtpServer() {
    }

    private static int freePort() {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static GreenMail start() {
        GreenMail started = new GreenMail(new ServerSetup(PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        started.start();
        return started;
    }

    /** The mail server goes away (a test of what the platform does when SMTP is down)... */
    public static synchronized void stop() {
        server.stop();
    }

    /** ...and comes back, empty, on the same port. */
    public static synchronized void restart() {
        if (server.isRunning()) {
            return;
        }
        server = start();
    }

    /** Every message the server has received so far, to the given address. */
    public static List<MimeMessage> receivedBy(String address) {
        return Arrays.stream(server.getReceivedMessages()).filter(m -> {
            try {
                return Arrays.stream(m.getAllRecipients()).anyMatch(r -> r.toString().equalsIgnoreCase(address));
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    public static String body(MimeMessage m) {
        try {
            Object content = m.getContent();
            return content instanceof String s ? s : new String(m.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @TestConfiguration(proxyBeanMethods = false)
    public static class Config {
        @Bean
        JavaMailSender mailSender() {
            JavaMailSenderImpl sender = new JavaMailSenderImpl();
            sender.setHost("127.0.0.1");
            sender.setPort(PORT);
            sender.setDefaultEncoding("UTF-8");
            return sender;
        }
    }
}
