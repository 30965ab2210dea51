package cn.anju.feedback.channel;

import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * JSON over HTTP to a social channel's API (WeChat, Weibo). Short timeouts: a slow provider must hold up neither the
 * outbox nor the poller. A failure names the path and the provider's error code only, never the query (it carries the
 * access token) nor the body (it carries the tenant's address and words).
 */
@Component
class ProviderHttp {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final JsonMapper json;

    ProviderHttp(JsonMapper json) {
        this.json = json;
    }

    static URI uri(String base, String path, Map<String, String> query) {
        String b = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        return URI.create(b + path + (query.isEmpty() ? "" : "?" + form(query)));
    }

    JsonNode get(URI uri) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri).GET(), uri);
    }

    JsonNode postJson(URI uri, Object body) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri).header("Content-Type", "application/json; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body), StandardCharsets.UTF_8)), uri);
    }

    JsonNode postForm(URI uri, Map<String, String> fields) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri).header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(form(fields), StandardCharsets.UTF_8)), uri);
    }

    private JsonNode send(HttpRequest.Builder request, URI uri) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(request.timeout(TIMEOUT).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        JsonNode body;
        try {
            body = json.readTree(r.body());
        } catch (RuntimeException e) {
            throw new IOException("HTTP " + r.statusCode() + " from " + uri.getPath() + ": not JSON");
        }
        if (r.statusCode() / 100 != 2) {
            // Weibo answers errors with a 4xx and {"error_code": ...}
            throw new IOException("HTTP " + r.statusCode() + " from " + uri.getPath() + ", error_code " + body.path("error_code").asString(""));
        }
        return body;
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
