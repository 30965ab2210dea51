package cn.anju.support;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A real HTTP client with its own cookie jar, for tests that act as one signed-in person: logs in through the
 * login form, carries the session cookie and the CSRF token like a browser, and reads JSON and problem details.
 * Later modules reuse it for their API and scope tests.
 */
public final class WebClient {

    public static final String DEMO_PASSWORD = "Demo@2026";
    private static final Pattern CSRF_INPUT = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern CSRF_META = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String base;
    private final CookieManager cookies;
    private final HttpClient http;

    public WebClient(int port) {
        this("http://localhost:" + port);
    }

    public WebClient(String base) {
        this(base, new CookieManager(null, CookiePolicy.ACCEPT_ALL));
    }

    private WebClient(String base, CookieManager cookies) {
        this.base = base;
        this.cookies = cookies;
        this.http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** The same person (same cookies, so the same session) talking to another node or a restarted platform. */
    public WebClient onPort(int port) {
        return new WebClient("http://localhost:" + port, cookies);
    }

    public static WebClient loggedIn(int port, String username) {
        WebClient client = new WebClient(port);
        HttpResponse<String> result = client.login(username, DEMO_PASSWORD);
        if (result.statusCode() != 302 || !result.headers().firstValue("Location").orElse("").endsWith("/")) {
            throw new AssertionError("login of " + username + " failed: " + result.statusCode() + " "
                    + result.headers().firstValue("Location").orElse(""));
        }
        return client;
    }

    /** Submits the login form as a browser does; answers the redirect (to / on success, /login?error otherwise). */
    public HttpResponse<String> login(String username, String password) {
        String token = csrfFrom(get("/login").body(), CSRF_INPUT);
        return postForm("/login", Map.of("username", username, "password", password, "_csrf", token));
    }

    /** Submits the login form with a CAPTCHA answer. */
    public HttpResponse<String> login(String username, String password, String captcha) {
        String token = csrfFrom(get("/login").body(), CSRF_INPUT);
        return postForm("/login", Map.of("username", username, "password", password, "_csrf", token, "captcha", captcha));
    }

    /** Where a response redirects to, without the host. */
    public static String location(HttpResponse<String> response) {
        return response.headers().firstValue("Location").orElse("").replaceFirst("^https?://[^/]+", "");
    }

    /** The session id behind the cookie (Spring Session writes it base64-encoded). */
    public String sessionId() {
        String cookie = sessionCookie();
        return cookie == null ? null : new String(Base64.getDecoder().decode(cookie), StandardCharsets.UTF_8);
    }

    /** A plain-text answer (e.g. Prometheus metrics) for a token. */
    public HttpResponse<String> getTextWithToken(String path, String token) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "text/plain")
                .header("Authorization", "Bearer " + token).GET());
    }

    public HttpResponse<String> getWithToken(String path, String token) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "application/json")
                .header("Authorization", "Bearer " + token).GET());
    }

    public HttpResponse<String> postJsonWithToken(String path, String json, String token) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "application/json")
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** Uploads a file as a form would (multipart), with the session's CSRF header. */
    public HttpResponse<String> postMultipart(String path, String filename, byte[] content) {
        String boundary = "----anju" + System.nanoTime();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
                + "\"\r\nContent-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[head.length + content.length + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(content, 0, body, head.length, content.length);
        System.arraycopy(tail, 0, body, head.length + content.length, tail.length);
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("Accept", "application/json").header("X-CSRF-TOKEN", csrfToken())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    /** Uploads a file with other form fields (multipart), the content type given, with the session's CSRF header. */
    public HttpResponse<String> postMultipart(String path, Map<String, String> fields, String filename, String contentType,
                                              byte[] content) {
        return postMultipart(path, fields, "file", filename, contentType, content);
    }

    /** As above, the file in a part of the given name (a form's {@code photo}). */
    public HttpResponse<String> postMultipart(String path, Map<String, String> fields, String part, String filename, String contentType,
                                              byte[] content) {
        String boundary = "----anju" + System.nanoTime();
        StringBuilder head = new StringBuilder();
        fields.forEach((k, v) -> head.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"")
                .append(k).append("\"\r\n\r\n").append(v).append("\r\n"));
        head.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"").append(part).append("\"; filename=\"")
                .append(filename).append("\"\r\nContent-Type: ").append(contentType).append("\r\n\r\n");
        byte[] h = head.toString().getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[h.length + content.length + tail.length];
        System.arraycopy(h, 0, body, 0, h.length);
        System.arraycopy(content, 0, body, h.length, content.length);
        System.arraycopy(tail, 0, body, h.length + content.length, tail.length);
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("Accept", "application/json").header("X-CSRF-TOKEN", csrfToken())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    /** POSTs JSON with extra headers (an Idempotency-Key) and the session's CSRF header. */
    public HttpResponse<String> postJsonWithHeaders(String path, String json, Map<String, String> headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        // a caller that holds the session's token (a page does) sends it; otherwise it is read from a page first
        if (!headers.containsKey("X-CSRF-TOKEN")) {
            b.header("X-CSRF-TOKEN", csrfToken());
        }
        headers.forEach(b::header);
        return send(b);
    }

    /** PUT or DELETE with a JSON body (or none) and the session's CSRF header. */
    public HttpResponse<String> sendJson(String method, String path, String json) {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .header("X-CSRF-TOKEN", csrfToken())
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json)));
    }

    public HttpResponse<byte[]> getBytes(String path) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The CSRF token of the current session, as a page's meta tag carries it. */
    public String csrfToken() {
        return csrfTokenFrom("/me");
    }

    /** From the page's meta tag, or from a form's hidden field on pages without the frame. */
    public String csrfTokenFrom(String page) {
        String html = get(page).body();
        return CSRF_META.matcher(html).find() ? csrfFrom(html, CSRF_META) : csrfFrom(html, CSRF_INPUT);
    }

    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "text/html").GET());
    }

    public HttpResponse<String> getJson(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "application/json").GET());
    }

    public HttpResponse<String> postForm(String path, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** POSTs JSON with the session's CSRF header, as the platform's own pages do. */
    public HttpResponse<String> postJson(String path, String json) {
        return postJson(path, json, csrfToken());
    }

    public HttpResponse<String> postJson(String path, String json, String csrfToken) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (csrfToken != null) {
            b.header("X-CSRF-TOKEN", csrfToken);
        }
        return send(b);
    }

    public static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    public String sessionCookie() {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("ANJU_SESSION"))
                .map(HttpCookie::getValue).findFirst().orElse(null);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String csrfFrom(String html, Pattern pattern) {
        Matcher m = pattern.matcher(html);
        if (!m.find()) {
            throw new AssertionError("no CSRF token in page");
        }
        return m.group(1);
    }
}
