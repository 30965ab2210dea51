package cn.anju.support;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The case desk: an operator sees its projects' cases and its districts' unmatched queue only, a district its
 * district's, a tenant its household's; every step on a case out of scope is "not found", and a role that may not
 * take the step is refused before the case is looked at.
 */
final class FeedbackScopeCases {

    private FeedbackScopeCases() {
    }

    /** A case of a Yuyang household, taken at the hotline by the Yuyang operator's 客服专员. */
    static long yuyangFeedback(int port) {
        long household = ScopeTargets.firstHousehold(port, "yuyang.gov");
        var r = WebClient.loggedIn(port, "anju.service").postJson("/api/v1/feedback/inbound", "{\"channel\":\"HOTLINE\",\"externalId\":\"scope-"
                + UUID.randomUUID() + "\",\"receivedAt\":\"2026-11-16T09:00:00+08:00\",\"text\":\"范围测试\",\"householdId\":" + household + "}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return WebClient.json(r).get("id").asLong();
    }

    private static final List<String> OPERATOR_STEPS = List.of("acceptance", "assignment", "follow-up-call", "parent", "pause", "placement",
            "rejection", "reply", "resumption", "start", "violation-case", "work-order");
    private static final List<String> OFFICER_STEPS = List.of("district-decision", "sample", "supervision");

    static void addTo(Map<String, ScopeCase> cases) {
        cases.put("POST /api/v1/feedback/inbound", port -> {
            String body = "{\"channel\":\"HOTLINE\",\"externalId\":\"x-" + UUID.randomUUID() + "\",\"receivedAt\":\"2026-11-16T09:00:00+08:00\",\"text\":\"x\"}";
            for (String who : List.of("yuyang.gov", "yuyang.finance", "admin", "auditor", "evaluator")) {
                assertThat(WebClient.loggedIn(port, who).postJson("/api/v1/feedback/inbound", body).statusCode()).as(who).isEqualTo(403);
            }
        });
        cases.put("GET /api/v1/feedback/cases", port -> {
            long id = yuyangFeedback(port);
            for (String who : List.of("shenmu.op", "hengshan.gov")) {
                assertThat(WebClient.json(WebClient.loggedIn(port, who).getJson("/api/v1/feedback/cases?size=200")).get("items")
                        .findValuesAsString("id")).as(who).doesNotContain(String.valueOf(id));
            }
            WebClient.json(WebClient.loggedIn(port, "shenmu.op").getJson("/api/v1/feedback/cases?size=200")).get("items")
                    .forEach(c -> assertThat(c.get("districtCode").asString()).isEqualTo("610881"));
            assertThat(WebClient.json(WebClient.loggedIn(port, "yuyang.gov").getJson("/api/v1/feedback/cases?size=200")).get("items")
                    .findValuesAsString("id")).contains(String.valueOf(id));
            for (String who : List.of("yuyang.finance", "admin")) {
                assertThat(WebClient.loggedIn(port, who).getJson("/api/v1/feedback/cases").statusCode()).as(who).isEqualTo(403);
            }
        });
        cases.put("GET /api/v1/feedback/cases/{id}", port -> {
            long id = yuyangFeedback(port);
            for (String who : List.of("shenmu.op", "hengshan.gov", "tenant.demo")) {
                assertThat(WebClient.loggedIn(port, who).getJson("/api/v1/feedback/cases/" + id).statusCode()).as(who).isEqualTo(404);
            }
        });
        for (String step : OPERATOR_STEPS) {
            cases.put("POST /api/v1/feedback/cases/{id}/" + step, port -> {
                long id = yuyangFeedback(port);
                String path = "/api/v1/feedback/cases/" + id + "/" + step;
                assertThat(WebClient.loggedIn(port, "shenmu.op").postJson(path, "{\"projectId\":1,\"handlerId\":1,\"parentId\":1,\"reason\":\"x\","
                        + "\"text\":\"x\",\"reached\":false}").statusCode()).as("shenmu.op " + step).isEqualTo(404);
                for (String who : List.of("tenant.demo", "yuyang.finance")) {
                    assertThat(WebClient.loggedIn(port, who).postJson(path, "{}").statusCode()).as(who + " " + step).isEqualTo(403);
                }
            });
        }
        for (String step : OFFICER_STEPS) {
            cases.put("POST /api/v1/feedback/cases/{id}/" + step, port -> {
                long id = yuyangFeedback(port);
                String path = "/api/v1/feedback/cases/" + id + "/" + step;
                assertThat(WebClient.loggedIn(port, "hengshan.gov").postJson(path, "{\"dueOn\":\"2026-12-31\",\"reached\":false,"
                        + "\"reopen\":true,\"conclusion\":\"x\"}").statusCode()).as("hengshan.gov " + step).isEqualTo(404);
                for (String who : List.of("anju.manager", "tenant.demo")) {
                    assertThat(WebClient.loggedIn(port, who).postJson(path, "{}").statusCode()).as(who + " " + step).isEqualTo(403);
                }
            });
        }
        cases.put("POST /api/v1/feedback/cases/{id}/satisfaction", port -> {
            long id = yuyangFeedback(port);
            String path = "/api/v1/feedback/cases/" + id + "/satisfaction";
            for (String who : List.of("anju.manager", "yuyang.gov")) {
                assertThat(WebClient.loggedIn(port, who).postJson(path, "{\"answer\":\"SATISFIED\"}").statusCode()).as(who).isEqualTo(403);
            }
            // not the tenant's own household's case
            assertThat(WebClient.loggedIn(port, "tenant.demo").postJson(path, "{\"answer\":\"SATISFIED\"}").statusCode()).isEqualTo(404);
        });
    }
}
