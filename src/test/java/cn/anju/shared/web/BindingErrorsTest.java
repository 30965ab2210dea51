package cn.anju.shared.web;

import cn.anju.support.PlatformTest;
import cn.anju.support.WebClient;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A query parameter whose value cannot be read (an unknown state, a malformed date or number) is refused with 400,
 * the stable code {@code INVALID_PARAMETER} and a Chinese message naming the parameter, whether the controller binds
 * it alone or in a record; never with Spring's English text, and never quoting the value, which may be personal data.
 */
@PlatformTest
class BindingErrorsTest {

    @LocalServerPort
    int port;

    @Test
    void anApiNamesTheParameterItCannotReadAndNotItsValue() {
        WebClient officer = WebClient.loggedIn(port, "city.gov");
        // a record bound with @ModelAttribute
        assertUnreadable(officer.getJson("/api/v1/measures/LEASES_STARTED?asOf=2026-13-45"), "asOf", "2026-13-45");
        assertUnreadable(officer.getJson("/api/v1/measures/LEASES_STARTED?from=yesterday&to=2026-02-30"), "from", "yesterday");

        WebClient manager = WebClient.loggedIn(port, "anju.manager");
        assertUnreadable(manager.getJson("/api/v1/leases?status=SECRET_STATE"), "status", "SECRET_STATE");
        assertUnreadable(manager.getJson("/api/v1/leases?page=first"), "page", "first");

        // a malformed path is no parameter to name: the plain 400 of a bad address
        HttpResponse<String> path = manager.getJson("/api/v1/leases/not-a-number");
        assertThat(path.statusCode()).isEqualTo(400);
        assertThat(WebClient.json(path).get("code").asString()).isEqualTo("BAD_REQUEST");
    }

    @Test
    void aPageShowsTheChineseErrorPageNamingTheParameter() {
        WebClient manager = WebClient.loggedIn(port, "anju.manager");
        for (String[] bad : new String[][]{{"status", "SECRET_STATE"}, {"page", "first"}, {"view", "everything"}}) {
            HttpResponse<String> page = manager.get("/leases?" + bad[0] + "=" + bad[1]);
            assertThat(page.statusCode()).as(bad[0]).isEqualTo(400);
            assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
            assertThat(page.body()).as(bad[0]).contains("lang=\"zh-CN\"").contains("data-status=\"400\"")
                    .contains("参数 " + bad[0] + " 的值无法识别，请检查后重试。")
                    .doesNotContain(bad[1]).doesNotContain("Failed to convert");
        }
    }

    private static void assertUnreadable(HttpResponse<String> response, String parameter, String value) {
        assertThat(response.statusCode()).as(parameter).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        JsonNode problem = WebClient.json(response);
        assertThat(problem.get("code").asString()).isEqualTo("INVALID_PARAMETER");
        assertThat(problem.get("detail").asString()).contains("参数 " + parameter).contains("无法识别");
        assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo(parameter);
        assertThat(response.body()).as("the rejected value is not echoed").doesNotContain(value).doesNotContain("Failed to convert");
    }
}
