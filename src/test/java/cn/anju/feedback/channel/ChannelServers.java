package cn.anju.feedback.channel;

import cn.anju.support.PlatformTest;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpServer;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The outside servers the channels talk to, in the test JVM on free ports: the complaints mailbox (GreenMail, IMAP to
 * read it and SMTP to deliver into it) and the 12345 hotline's callback (a JDK HTTP server that records each push and
 * answers with the status a test sets). The platform is pointed at them as an installation would be, by configuration;
 * the test classes that extend this share one application context.
 */
@PlatformTest
abstract class ChannelServers {

    static final String MAILBOX = "tousu@anju.test";
    static final String MAILBOX_PASSWORD = "mailbox-secret";
    static final String HOTLINE_SECRET = "test-12345-shared-secret";

    static final GreenMail MAIL = startMail();
    static final ConcurrentLinkedQueue<Push> PUSHES = new ConcurrentLinkedQueue<>();
    static volatile int hotlineAnswers = 200;
    static final HttpServer HOTLINE = startHotline();

    /** One push the hotline received: its signature header and exact body bytes. */
    record Push(String signature, byte[] body) {
    }

    @DynamicPropertySource
    static void channels(DynamicPropertyRegistry registry) {
        registry.add("anju.feedback.mail.enabled", () -> "true");
        registry.add("anju.feedback.mail.protocol", () -> "imap");
        registry.add("anju.feedback.mail.host", () -> "127.0.0.1");
        registry.add("anju.feedback.mail.port", () -> MAIL.getImap().getPort());
        registry.add("anju.feedback.mail.username", () -> MAILBOX);
        registry.add("anju.feedback.mail.password", () -> MAILBOX_PASSWORD);
        // the tests poll and deliver when they mean to
        registry.add("anju.feedback.mail.poll-every", () -> "1h");
        registry.add("anju.feedback.outbox-every", () -> "1h");
        registry.add("anju.feedback.city12345.enabled", () -> "true");
        registry.add("anju.feedback.city12345.callback-url",
                () -> "http://127.0.0.1:" + HOTLINE.getAddress().getPort() + "/api/hotline/feedback");
        registry.add("anju.feedback.city12345.secret", () -> HOTLINE_SECRET);
    }

    private static GreenMail startMail() {
        GreenMail mail = new GreenMail(new ServerSetup[] {new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
                new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_IMAP)});
        mail.start();
        mail.setUser(MAILBOX, MAILBOX, MAILBOX_PASSWORD);
        return mail;
    }

    private static HttpServer startHotline() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/api/hotline/feedback", exchange -> {
                byte[] body = exchange.getRequestBody().readAllBytes();
                PUSHES.add(new Push(exchange.getRequestHeaders().getFirst(City12345Replier.SIGNATURE), body));
                exchange.sendResponseHeaders(hotlineAnswers, -1);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int freePort() {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
