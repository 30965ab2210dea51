package cn.anju;

import cn.anju.support.PlatformTest;
import cn.anju.support.WebClient;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.parser.OpenAPIV3Parser;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The filters and forms of maintenance, inspection, housing and identity are records bound as a whole; integrations
 * still send the parameters they always sent. Each keeps its names in the OpenAPI document they generate clients from,
 * still filters, and refuses a value it cannot read with a 400 that names the parameter, never a server error.
 */
@PlatformTest
class FilterParametersTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theApiDocumentListsEachFilterParameterByItsName() {
        OpenAPI api = new OpenAPIV3Parser().readContents(WebClient.loggedIn(port, "admin").getJson("/v3/api-docs").body()).getOpenAPI();
        Map<String, List<String>> expected = Map.of(
                "/api/v1/work-orders", List.of("state", "view", "page", "size"),
                "/api/v1/work-orders/on-time-rate", List.of("month"),
                "/api/v1/facilities", List.of("projectId"),
                "/api/v1/violation-cases", List.of("state", "type", "page", "size"),
                "/api/v1/patrol-tasks", List.of("view", "page", "size"),
                "/api/v1/patrol-coverage", List.of("month"),
                "/api/v1/units", List.of("districtCode", "projectId", "buildingId", "status", "layout", "minArea", "maxArea", "page", "size"),
                "/api/v1/accounts", List.of("keyword", "organisationId", "role", "enabled", "page", "size"),
                "/api/v1/working-days", List.of("year"));
        expected.forEach((path, names) -> {
            Operation get = api.getPaths().get(path).readOperationsMap().get(PathItem.HttpMethod.GET);
            assertThat(get.getParameters()).as(path).extracting(Parameter::getName).containsExactlyInAnyOrderElementsOf(names);
            assertThat(get.getParameters()).as(path).allSatisfy(p -> {
                assertThat(p.getIn()).isEqualTo("query");
                assertThat(p.getRequired()).isNotEqualTo(Boolean.TRUE);
            });
        });
    }

    @Test
    void anUploadKeepsItsFieldsAsQueryParametersAndItsFilesInTheBody() {
        OpenAPI api = new OpenAPIV3Parser().readContents(WebClient.loggedIn(port, "admin").getJson("/v3/api-docs").body()).getOpenAPI();
        Map<String, List<String>> fields = Map.of(
                "/api/v1/violation-cases/{id}/evidence", List.of("id", "description", "takenAt", "place", "latitude", "longitude"),
                "/api/v1/verification-visits/{id}", List.of("id", "outcome", "note", "latitude", "longitude"),
                "/api/v1/meter-readings", List.of());
        Map<String, String> files = Map.of("/api/v1/violation-cases/{id}/evidence", "file", "/api/v1/verification-visits/{id}", "photo",
                "/api/v1/meter-readings", "file");
        fields.forEach((path, names) -> {
            Operation post = api.getPaths().get(path).getPost();
            List<Parameter> parameters = post.getParameters() == null ? List.of() : post.getParameters();
            assertThat(parameters).as(path).extracting(Parameter::getName).containsExactlyInAnyOrderElementsOf(names);
            assertThat(post.getRequestBody().getContent().get("multipart/form-data").getSchema().getProperties())
                    .as(path).containsOnlyKeys(files.get(path));
        });
    }

    @Test
    void theFiltersStillFilter() {
        JsonNode officers = WebClient.json(WebClient.loggedIn(port, "admin").getJson("/api/v1/accounts?role=GOV_OFFICER&enabled=true&size=200"));
        assertThat(officers.get("total").asLong()).isPositive();
        assertThat(officers.get("items")).allSatisfy(a -> {
            assertThat(a.get("roles").toString()).contains("GOV_OFFICER");
            assertThat(a.get("enabled").asBoolean()).isTrue();
        });

        JsonNode vacant = WebClient.json(WebClient.loggedIn(port, "city.gov").getJson("/api/v1/units?status=VACANT&size=5&page=2"));
        assertThat(vacant.get("items")).hasSize(5).allSatisfy(u -> assertThat(u.get("status").asString()).isEqualTo("VACANT"));
        assertThat(vacant.get("page").asInt()).isEqualTo(2);

        String days = WebClient.loggedIn(port, "admin").get("/admin/calendar?year=2026").body();
        assertThat(days).contains("2026");
    }

    @Test
    void anUnreadableValueIsA400NamingTheParameter() {
        WebClient manager = WebClient.loggedIn(port, "anju.manager");
        assertRefused(manager.getJson("/api/v1/work-orders?state=NO_SUCH_STATE"), "state");
        assertRefused(manager.getJson("/api/v1/patrol-coverage?month=2026-13"), "month");
        assertRefused(WebClient.loggedIn(port, "city.gov").getJson("/api/v1/units?minArea=big"), "minArea");

        HttpResponse<String> page = manager.get("/cases?type=NO_SUCH_TYPE");
        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.body()).contains("lang=\"zh-CN\"").contains("type");
    }

    @Test
    void aFormWithoutItsRequiredFieldIsRefusedAndRegistersNothing() {
        WebClient admin = WebClient.loggedIn(port, "admin");
        long before = count();
        HttpResponse<String> refused = admin.postForm("/admin/organisations",
                Map.of("_csrf", admin.csrfToken(), "name", "无代码的组织", "type", "OPERATOR"));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("lang=\"zh-CN\"").contains("code");
        assertThat(count()).isEqualTo(before);
    }

    private long count() {
        return jdbc.queryForObject("select count(*) from organisation", Long.class);
    }

    private static void assertRefused(HttpResponse<String> response, String parameter) {
        assertThat(response.statusCode()).as(response.uri().toString()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        JsonNode problem = WebClient.json(response);
        assertThat(problem.get("code").asString()).isEqualTo("INVALID_PARAMETER");
        assertThat(problem.get("detail").asString()).containsPattern("\\p{IsHan}").contains(parameter);
    }
}
