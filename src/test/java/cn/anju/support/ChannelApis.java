package cn.anju.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistrar;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * WeChat's and Weibo's APIs as a local HTTP server in the test JVM, answering in the providers' documented formats
 * (WeChat: {@code /cgi-bin/token}, {@code /cgi-bin/message/custom/send}, {"errcode": …}; Weibo: {@code /2/...json}
 * lists newest first after {@code since_id}, errors as a 4xx with {"error_code": …}). The platform's
 * {@code anju.feedback.*.api-base} point here in every test; it records every call, and a test reads them.
 */
public final class ChannelApis {

    public static final String WECHAT_APP_ID = "wx-test-app";
    public static final String WECHAT_APP_SECRET = "test-wechat-secret";
    public static final String WEIBO_TOKEN = "test-weibo-token";
    private static final DateTimeFormatter WEIBO_TIME = DateTimeFormatter.ofPattern("EEE MMM dd HH:mm:ss Z yyyy", Locale.US)
            .withZone(ZoneOffset.ofHours(8));
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<Call> CALLS = new CopyOnWriteArrayList<>();
    private static final Set<String> ISSUED = ConcurrentHashMap.newKeySet();
    private static final Set<String> VALID = ConcurrentHashMap.newKeySet();
    private static final AtomicInteger TOKENS = new AtomicInteger();
    private static final List<Map<String, Object>> MENTIONS = new CopyOnWriteArrayList<>();
    private static final List<Map<String, Object>> DIRECT_MESSAGES = new CopyOnWriteArrayList<>();
    private static final HttpServer SERVER = start();

    private ChannelApis() {
    }

    /** One request as the server received it. */
    public record Call(String method, String path, Map<String, String> query, String body) {
        public JsonNode json() {
            return JSON.readTree(body);
        }

        public Map<String, String> form() {
            return parse(body);
        }
    }

    public static String base() {
        return "http://127.0.0.1:" + SERVER.getAddress().getPort();
    }

    public static List<Call> calls() {
        return List.copyOf(CALLS);
    }

    /** Whether the access token is one this server issued (and so one the platform fetched, not made up). */
    public static boolean issued(String token) {
        return ISSUED.contains(token);
    }

    /** WeChat declares every token issued so far expired (errcode 42001), as it does after a new one is fetched elsewhere. */
    public static void expireWeChatTokens() {
        VALID.clear();
    }

    /** Someone mentions the account in a public post. */
    public static void mention(long id, String uid, String text, Instant at) {
        MENTIONS.add(Map.of("id", id, "idstr", Long.toString(id), "created_at", WEIBO_TIME.format(at), "text", text,
                "user", Map.of("id", Long.parseLong(uid), "idstr", uid, "screen_name", "网友" + uid)));
    }

    /** Someone writes the account a direct message. */
    public static void directMessage(long id, String uid, String text, Instant at) {
        DIRECT_MESSAGES.add(Map.of("id", id, "idstr", Long.toString(id), "created_at", WEIBO_TIME.format(at), "text", text,
                "sender_id", Long.parseLong(uid), "recipient_id", 5_000_000_001L,
                "sender", Map.of("id", Long.parseLong(uid), "idstr", uid, "screen_name", "网友" + uid)));
    }

    private static HttpServer start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/", ChannelApis::handle);
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void handle(HttpExchange x) throws IOException {
        String body = new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Call call = new Call(x.getRequestMethod(), x.getRequestURI().getPath(), parse(x.getRequestURI().getRawQuery()), body);
        CALLS.add(call);
        Object answer;
        int status = 200;
        switch (call.method() + " " + call.path()) {
            case "GET /cgi-bin/token" -> answer = token(call.query());
            case "POST /cgi-bin/message/custom/send" -> answer = customMessage(call);
            case "GET /2/statuses/mentions.json" -> answer = weiboList(call.query(), "statuses", MENTIONS);
            case "GET /2/direct_messages.json" -> answer = weiboList(call.query(), "direct_messages", DIRECT_MESSAGES);
            case "POST /2/direct_messages/new.json" -> answer = newDirectMessage(call.form());
            default -> {
                status = 404;
                answer = Map.of("error", "Request Api not found!", "error_code", 10014, "request", call.path());
            }
        }
        if (answer instanceof Map<?, ?> m && m.containsKey("error_code")) {
            status = status == 404 ? 404 : 400;
        }
        byte[] out = JSON.writeValueAsBytes(answer);
        x.getResponseHeaders().set("Content-Type", "application/json; charset=UTF-8");
        x.sendResponseHeaders(status, out.length);
        x.getResponseBody().write(out);
        x.close();
    }

