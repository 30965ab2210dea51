package cn.anju.shared.web;

import cn.anju.support.PlatformTest;
import cn.anju.support.WebClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every error has one of two shapes: RFC 9457 problem details under {@code /api}, the Chinese error page elsewhere,
 * whoever raises it (a controller, a filter, Spring MVC, Tomcat itself). Text that cannot be stored is refused with
 * 400 and the field to fix, before anything is written.
 */
@PlatformTest
class ErrorAnswersTest {

    private static final String NUL = "\\u0000";

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aNulInsideAJsonStringIsRefusedWithTheFieldAndNothingIsWritten() {
        WebClient manager = WebClient.loggedIn(port, "anju.manager");
        Map<String, String> bodies = Map.of(
                "/api/v1/me/tokens", "{\"name\":\"to" + NUL + "ken\",\"days\":5}",
                "/api/v1/patrol-plans", "{\"projectId\":1,\"name\":\"巡" + NUL + "查\",\"everyDays\":7,\"checklist\":[\"消防\"]}",
                "/api/v1/violation-cases", "{\"leaseNumber\":\"HT" + NUL + "1\",\"type\":\"SUBLET\",\"facts\":\"转租\"}",
                "/api/v1/work-orders", "{\"source\":\"STAFF\",\"projectId\":1,\"category\":\"LIGHTING\",\"description\":\"灯" + NUL + "坏\"}");
        long before = rows();
        bodies.forEach((path, body) -> {
            HttpResponse<String> response = manager.postJson(path, body);
            assertProblem(response, 400, "INVALID_CHARACTER");
            JsonNode problem = WebClient.json(response);
            assertThat(problem.get("detail").asString()).as(path).contains("无法保存的字符").contains("请删除");
            assertThat(problem.get("errors").get(0).get("field").asString()).as(path).isNotBlank();
            assertThat(problem.get("instance").asString()).isEqualTo(path);
        });
        assertThat(rows()).as("rows written").isEqualTo(before);

        HttpResponse<String> lone = manager.postJson("/api/v1/me/tokens", "{\"name\":\"a\\ud800b\",\"days\":5}");
        assertProblem(lone, 400, "INVALID_CHARACTER");
        assertThat(WebClient.json(lone).get("errors").get(0).get("field").asString()).isEqualTo("name");
    }

    @Test
    void aNulInAQueryOrFormParameterIsRefusedAsProblemOrPage() throws Exception {
        WebClient manager = WebClient.loggedIn(port, "anju.manager");
        HttpResponse<String> api = manager.getJson("/api/v1/work-orders?state=%00");
        assertProblem(api, 400, "INVALID_CHARACTER");
        assertThat(WebClient.json(api).get("errors").get(0).get("field").asString()).isEqualTo("state");

        HttpResponse<String> page = manager.get("/work-orders?q=a%00b");
        assertChinesePage(page, 400);
        assertThat(page.body()).contains("“q”含有无法保存的字符");

        HttpResponse<String> form = send(manager, "POST", "/coverage", "text/html", "application/x-www-form-urlencoded", null,
                "districtCode=6108%0002&_csrf=" + manager.csrfToken());
        assertChinesePage(form, 400);
        assertThat(form.body()).contains("districtCode");
    }

    @Test
    void tomcatsOwnRefusalsAreProblemsUnderApiAndTheChinesePageElsewhere() throws Exception {
        WebClient manager = WebClient.loggedIn(port, "anju.manager");
        // 10,000 characters fit in the request line now; the endpoint ignores the unknown parameter
        HttpResponse<String> longQuery = send(manager, "GET", "/api/v1/work-orders?x=" + "a".repeat(10_000), "application/json", null, null);
        assertThat(longQuery.statusCode()).isEqualTo(200);

        HttpResponse<String> tooLong = send(manager, "GET", "/api/v1/work-orders?x=" + "a".repeat(40_000), "application/json", null, null);
        assertProblem(tooLong, 400, "BAD_REQUEST");

        HttpResponse<String> bigHeader = send(manager, "GET", "/api/v1/me", "text/html", null, null, "X-Big", "b".repeat(40_000));
        assertProblem(bigHeader, 400, "BAD_REQUEST");
        assertThat(WebClient.json(bigHeader).get("instance").asString()).isEqualTo("/api/v1/me");
        HttpResponse<String> bigHeaderPage = send(manager, "GET", "/me", "text/html", null, null, "X-Big", "b".repeat(40_000));
        assertChinesePage(bigHeaderPage, 400);

        assertProblem(send(manager, "GET", "/api/v1/work-orders/%00", "application/json", null, null), 400, "BAD_REQUEST");
        assertChinesePage(send(manager, "GET", "/work-orders/%00", "text/html", null, null), 400);
    }

