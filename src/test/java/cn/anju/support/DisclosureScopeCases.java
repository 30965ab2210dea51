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

    private static void refused(int port, String method, String path) {
        for (String w : NOBODY) {
            WebClient web = WebClient.loggedIn(port, w);
            int status = method.equals("GET") ? web.getJson(path).statusCode() : web.postJson(path, "{}").statusCode();
            assertThat(status).as(w + " " + method + " " + path).isEqualTo(403);
        }
    }
}
