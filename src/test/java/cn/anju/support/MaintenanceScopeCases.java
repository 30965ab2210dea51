package cn.anju.support;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static cn.anju.support.ScopeTargets.yuyangOrder;
import static org.assertj.core.api.Assertions.assertThat;

/** Work orders, the facility register and preventive schedules. */
final class MaintenanceScopeCases {

    private MaintenanceScopeCases() {
    }

    static void addTo(Map<String, ScopeCase> cases) {
        // maintenance
        cases.put("GET /api/v1/work-orders", port -> {
            yuyangOrder(port);
            WebClient.json(WebClient.loggedIn(port, "shenmu.op").getJson("/api/v1/work-orders?size=200")).get("items")
                    .forEach(o -> assertThat(o.get("districtCode").asString()).isEqualTo("610881"));
            long own = WebClient.json(WebClient.loggedIn(port, "tenant.demo").getJson("/api/v1/households")).get("items").get(0).get("id").asLong();
            WebClient.json(WebClient.loggedIn(port, "tenant.demo").getJson("/api/v1/work-orders?size=200")).get("items")
                    .forEach(o -> assertThat(o.get("householdId").asLong()).isEqualTo(own));
            assertThat(WebClient.loggedIn(port, "yuyang.finance").getJson("/api/v1/work-orders").statusCode()).isEqualTo(403);
        });
        cases.put("POST /api/v1/work-orders", port -> {
            String body = "{\"projectId\":1,\"category\":\"LIGHTING\",\"location\":\"COMMON\",\"workType\":\"REPAIR\",\"description\":\"越权\"}";
            long yuyang = WebClient.json(WebClient.loggedIn(port, "yuyang.gov").getJson("/api/v1/projects")).get(0).get("id").asLong();
            assertThat(WebClient.loggedIn(port, "shenmu.op").postJson("/api/v1/work-orders", body.replace("\"projectId\":1", "\"projectId\":" + yuyang))
                    .statusCode()).isEqualTo(404);
            for (String who : List.of("yuyang.gov", "yuyang.finance", "admin")) {
                assertThat(WebClient.loggedIn(port, who).postJson("/api/v1/work-orders", body).statusCode()).as(who).isEqualTo(403);
            }
        });
        cases.put("GET /api/v1/work-orders/{id}", port -> {
            long id = yuyangOrder(port);
            for (String who : List.of("shenmu.op", "hengshan.gov", "tenant.demo")) {
                assertThat(WebClient.loggedIn(port, who).getJson("/api/v1/work-orders/" + id).statusCode()).as(who).isEqualTo(404);
            }
        });
        cases.put("GET /api/v1/work-orders/{id}/attachments/{attachmentId}", port -> {
            long id = yuyangOrder(port);
            assertThat(WebClient.loggedIn(port, "shenmu.op").getBytes("/api/v1/work-orders/" + id + "/attachments/1").statusCode()).isEqualTo(404);
        });
        cases.put("POST /api/v1/work-orders/{id}/{action:triage|dispatch|arrival|completion|confirmation|reopening}", port -> {
            long id = yuyangOrder(port);
            assertThat(WebClient.loggedIn(port, "shenmu.op").postJson("/api/v1/work-orders/" + id + "/dispatch", "{\"worker\":\"越权\"}").statusCode())
                    .isEqualTo(404);
            assertThat(WebClient.loggedIn(port, "tenant.demo").postJson("/api/v1/work-orders/" + id + "/dispatch", "{}").statusCode()).isEqualTo(403);
            assertThat(WebClient.loggedIn(port, "tenant.demo").postJson("/api/v1/work-orders/" + id + "/confirmation", "{\"rating\":5}").statusCode())
                    .isEqualTo(404);
        });
        cases.put("GET /api/v1/work-orders/on-time-rate", port -> {
            assertThat(WebClient.loggedIn(port, "yuyang.finance").getJson("/api/v1/work-orders/on-time-rate").statusCode()).isEqualTo(403);
            assertThat(WebClient.loggedIn(port, "shenmu.op").getJson("/api/v1/work-orders/on-time-rate").statusCode()).isEqualTo(200);
        });
        cases.put("GET /api/v1/facilities", port -> {
            var shenmu = WebClient.json(WebClient.loggedIn(port, "shenmu.op").getJson("/api/v1/facilities"));
            var yuyang = WebClient.json(WebClient.loggedIn(port, "yuyang.gov").getJson("/api/v1/facilities"));
            Set<Long> ids = new HashSet<>();
            yuyang.forEach(f -> ids.add(f.get("id").asLong()));
            shenmu.forEach(f -> assertThat(ids).doesNotContain(f.get("id").asLong()));
            assertThat(WebClient.json(WebClient.loggedIn(port, "tenant.demo").getJson("/api/v1/facilities")).size()).isZero();
        });
        cases.put("GET /api/v1/facilities/schedules", port -> {
            assertThat(WebClient.loggedIn(port, "tenant.demo").getJson("/api/v1/facilities/schedules").statusCode()).isEqualTo(403);
            var yuyang = WebClient.json(WebClient.loggedIn(port, "yuyang.gov").getJson("/api/v1/facilities/schedules"));
            Set<Long> ids = new HashSet<>();
            yuyang.forEach(f -> ids.add(f.get("id").asLong()));
            WebClient.json(WebClient.loggedIn(port, "shenmu.op").getJson("/api/v1/facilities/schedules"))
                    .forEach(f -> assertThat(ids).doesNotContain(f.get("id").asLong()));
        });
        cases.put("POST /api/v1/facilities/{facilityId}/schedules", port -> {
            long facility = WebClient.json(WebClient.loggedIn(port, "yuyang.gov").getJson("/api/v1/facilities")).get(0).get("id").asLong();
            String body = "{\"task\":\"越权\",\"category\":\"ELEVATOR\",\"everyDays\":15}";
            assertThat(WebClient.loggedIn(port, "shenmu.op").postJson("/api/v1/facilities/" + facility + "/schedules", body).statusCode()).isEqualTo(404);
            for (String who : List.of("anju.staff", "tenant.demo", "yuyang.finance")) {
                assertThat(WebClient.loggedIn(port, who).postJson("/api/v1/facilities/" + facility + "/schedules", body).statusCode()).as(who).isEqualTo(403);
            }
        });
    }
}
