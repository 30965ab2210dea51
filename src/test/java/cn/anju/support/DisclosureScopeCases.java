package cn.anju.support;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Public items before they are public: a district's government handles its own, the city all; operators, finance,
 * evaluators, tenants and administrators reach nothing here (they read what is published, like anyone).
 */
final class DisclosureScopeCases {

    private DisclosureScopeCases() {
    }

    private static final List<String> NOBODY = List.of("tenant.demo", "admin", "auditor", "anju.staff", "anju.manager", "yuyang.finance",
            "evaluator");

    /** A demo item of 榆阳区 (drafted from the demo's signed evaluations). */
    static long yuyangItem(int port) {
        var rows = WebClient.json(WebClient.loggedIn(port, "yuyang.gov").getJson("/api/v1/disclosures"));
        assertThat(rows.size()).as("榆阳区's drafted items").isPositive();
        return rows.get(0).get("id").asLong();
    }

    static void addTo(Map<String, ScopeCase> cases) {
        cases.put("GET /api/v1/disclosures", port -> {
            ScopeAsserts.assertOnlyDistricts(port, "yuyang.gov", "/api/v1/disclosures", "610802");
            ScopeAsserts.assertOnlyDistricts(port, "shenmu.gov", "/api/v1/disclosures", "610881");
            refused(port, "GET", "/api/v1/disclosures");
        });
        cases.put("GET /api/v1/disclosures/late", port -> {
            var rows = WebClient.json(WebClient.loggedIn(port, "shenmu.gov").getJson("/api/v1/disclosures/late"));
            rows.forEach(r -> assertThat(r.get("districtCode").asString()).isEqualTo("610881"));
            refused(port, "GET", "/api/v1/disclosures/late");
        });
        cases.put("GET /api/v1/disclosures/{id}", port -> {
            long id = yuyangItem(port);
            assertThat(WebClient.loggedIn(port, "yuyang.gov").getJson("/api/v1/disclosures/" + id).statusCode()).isEqualTo(200);
            assertThat(WebClient.loggedIn(port, "hengshan.gov").getJson("/api/v1/disclosures/" + id).statusCode()).isEqualTo(404);
            refused(port, "GET", "/api/v1/disclosures/" + id);
        });
        for (String step : List.of("publication", "withdrawal", "redraft")) {
            cases.put("POST /api/v1/disclosures/{id}/" + step, port -> {
                long id = yuyangItem(port);
                assertThat(WebClient.loggedIn(port, "hengshan.gov").postJson("/api/v1/disclosures/" + id + "/" + step, "{}").statusCode())
                        .isEqualTo(404);
                refused(port, "POST", "/api/v1/disclosures/" + id + "/" + step);
            });
        }
    }

    /** The demo's request for information to 榆阳区 (answered). */
    static long yuyangRequest(int port) {
        var rows = WebClient.json(WebClient.loggedIn(port, "yuyang.gov").getJson("/api/v1/information-requests"));
        assertThat(rows.size()).as("榆阳区's requests for information").isPositive();
        return rows.get(0).get("id").asLong();
    }

    static void addRequestsTo(Map<String, ScopeCase> cases) {
        cases.put("GET /api/v1/information-requests", port -> {
            ScopeAsserts.assertOnlyDistricts(port, "yuyang.gov", "/api/v1/information-requests", "610802");
            ScopeAsserts.assertOnlyDistricts(port, "shenmu.gov", "/api/v1/information-requests", "610881");
            assertThat(WebClient.json(WebClient.loggedIn(port, "hengshan.gov").getJson("/api/v1/information-requests"))
                    .findValuesAsString("districtCode")).doesNotContain("610802", "610881");
            refused(port, "GET", "/api/v1/information-requests");
        });
        cases.put("GET /api/v1/information-requests/late", port -> {
            var rows = WebClient.json(WebClient.loggedIn(port, "shenmu.gov").getJson("/api/v1/information-requests/late"));
            rows.forEach(r -> assertThat(r.get("districtCode").asString()).isEqualTo("610881"));
            refused(port, "GET", "/api/v1/information-requests/late");
        });
        cases.put("GET /api/v1/information-requests/{id}", port -> {
            long id = yuyangRequest(port);
            assertThat(WebClient.loggedIn(port, "yuyang.gov").getJson("/api/v1/information-requests/" + id).statusCode()).isEqualTo(200);
            assertThat(WebClient.loggedIn(port, "hengshan.gov").getJson("/api/v1/information-requests/" + id).statusCode()).isEqualTo(404);
            refused(port, "GET", "/api/v1/information-requests/" + id);
        });
        cases.put("GET /api/v1/information-requests/{id}/files/{fileId}", port -> {
            long id = yuyangRequest(port);
            long file = WebClient.json(WebClient.loggedIn(port, "yuyang.gov").getJson("/api/v1/information-requests/" + id))
                    .get("files").get(0).get("id").asLong();
            String path = "/api/v1/information-requests/" + id + "/files/" + file;
            assertThat(WebClient.loggedIn(port, "yuyang.gov").getBytes(path).statusCode()).isEqualTo(200);
            assertThat(WebClient.loggedIn(port, "hengshan.gov").getJson(path).statusCode()).isEqualTo(404);
            refused(port, "GET", path);
        });
        for (String step : List.of("applicant", "extension")) {
            cases.put("POST /api/v1/information-requests/{id}/" + step, port -> {
                long id = yuyangRequest(port);
                assertThat(WebClient.loggedIn(port, "hengshan.gov").postJson("/api/v1/information-requests/" + id + "/" + step, "{}")
                        .statusCode()).isEqualTo(404);
                refused(port, "POST", "/api/v1/information-requests/" + id + "/" + step);
            });
        }
        cases.put("POST /api/v1/information-requests/{id}/reply", port -> {
            long id = yuyangRequest(port);
            String path = "/api/v1/information-requests/" + id + "/reply";
            assertThat(WebClient.loggedIn(port, "hengshan.gov").postMultipart(path, Map.of("kind", "DISCLOSED", "reply", "答复"),
                    "files", "a.pdf", "application/pdf", "%PDF-1.4".getBytes()).statusCode()).isEqualTo(404);
            refused(port, "POST", path);
        });
    }

    private static void refused(int port, String method, String path) {
        for (String w : NOBODY) {
            WebClient web = WebClient.loggedIn(port, w);
            int status = method.equals("GET") ? web.getJson(path).statusCode() : web.postJson(path, "{}").statusCode();
            assertThat(status).as(w + " " + method + " " + path).isEqualTo(403);
        }
    }
}
