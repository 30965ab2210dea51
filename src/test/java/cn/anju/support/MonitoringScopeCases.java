package cn.anju.support;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboards: the city's only for city users; a district's for its government and an operator serving it whole;
 * a project's for whoever covers it; everything else 404 within the role, 403 without it.
 */
final class MonitoringScopeCases {

    private MonitoringScopeCases() {
    }

    private static final List<String> NOBODY = List.of("tenant.demo", "admin", "auditor", "anju.staff", "evaluator", "monitor");

    static int status(int port, String who, String path) {
        return WebClient.loggedIn(port, who).getJson(path).statusCode();
    }

    /** A project of 榆阳区, from its district's dashboard. */
    static long yuyangProject(int port) {
        var rows = WebClient.json(WebClient.loggedIn(port, "yuyang.gov").getJson("/api/v1/monitoring/districts/610802")).get("rows");
        assertThat(rows.size()).as("榆阳区's projects").isPositive();
        return rows.get(0).get("projectId").asLong();
    }

    static void addTo(Map<String, ScopeCase> cases) {
        cases.put("GET /api/v1/monitoring/city", port -> {
            assertThat(status(port, "city.gov", "/api/v1/monitoring/city")).isEqualTo(200);
            for (String w : List.of("yuyang.gov", "yuyang.finance", "anju.manager")) {
                assertThat(status(port, w, "/api/v1/monitoring/city")).as(w).isEqualTo(403);
            }
            refused(port, "/api/v1/monitoring/city");
        });
        cases.put("GET /api/v1/monitoring/districts/{code}", port -> {
            assertThat(status(port, "yuyang.gov", "/api/v1/monitoring/districts/610802")).isEqualTo(200);
            assertThat(status(port, "city.gov", "/api/v1/monitoring/districts/610881")).isEqualTo(200);
            assertThat(status(port, "yuyang.gov", "/api/v1/monitoring/districts/610881")).isEqualTo(404);
            assertThat(status(port, "shenmu.op", "/api/v1/monitoring/districts/610802")).isEqualTo(404);
            refused(port, "/api/v1/monitoring/districts/610802");
        });
        cases.put("GET /api/v1/monitoring/projects/{id}", port -> {
            long project = yuyangProject(port);
            assertThat(status(port, "yuyang.gov", "/api/v1/monitoring/projects/" + project)).isEqualTo(200);
            assertThat(status(port, "shenmu.gov", "/api/v1/monitoring/projects/" + project)).isEqualTo(404);
            assertThat(status(port, "shenmu.op", "/api/v1/monitoring/projects/" + project)).isEqualTo(404);
            refused(port, "/api/v1/monitoring/projects/" + project);
        });
        cases.put("GET /api/v1/monitoring/reports", port -> {
            var rows = WebClient.json(WebClient.loggedIn(port, "shenmu.gov").getJson("/api/v1/monitoring/reports"));
            rows.forEach(r -> assertThat(r.get("regionCode").asString()).isEqualTo("610881"));
            assertThat(status(port, "city.gov", "/api/v1/monitoring/reports")).isEqualTo(200);
            refused(port, "/api/v1/monitoring/reports");
        });
        cases.put("GET /api/v1/monitoring/measures/{measure}/records", port -> {
            String path = "/api/v1/monitoring/measures/WORK_ORDERS_OVERDUE/records?district=610802";
            assertThat(status(port, "yuyang.gov", path)).isEqualTo(200);
            assertThat(status(port, "shenmu.gov", path)).isEqualTo(404);
            long project = yuyangProject(port);
            assertThat(status(port, "shenmu.op", "/api/v1/monitoring/measures/WORK_ORDERS_OVERDUE/records?project=" + project)).isEqualTo(404);
            refused(port, path);
        });
    }

    private static void refused(int port, String path) {
        for (String w : NOBODY) {
            assertThat(status(port, w, path)).as(w + " GET " + path).isEqualTo(403);
        }
    }
}
