package cn.anju.feedback.channel;

import cn.anju.feedback.Channel;
import cn.anju.feedback.ChannelReplier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

/**
 * Answers a WeChat case by customer-service message (客服消息) to the follower's openid. The access token is fetched
 * with the app id and secret and kept until shortly before it expires (WeChat limits how often it may be fetched);
 * when WeChat calls it invalid or expired it is dropped, the send fails and the outbox's retry fetches a new one.
 */
@Component
@ConditionalOnProperty(prefix = "anju.feedback.wechat", name = "enabled", havingValue = "true")
class WeChatReplier implements ChannelReplier {

    /** 40001 invalid credential, 40014 invalid access token, 42001 access token expired. */
    static final Set<Long> TOKEN_REJECTED = Set.of(40001L, 40014L, 42001L);
    private static final Duration MARGIN = Duration.ofMinutes(5);

    private final WeChatProperties properties;
    private final ProviderHttp http;
    private String token;
    private long tokenUntilNanos;

    WeChatReplier(WeChatProperties properties, ProviderHttp http) {
        this.properties = properties;
        this.http = http;
    }

    @Override
    public Channel channel() {
        return Channel.WECHAT;
    }

    @Override
    public void send(Outgoing message) throws Exception {
        String current = token();
        JsonNode r = http.postJson(ProviderHttp.uri(properties.apiBase(), "/cgi-bin/message/custom/send", Map.of("access_token", current)),
                Map.of("touser", message.to(), "msgtype", "text", "text", Map.of("content", message.text())));
        long code = r.path("errcode").asLong(0);
        if (code != 0) {
            if (TOKEN_REJECTED.contains(code)) {
                drop(current);
            }
            throw new IOException("WeChat custom message refused, errcode " + code);
        }
    }

    private synchronized String token() throws IOException, InterruptedException {
        if (token != null && System.nanoTime() - tokenUntilNanos < 0) {
            return token;
        }
        JsonNode r = http.get(ProviderHttp.uri(properties.apiBase(), "/cgi-bin/token",
                Map.of("grant_type", "client_credential", "appid", properties.appId(), "secret", properties.appSecret())));
        String fetched = r.path("access_token").asString("");
        if (r.path("errcode").asLong(0) != 0 || fetched.isBlank()) {
            throw new IOException("WeChat access token refused, errcode " + r.path("errcode").asLong(0));
        }
        Duration lifetime = Duration.ofSeconds(r.path("expires_in").asLong(7200));
        Duration kept = lifetime.compareTo(MARGIN.multipliedBy(2)) > 0 ? lifetime.minus(MARGIN) : lifetime.dividedBy(2);
        token = fetched;
        tokenUntilNanos = System.nanoTime() + kept.toNanos();
        return token;
    }

    private synchronized void drop(String rejected) {
        if (rejected.equals(token)) {
            token = null;
        }
    }
}
