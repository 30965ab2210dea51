package cn.anju.support;

import java.util.List;
import java.util.Map;

import static cn.anju.support.ScopeAsserts.assertOnlyDistrictNames;
import static cn.anju.support.ScopeAsserts.assertOnlyDistricts;
import static cn.anju.support.ScopeTargets.firstHousehold;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Housing stock, households and imports: operators read their covered districts; eligibility is the district
 * government's.
 */
final class HousingScopeCases {

    private HousingScopeCases() {
    }

    static void addTo(Map<String, ScopeCase> cases) {
        // housing: operators see their coverage only; districts their own
        cases.put("GET /api/v1/projects", port -> {
            assertOnlyDistricts(port, "shenmu.op", "/api/v1/projects", "610881");
            assertOnlyDistricts(port, "anju.staff", "/api/v1/projects", "610802", "610803");
            assertOnlyDistricts(port, "hengshan.gov", "/api/v1/projects", "610803");
            assertThat(WebClient.json(WebClient.loggedIn(port, "admin").getJson("/api/v1/projects")).size()).isZero();
        });
        cases.put("POST /api/v1/projects", port -> {
            String body = "{\"districtCode\":\"610802\",\"name\":\"越权项目\",\"address\":\"某路1号\"}";
            for (String who : List.of("anju.manager", "hengshan.gov", "yuyang.finance", "admin")) {
                assertThat(WebClient.loggedIn(port, who).postJson("/api/v1/projects", body).statusCode()).as(who).isEqualTo(403);
            }
        });
        cases.put("POST /api/v1/projects/{id}/buildings", port -> {
            long yuyangProject = WebClient.json(WebClient.loggedIn(port, "yuyang.gov").getJson("/api/v1/projects")).get(0).get("id").asLong();
            for (String who : List.of("anju.manager", "hengshan.gov", "yuyang.finance", "admin")) {
                assertThat(WebClient.loggedIn(port, who).postJson("/api/v1/projects/" + yuyangProject + "/buildings",
                        "{\"number\":\"越权\",\"floors\":6}").statusCode()).as(who).isEqualTo(403);
            }
        });
        cases.put("POST /api/v1/projects/{id}/facilities", port -> {
            long yuyangProject = WebClient.json(WebClient.loggedIn(port, "yuyang.gov").getJson("/api/v1/projects")).get(0).get("id").asLong();
            for (String who : List.of("anju.manager", "hengshan.gov", "yuyang.finance", "admin")) {
                assertThat(WebClient.loggedIn(port, who).postJson("/api/v1/projects/" + yuyangProject + "/facilities",
                        "{\"kind\":\"ELEVATOR\",\"name\":\"越权\",\"location\":\"1栋\",\"inspectionCycleDays\":15}").statusCode())
                        .as(who).isEqualTo(403);
            }
        });
        cases.put("GET /api/v1/units", port -> {
            assertOnlyDistricts(port, "shenmu.op", "/api/v1/units?size=200", "610881");
            assertOnlyDistricts(port, "anju.manager", "/api/v1/units?size=200", "610802", "610803");
            assertOnlyDistricts(port, "yuyang.gov", "/api/v1/units?size=200", "610802");
        });
        cases.put("POST /api/v1/units/{id}/status", port -> {
            long yuyangUnit = WebClient.json(WebClient.loggedIn(port, "yuyang.gov").getJson("/api/v1/units?status=VACANT&size=1"))
                    .get("items").get(0).get("id").asLong();
            var r = WebClient.loggedIn(port, "shenmu.op").postJson("/api/v1/units/" + yuyangUnit + "/status",
                    "{\"status\":\"OFFLINE\",\"reason\":\"越权\"}");
            assertThat(r.statusCode()).isEqualTo(404);
            assertThat(WebClient.loggedIn(port, "anju.staff").postJson("/api/v1/units/" + yuyangUnit + "/status",
                    "{\"status\":\"OFFLINE\",\"reason\":\"无权\"}").statusCode()).isEqualTo(403);
        });

        // households: operators read their covered districts; eligibility is the district government's
        cases.put("GET /api/v1/households", port -> {
            assertOnlyDistricts(port, "shenmu.op", "/api/v1/households?size=200", "610881");
            assertOnlyDistricts(port, "anju.staff", "/api/v1/households?size=200", "610802", "610803");
            assertOnlyDistricts(port, "hengshan.gov", "/api/v1/households?size=200", "610803");
            for (String who : List.of("auditor", "admin", "yuyang.finance", "evaluator")) {
                assertThat(WebClient.loggedIn(port, who).getJson("/api/v1/households").statusCode()).as(who).isEqualTo(403);
            }
            var own = WebClient.json(WebClient.loggedIn(port, "tenant.demo").getJson("/api/v1/households"));
            assertThat(own.get("total").asLong()).as("a tenant sees its own household only").isEqualTo(1);
        });
        cases.put("GET /api/v1/households/{id}", port -> {
            long yuyang = firstHousehold(port, "yuyang.gov");
            for (String who : List.of("shenmu.op", "hengshan.gov")) {
                assertThat(WebClient.loggedIn(port, who).getJson("/api/v1/households/" + yuyang).statusCode()).as(who).isEqualTo(404);
            }
            for (String who : List.of("admin", "yuyang.finance")) {
                assertThat(WebClient.loggedIn(port, who).getJson("/api/v1/households/" + yuyang).statusCode()).as(who).isEqualTo(403);
            }
            assertThat(WebClient.loggedIn(port, "anju.staff").getJson("/api/v1/households/" + yuyang).statusCode()).isEqualTo(200);
            long tenantsOwn = WebClient.json(WebClient.loggedIn(port, "tenant.demo").getJson("/api/v1/households"))
                    .get("items").get(0).get("id").asLong();
            long another = tenantsOwn == yuyang ? yuyang - 1 : yuyang;
            assertThat(WebClient.loggedIn(port, "tenant.demo").getJson("/api/v1/households/" + another).statusCode())
                    .isEqualTo(404);
        });
        cases.put("GET /api/v1/waitlist", port -> {
            assertOnlyDistrictNames(port, "shenmu.op", "/api/v1/waitlist?size=200", "神木市");
            assertOnlyDistrictNames(port, "hengshan.gov", "/api/v1/waitlist?size=200", "横山区");
            for (String who : List.of("tenant.demo", "yuyang.finance", "auditor")) {
                assertThat(WebClient.loggedIn(port, who).getJson("/api/v1/waitlist").statusCode()).as(who).isEqualTo(403);
            }
            var first = WebClient.json(WebClient.loggedIn(port, "yuyang.gov").getJson("/api/v1/waitlist?size=200")).get("items");
            int previous = 0;
            for (var e : first) {
                assertThat(e.get("priorityGroup").asInt()).as("ordered by priority group").isGreaterThanOrEqualTo(previous);
                previous = e.get("priorityGroup").asInt();
            }
        });
        cases.put("GET /api/v1/eligibility-decisions/due-for-review", port -> {
            assertOnlyDistrictNames(port, "hengshan.gov", "/api/v1/eligibility-decisions/due-for-review?size=200", "横山区");
            for (String who : List.of("anju.manager", "tenant.demo", "admin")) {
                assertThat(WebClient.loggedIn(port, who).getJson("/api/v1/eligibility-decisions/due-for-review").statusCode())
                        .as(who).isEqualTo(403);
            }
        });
        cases.put("GET /api/v1/households/{id}/eligibility-decisions", port -> {
            long yuyang = firstHousehold(port, "yuyang.gov");
            assertThat(WebClient.loggedIn(port, "shenmu.op").getJson("/api/v1/households/" + yuyang + "/eligibility-decisions")
                    .statusCode()).isEqualTo(404);
        });
        cases.put("POST /api/v1/households/{id}/eligibility-decisions", port -> {
            long yuyang = firstHousehold(port, "yuyang.gov");
            for (String who : List.of("anju.manager", "anju.staff", "city.gov", "hengshan.gov")) {
                assertThat(WebClient.loggedIn(port, who).postJson("/api/v1/households/" + yuyang + "/eligibility-decisions", "{}")
                        .statusCode()).as(who).isEqualTo(403);
            }
        });
        cases.put("POST /api/v1/eligibility-decisions/{id}/status", port -> {
            long yuyang = firstHousehold(port, "yuyang.gov");
            long decision = WebClient.json(WebClient.loggedIn(port, "yuyang.gov")
                    .getJson("/api/v1/households/" + yuyang + "/eligibility-decisions")).get(0).get("id").asLong();
            for (String who : List.of("anju.manager", "city.gov", "shenmu.gov")) {
                assertThat(WebClient.loggedIn(port, who).postJson("/api/v1/eligibility-decisions/" + decision + "/status",
                        "{\"status\":\"REVOKED\",\"reason\":\"越权\"}").statusCode()).as(who).isEqualTo(403);
            }
        });
        cases.put("POST /api/v1/households/{id}/change-reports", port -> {
            long yuyang = firstHousehold(port, "yuyang.gov");
            var r = WebClient.loggedIn(port, "shenmu.op").postJson("/api/v1/households/" + yuyang + "/change-reports",
                    "{\"kind\":\"OTHER\",\"description\":\"越权\"}");
            assertThat(r.statusCode()).isEqualTo(404);
        });
        cases.put("POST /api/v1/change-reports/{id}/decision", port -> {
            for (String who : List.of("anju.manager", "city.gov")) {
                assertThat(WebClient.loggedIn(port, who).postJson("/api/v1/change-reports/1/decision", "{\"accept\":true}")
                        .statusCode()).as(who).isEqualTo(403);
            }
        });
        cases.put("POST /api/v1/households/{id}/members/{memberId}/reveal", port -> {
            long yuyang = firstHousehold(port, "yuyang.gov");
            long member = WebClient.json(WebClient.loggedIn(port, "yuyang.gov").getJson("/api/v1/households/" + yuyang))
                    .get("members").get(0).get("id").asLong();
            String path = "/api/v1/households/" + yuyang + "/members/" + member + "/reveal";
            assertThat(WebClient.loggedIn(port, "shenmu.op").postJson(path, "{\"field\":\"ID_NUMBER\"}").statusCode()).isEqualTo(404);
            assertThat(WebClient.loggedIn(port, "admin").postJson(path, "{\"field\":\"ID_NUMBER\"}").statusCode()).isEqualTo(403);
        });

        // imports: housing officers only, into their own district
        cases.put("POST /api/v1/imports/{kind}", port -> {
            for (String who : List.of("anju.manager", "anju.staff", "yuyang.finance", "admin", "auditor")) {
                var r = WebClient.loggedIn(port, who).postMultipart("/api/v1/imports/households", "h.xlsx", new byte[]{1, 2, 3});
                assertThat(r.statusCode()).as(who).isEqualTo(403);
            }
        });
        cases.put("GET /api/v1/imports/{kind}/template", port -> {
            // a blank template with an example row: no records of anyone
            var r = WebClient.loggedIn(port, "anju.staff").getJson("/api/v1/imports/households/template");
            assertThat(r.statusCode()).isEqualTo(200);
        });
    }
}
