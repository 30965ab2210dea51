package cn.anju.identity;

import cn.anju.support.DemoAccounts;
import cn.anju.support.PlatformTest;
import cn.anju.support.WebClient;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The API conventions every module follows: /api/v1, problem details with code and Chinese detail, paging. */
@PlatformTest
class ApiConventionsTest {

    @LocalServerPort
    int port;

    @Test
    void meAnswersWhoTheCallerIsForEveryDemoAccount() {
        for (DemoAccounts.DemoAccount account : DemoAccounts.ALL) {
            WebClient client = WebClient.loggedIn(port, account.username());
            HttpResponse<String> response = client.getJson("/api/v1/me");
            assertThat(response.statusCode()).isEqualTo(200);
            JsonNode me = WebClient.json(response);
            assertThat(me.get("username").asString()).isEqualTo(account.username());
            assertThat(me.get("roles").get(0).asString()).isEqualTo(account.role());
            assertThat(me.get("organisation").get("name").asString()).isEqualTo(account.organisationName());
            assertThat(me.get("scope").get("type").asString()).as(account.username()).isEqualTo(account.scopeType());
            List<String> districts = new ArrayList<>();
            me.get("scope").get("districtCodes").forEach(n -> districts.add(n.asString()));
            assertThat(districts).as(account.username()).containsExactlyElementsOf(account.scopeDistricts());
        }
    }

    @Test
    void anonymousApiCallsGetA401ProblemNotALoginPage() {
        HttpResponse<String> response = new WebClient(port).getJson("/api/v1/me");
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        JsonNode problem = WebClient.json(response);
        assertThat(problem.get("code").asString()).isEqualTo("UNAUTHENTICATED");
        assertThat(problem.get("detail").asString()).contains("请先登录");
    }

    @Test
    void unknownApiPathIsAProblemWithTheRequestedPath() {
        HttpResponse<String> response = WebClient.loggedIn(port, "yuyang.gov").getJson("/api/v1/no-such-thing");
        assertThat(response.statusCode()).isEqualTo(404);
        JsonNode problem = WebClient.json(response);
        assertThat(problem.get("code").asString()).isEqualTo("NOT_FOUND");
        assertThat(problem.get("instance").asString()).isEqualTo("/api/v1/no-such-thing");
    }

    @Test
    void refusalsCarryAStableCodeAndAChineseDetail() {
        HttpResponse<String> response = WebClient.loggedIn(port, "anju.manager").getJson("/api/v1/accounts");
        assertThat(response.statusCode()).isEqualTo(403);
        JsonNode problem = WebClient.json(response);
        assertThat(problem.get("code").asString()).isEqualTo("SYSTEM_ADMIN_REQUIRED");
        assertThat(problem.get("detail").asString()).contains("系统管理员");
    }

    @Test
    void pagingHasOneShapeAndRefusesBadSizes() {
        WebClient admin = WebClient.loggedIn(port, "admin");
        JsonNode page = WebClient.json(admin.getJson("/api/v1/accounts?page=1&size=5"));
        assertThat(page.get("items").size()).isEqualTo(5);
        assertThat(page.get("page").asInt()).isEqualTo(1);
        assertThat(page.get("size").asInt()).isEqualTo(5);
        assertThat(page.get("total").asLong()).isGreaterThanOrEqualTo(12);
        assertThat(page.get("totalPages").asInt()).isEqualTo((int) ((page.get("total").asLong() + 4) / 5));

        HttpResponse<String> bad = admin.getJson("/api/v1/accounts?size=1000");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(WebClient.json(bad).get("code").asString()).isEqualTo("INVALID_PAGE_SIZE");
    }

    @Test
    void invalidBodiesListEveryFieldToFix() {
        WebClient officer = WebClient.loggedIn(port, "yuyang.gov");
        HttpResponse<String> response = officer.postJson("/api/v1/evaluator-engagements", "{\"districtCode\":\"61080\"}");
        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode problem = WebClient.json(response);
        assertThat(problem.get("code").asString()).isEqualTo("VALIDATION_FAILED");
        List<String> fields = new ArrayList<>();
        problem.get("errors").forEach(e -> fields.add(e.get("field").asString()));
        assertThat(fields).contains("evaluatorId", "districtCode", "validFrom");

        HttpResponse<String> malformed = officer.postJson("/api/v1/evaluator-engagements", "{not json");
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(WebClient.json(malformed).get("detail").asString()).contains("请求格式有误");
    }

    @Test
    void postWithoutCsrfTokenIsRefused() {
        WebClient officer = WebClient.loggedIn(port, "yuyang.gov");
        HttpResponse<String> response = officer.postJson("/api/v1/evaluator-engagements",
                "{\"evaluatorId\":1,\"districtCode\":\"610802\",\"validFrom\":\"2026-01-01\"}", null);
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(WebClient.json(response).get("code").asString()).isEqualTo("CSRF_TOKEN_INVALID");

        HttpResponse<String> form = officer.postForm("/engagements", Map.of("districtCode", "610802"));
        assertThat(form.statusCode()).isEqualTo(403);
    }

    @Test
    void openApiDocumentsTheApi() {
        HttpResponse<String> docs = WebClient.loggedIn(port, "admin").getJson("/v3/api-docs");
        assertThat(docs.statusCode()).isEqualTo(200);
        JsonNode paths = WebClient.json(docs).get("paths");
        assertThat(paths.has("/api/v1/me")).isTrue();
        assertThat(paths.has("/api/v1/operator-coverage")).isTrue();
        assertThat(paths.has("/api/v1/procurements")).isTrue();
        assertThat(paths.has("/api/v1/contracts")).isTrue();
        assertThat(paths.has("/api/v1/contracts/{id}/amendments")).isTrue();
    }
}