    private static Map<String, Object> token(Map<String, String> q) {
        if (!"client_credential".equals(q.get("grant_type")) || !WECHAT_APP_ID.equals(q.get("appid"))
                || !WECHAT_APP_SECRET.equals(q.get("secret"))) {
            return Map.of("errcode", 40013, "errmsg", "invalid appid");
        }
        String token = "ACCESS_TOKEN_" + TOKENS.incrementAndGet();
        ISSUED.add(token);
        VALID.add(token);
        return Map.of("access_token", token, "expires_in", 7200);
    }

    private static Map<String, Object> customMessage(Call call) {
        String token = call.query().getOrDefault("access_token", "");
        if (!VALID.contains(token)) {
            return Map.of("errcode", ISSUED.contains(token) ? 42001 : 40001, "errmsg", "access_token invalid or expired");
        }
        JsonNode m = call.json();
        if (m.path("touser").asString("").isBlank() || !"text".equals(m.path("msgtype").asString(""))
                || m.path("text").path("content").asString("").isBlank()) {
            return Map.of("errcode", 44002, "errmsg", "empty post data");
        }
        return Map.of("errcode", 0, "errmsg", "ok");
    }

    private static Map<String, Object> weiboList(Map<String, String> q, String field, List<Map<String, Object>> items) {
        if (!WEIBO_TOKEN.equals(q.get("access_token"))) {
            return Map.of("error", "invalid_access_token", "error_code", 21332, "request", field);
        }
        long since = Long.parseLong(q.getOrDefault("since_id", "0"));
        int count = Integer.parseInt(q.getOrDefault("count", "20"));
        int page = Integer.parseInt(q.getOrDefault("page", "1"));
        List<Map<String, Object>> newer = items.stream().filter(i -> (long) i.get("id") > since)
                .sorted(Comparator.comparingLong((Map<String, Object> i) -> (long) i.get("id")).reversed()).toList();
        List<Map<String, Object>> shown = newer.stream().skip((long) (page - 1) * count).limit(count).toList();
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put(field, shown);
        answer.put("total_number", newer.size());
        return answer;
    }

    private static Map<String, Object> newDirectMessage(Map<String, String> form) {
        if (!WEIBO_TOKEN.equals(form.get("access_token"))) {
            return Map.of("error", "invalid_access_token", "error_code", 21332, "request", "/2/direct_messages/new.json");
        }
        if (form.getOrDefault("uid", "").isBlank() || form.getOrDefault("text", "").isBlank()) {
            return Map.of("error", "miss required parameter", "error_code", 10016, "request", "/2/direct_messages/new.json");
        }
        return Map.of("id", 9_000_000_000L + CALLS.size(), "text", form.get("text"), "recipient_id", Long.parseLong(form.get("uid")));
    }

    private static Map<String, String> parse(String encoded) {
        Map<String, String> values = new LinkedHashMap<>();
        if (encoded == null || encoded.isBlank()) {
            return values;
        }
        Arrays.stream(encoded.split("&")).map(p -> p.split("=", 2)).forEach(kv -> values.put(
                URLDecoder.decode(kv[0], StandardCharsets.UTF_8), kv.length < 2 ? "" : URLDecoder.decode(kv[1], StandardCharsets.UTF_8)));
        return values;
    }

    /** Points the platform's WeChat and Weibo channels at this server. */
    @TestConfiguration(proxyBeanMethods = false)
    public static class Config {
        @Bean
        DynamicPropertyRegistrar channelApis() {
            return registry -> {
                registry.add("anju.feedback.wechat.api-base", ChannelApis::base);
                registry.add("anju.feedback.weibo.api-base", ChannelApis::base);
            };
        }
    }
}