    @Test
    void springsOwnRefusalsAreProblemsWithTheirInstance() throws Exception {
        WebClient manager = WebClient.loggedIn(port, "anju.manager");
        HttpResponse<String> missing = manager.get("/api/v1/no-such-thing"); // a browser's Accept: still problem details
        assertProblem(missing, 404, "NOT_FOUND");
        assertThat(WebClient.json(missing).get("instance").asString()).isEqualTo("/api/v1/no-such-thing");
        assertProblem(send(manager, "PATCH", "/api/v1/work-orders", "application/json", null, manager.csrfToken()), 405, "METHOD_NOT_ALLOWED");
        assertProblem(send(manager, "POST", "/api/v1/me/tokens", "application/json", "text/plain", manager.csrfToken()), 415,
                "UNSUPPORTED_MEDIA_TYPE");
        assertChinesePage(manager.get("/no-such-page"), 404);

        // a form over Tomcat's 2MB limit: a 413 the caller can act on, not the 500 of a later reader
        String big = "a=" + "x".repeat(3 * 1024 * 1024);
        HttpResponse<String> apiForm = send(manager, "POST", "/api/v1/me/tokens", "application/json", "application/x-www-form-urlencoded",
                manager.csrfToken(), big);
        assertProblem(apiForm, 413, "CONTENT_TOO_LARGE");
        HttpResponse<String> pageForm = send(manager, "POST", "/coverage", "text/html", "application/x-www-form-urlencoded",
                manager.csrfToken(), big);
        assertChinesePage(pageForm, 413);
        assertThat(pageForm.body()).contains("提交的内容过大");
    }

    @Test
    void securityRefusalsCarryTheirInstanceLikeEveryOtherProblem() {
        WebClient manager = WebClient.loggedIn(port, "anju.manager");
        HttpResponse<String> csrf = manager.postJson("/api/v1/me/tokens", "{\"name\":\"x\",\"days\":5}", null);
        assertProblem(csrf, 403, "CSRF_TOKEN_INVALID");
        assertThat(WebClient.json(csrf).get("instance").asString()).isEqualTo("/api/v1/me/tokens");
        HttpResponse<String> anonymous = new WebClient(port).getJson("/api/v1/me");
        assertProblem(anonymous, 401, "UNAUTHENTICATED");
        assertThat(WebClient.json(anonymous).get("instance").asString()).isEqualTo("/api/v1/me");
        HttpResponse<String> badToken = new WebClient(port).getWithToken("/api/v1/me", "anju_not-a-token");
        assertProblem(badToken, 401, "TOKEN_INVALID");
        assertThat(WebClient.json(badToken).get("instance").asString()).isEqualTo("/api/v1/me");
    }

    @Test
    void framingIsRefusedByBothHeadersOnPagesAndApiAnswers() {
        WebClient manager = WebClient.loggedIn(port, "anju.manager");
        for (HttpResponse<String> response : new HttpResponse[]{manager.get("/me"), manager.getJson("/api/v1/me")}) {
            String csp = response.headers().firstValue("Content-Security-Policy").orElse("");
            assertThat(csp).as(response.uri().getPath()).contains("frame-ancestors 'none'").doesNotContain("frame-ancestors 'self'");
            assertThat(response.headers().firstValue("X-Frame-Options")).as(response.uri().getPath()).contains("DENY");
        }
    }

    /** Rows of the tables the four refused requests would have written. */
    private long rows() {
        return jdbc.queryForObject("select (select count(*) from api_token) + (select count(*) from patrol_plan)"
                + " + (select count(*) from violation_case) + (select count(*) from work_order)", Long.class);
    }

    private static void assertProblem(HttpResponse<String> response, int status, String code) {
        String what = response.request().method() + " " + response.uri().getPath();
        assertThat(response.statusCode()).as(what).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).as(what).startsWith("application/problem+json");
        JsonNode problem = WebClient.json(response);
        assertThat(problem.get("code").asString()).as(what).isEqualTo(code);
        assertThat(problem.get("status").asInt()).as(what).isEqualTo(status);
        assertThat(problem.get("detail").asString()).as(what).containsPattern("\\p{IsHan}");
    }

    private static void assertChinesePage(HttpResponse<String> response, int status) {
        String what = response.request().method() + " " + response.uri().getPath();
        assertThat(response.statusCode()).as(what).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).as(what).startsWith("text/html");
        assertThat(response.body()).as(what).contains("lang=\"zh-CN\"").contains("data-status=\"" + status + "\"")
                .doesNotContain("Apache Tomcat").doesNotContain("HTTP Status");
    }

    /** A request WebClient cannot make: any method, a long URL, a body of any type, extra headers. */
    private HttpResponse<String> send(WebClient client, String method, String path, String accept, String contentType,
                                      String csrf, String... bodyAndHeaders) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept", accept).header("Cookie", "ANJU_SESSION=" + client.sessionCookie());
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        if (csrf != null) {
            b.header("X-CSRF-TOKEN", csrf);
        }
        String body = bodyAndHeaders.length % 2 == 1 ? bodyAndHeaders[0] : null;
        for (int i = bodyAndHeaders.length % 2; i < bodyAndHeaders.length; i += 2) {
            b.header(bodyAndHeaders[i], bodyAndHeaders[i + 1]);
        }
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
