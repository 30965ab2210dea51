package cn.anju.feedback.channel;

import cn.anju.shared.crypto.Crypto;
import cn.anju.shared.crypto.CryptoPurpose;
import cn.anju.shared.crypto.HashAlgorithm;
import cn.anju.feedback.Channel;
import cn.anju.feedback.ChannelReplier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Pushes a 12345 case's acknowledgement, reply, follow-up and closing back to the hotline system as signed JSON
 * ({@code docs/12345.md}): the body is signed with HMAC-SHA256 under the shared secret, so the hotline knows it is
 * ours and unchanged. Anything but a 2xx answer throws, and the outbox tries again later; the message's {@code id}
 * stays the same on every try, so the hotline can drop a repeat.
 */
@Component
@ConditionalOnProperty(prefix = "anju.feedback.city12345", name = "enabled", havingValue = "true")
class City12345Replier implements ChannelReplier {

    static final String SIGNATURE = "X-Anju-Signature";

    private final City12345Properties hotline;
    private final JsonMapper json;
    private final Clock clock;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    City12345Replier(City12345Properties hotline, JsonMapper json, Clock clock) {
        if (hotline.callbackUrl() == null || hotline.secret() == null || hotline.secret().isBlank()) {
            throw new IllegalStateException("anju.feedback.city12345.callback-url and .secret must be set when 12345 is enabled");
        }
        this.hotline = hotline;
        this.json = json;
        this.clock = clock;
    }

    @Override
    public Channel channel() {
        return Channel.CITY_12345;
    }

    @Override
    public boolean needsAddress() {
        return false;
    }

    @Override
    public void send(Outgoing message) throws IOException, InterruptedException {
        Map<String, Object> push = new LinkedHashMap<>();
        push.put("id", message.messageId());
        push.put("ticket", message.inReplyTo());
        push.put("caseNumber", message.caseNumber());
        push.put("kind", message.purpose().name());
        push.put("text", message.text());
        push.put("sentAt", OffsetDateTime.now(clock).withNano(0).toString());
        byte[] body = json.writeValueAsBytes(push);
        HttpRequest request = HttpRequest.newBuilder(hotline.callbackUrl()).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json; charset=utf-8")
                .header(SIGNATURE, "sha256=" + sign(hotline.secret(), body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        if (status / 100 != 2) {
            throw new IOException("12345 answered HTTP " + status);
        }
    }

    /** Lower-case hex of HMAC-SHA256 over the exact body bytes. */
    static String sign(String secret, byte[] body) {
        return Crypto.hmacWith(HMAC, secret.getBytes(StandardCharsets.UTF_8), body).hex();
    }

    /** The hotline's protocol prescribes HMAC-SHA256: it does not change with our suite. */
    static final CryptoPurpose HMAC = CryptoPurpose.pinned("city12345-signature", HashAlgorithm.SHA256);
}
