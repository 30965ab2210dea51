package cn.anju.support;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static cn.anju.support.ScopeTargets.anyYuyangLease;
import static cn.anju.support.ScopeTargets.firstHousehold;
import static cn.anju.support.ScopeTargets.yuyangRound;
import static org.assertj.core.api.Assertions.assertThat;

/** Selection rounds, leases, the resident file, the working-day calendar and direct allocation. */
final class LeaseScopeCases {

    private LeaseScopeCases() {
    }

    static void addTo(Map<String, ScopeCase> cases) {
        // selection rounds: the district's officers run them; operators covering the district record choices
        cases.put("GET /api/v1/selection-rounds", port -> {
            long id = yuyangRound(port);
            var shenmu = WebClient.json(WebClient.loggedIn(port, "shenmu.op").getJson("/api/v1/selection-rounds"));
            shenmu.forEach(r -> assertThat(r.get("id").asLong()).isNotEqualTo(id));
            var anju = WebClient.json(WebClient.loggedIn(port, "anju.staff").getJson("/api/v1/selection-rounds"));
            assertThat(anju.toString()).contains("\"id\":" + id);
        });
        cases.put("POST /api/v1/selection-rounds", port -> {
            for (String who : List.of("anju.manager", "yuyang.finance", "tenant.demo")) {
                assertThat(WebClient.loggedIn(port, who).postJson("/api/v1/selection-rounds", "{\"name\":\"x\",\"projectId\":1}")
                        .statusCode()).as(who).isEqualTo(403);
            }
        });
        for (String read : List.of("", "/verification", "/publication")) {
            cases.put("GET /api/v1/selection-rounds/{id}" + read, port -> {
                long id = yuyangRound(port);
                for (String who : List.of("shenmu.op", "hengshan.gov")) {
                    assertThat(WebClient.loggedIn(port, who).getJson("/api/v1/selection-rounds/" + id + read).statusCode())
                            .as(who).isEqualTo(404);
                }
            });
        }
        for (String step : List.of("publish", "public-value", "draw")) {
            cases.put("POST /api/v1/selection-rounds/{id}/" + step, port -> {
                long id = yuyangRound(port);
                for (String who : List.of("anju.manager", "anju.staff")) {
                    assertThat(WebClient.loggedIn(port, who).postJson("/api/v1/selection-rounds/" + id + "/" + step,
                            "{\"value\":\"1\"}").statusCode()).as(who).isEqualTo(403);
                }
                assertThat(WebClient.loggedIn(port, "shenmu.gov").postJson("/api/v1/selection-rounds/" + id + "/" + step,
                        "{\"value\":\"1\"}").statusCode()).isEqualTo(403);
            });
        }
        cases.put("POST /api/v1/selection-rounds/{id}/choices", port -> {
            long id = yuyangRound(port);
            assertThat(WebClient.loggedIn(port, "shenmu.op").postJson("/api/v1/selection-rounds/" + id + "/choices",
                    "{\"applicantId\":1,\"outcome\":\"SKIPPED\"}").statusCode()).isEqualTo(404);
        });

        // leases: clerks of the covering operator or district; a tenant its own
        cases.put("GET /api/v1/leases", port -> {
            for (String who : List.of("admin", "yuyang.finance", "auditor")) {
                assertThat(WebClient.loggedIn(port, who).getJson("/api/v1/leases").statusCode()).as(who).isEqualTo(403);
            }
            var shenmu = WebClient.json(WebClient.loggedIn(port, "shenmu.op").getJson("/api/v1/leases?size=200")).get("items");
            shenmu.forEach(l -> assertThat(l.get("districtName").asString()).isEqualTo("神木市"));
        });
        cases.put("GET /api/v1/leases/{id}", port -> {
            long lease = anyYuyangLease(port);
            assertThat(WebClient.loggedIn(port, "shenmu.op").getJson("/api/v1/leases/" + lease).statusCode()).isEqualTo(404);
            assertThat(WebClient.loggedIn(port, "tenant.demo").getJson("/api/v1/leases/" + lease).statusCode()).isEqualTo(404);
        });
        cases.put("GET /api/v1/leases/{id}/contract", port -> {
            long lease = anyYuyangLease(port);
            assertThat(WebClient.loggedIn(port, "shenmu.op").getJson("/api/v1/leases/" + lease + "/contract").statusCode()).isEqualTo(404);
            assertThat(WebClient.loggedIn(port, "tenant.demo").getJson("/api/v1/leases/" + lease + "/contract").statusCode()).isEqualTo(404);
        });
        cases.put("POST /api/v1/leases", port -> {
            for (String who : List.of("admin", "yuyang.finance", "tenant.demo")) {
                assertThat(WebClient.loggedIn(port, who).postJson("/api/v1/leases", "{\"selectionApplicantId\":1}")
                        .statusCode()).as(who).isEqualTo(403);
            }
        });
        for (String action : List.of("sign", "move-in", "terminate")) {
            cases.put("POST /api/v1/leases/{id}/" + action, port -> {
                long lease = anyYuyangLease(port);
                assertThat(WebClient.loggedIn(port, "shenmu.op").postJson("/api/v1/leases/" + lease + "/" + action,
                        action.equals("move-in") ? LeaseFixtures.MOVE_IN : "{\"kind\":\"VOLUNTARY\",\"reason\":\"越权\"}").statusCode()).isEqualTo(404);
                assertThat(WebClient.loggedIn(port, "yuyang.finance").postJson("/api/v1/leases/1/" + action,
                        "{\"kind\":\"VOLUNTARY\",\"reason\":\"越权\"}").statusCode()).isEqualTo(403);
            });
        }
        for (String action : List.of("move-out", "renewal", "amendments", "filing")) {
            cases.put("POST /api/v1/leases/{id}/" + action, port -> {
                long lease = anyYuyangLease(port);
                assertThat(WebClient.loggedIn(port, "shenmu.op").postJson("/api/v1/leases/" + lease + "/" + action,
                        "{\"kind\":\"MEMBERS\",\"reason\":\"越权\",\"termMonths\":12,\"monthlyRent\":1}").statusCode()).isEqualTo(404);
                for (String who : List.of("yuyang.finance", "tenant.demo")) {
                    assertThat(WebClient.loggedIn(port, who).postJson("/api/v1/leases/1/" + action, "{}").statusCode()).as(who).isEqualTo(403);
                }
            });
        }
        cases.put("POST /api/v1/leases/{id}/filing/confirmation", port -> {
            // the operator is refused before its body is read, whatever it sends
            for (String body : List.of("{\"filingNumber\":\"X\"}", "not json")) {
                assertThat(WebClient.loggedIn(port, "anju.manager").postJson("/api/v1/leases/1/filing/confirmation", body)
                        .statusCode()).isEqualTo(403);
            }
            long lease = anyYuyangLease(port);
            assertThat(WebClient.loggedIn(port, "shenmu.gov").postJson("/api/v1/leases/" + lease + "/filing/confirmation",
                    "{\"filingNumber\":\"越权-1\"}").statusCode()).isEqualTo(404);
        });
        for (String part : List.of("settlement", "amendments")) {
            cases.put("GET /api/v1/leases/{id}/" + part, port -> {
                long lease = anyYuyangLease(port);
                for (String who : List.of("shenmu.op", "tenant.demo")) {
                    assertThat(WebClient.loggedIn(port, who).getJson("/api/v1/leases/" + lease + "/" + part).statusCode()).as(who).isEqualTo(404);
                }
                assertThat(WebClient.loggedIn(port, "yuyang.finance").getJson("/api/v1/leases/1/" + part).statusCode()).isEqualTo(403);
            });
        }

        // resident file: whoever may see the household, a tenant only its own
        for (String part : List.of("resident-file", "documents", "documents/{documentId}")) {
            cases.put("GET /api/v1/households/{householdId}/" + part, port -> {
                long yuyang = firstHousehold(port, "yuyang.gov");
                String path = "/api/v1/households/" + yuyang + "/" + part.replace("{documentId}", "1");
                for (String who : List.of("shenmu.op", "hengshan.gov", "tenant.demo")) {
                    assertThat(WebClient.loggedIn(port, who).getJson(path).statusCode()).as(who).isEqualTo(404);
                }
                assertThat(WebClient.loggedIn(port, "yuyang.finance").getJson(path).statusCode()).isEqualTo(403);
            });
        }
        cases.put("POST /api/v1/households/{householdId}/documents", port -> {
            long yuyang = firstHousehold(port, "yuyang.gov");
            byte[] pdf = "%PDF-1.4 scope".getBytes(StandardCharsets.US_ASCII);
            Map<String, String> fields = Map.of("category", "OTHER", "title", "越权");
            for (String who : List.of("tenant.demo", "yuyang.finance")) {
                assertThat(WebClient.loggedIn(port, who).postMultipart("/api/v1/households/" + yuyang + "/documents", fields,
                        "a.pdf", "application/pdf", pdf).statusCode()).as(who).isEqualTo(403);
            }
            assertThat(WebClient.loggedIn(port, "shenmu.op").postMultipart("/api/v1/households/" + yuyang + "/documents", fields,
                    "a.pdf", "application/pdf", pdf).statusCode()).isEqualTo(404);
        });

        // the working-day calendar: everyone reads it, administrators keep it
        cases.put("GET /api/v1/working-days", port -> {
            for (String who : List.of("anju.staff", "yuyang.finance", "tenant.demo")) {
                assertThat(WebClient.loggedIn(port, who).getJson("/api/v1/working-days?year=2026").statusCode()).as(who).isEqualTo(200);
            }
        });
        for (String method : List.of("PUT", "DELETE")) {
            cases.put(method + " /api/v1/working-days/{day}", port -> {
                for (String who : List.of("anju.manager", "yuyang.gov", "tenant.demo")) {
                    assertThat(WebClient.loggedIn(port, who).sendJson(method, "/api/v1/working-days/2031-01-01",
                            "{\"kind\":\"HOLIDAY\",\"name\":\"元旦\"}").statusCode()).as(who).isEqualTo(403);
                }
            });
        }

        // direct allocation: the district's officers allocate; clerks read within scope
        cases.put("GET /api/v1/direct-allocations", port -> {
            for (String who : List.of("yuyang.finance", "tenant.demo", "admin")) {
                assertThat(WebClient.loggedIn(port, who).getJson("/api/v1/direct-allocations").statusCode()).as(who).isEqualTo(403);
            }
            WebClient.json(WebClient.loggedIn(port, "shenmu.op").getJson("/api/v1/direct-allocations"))
                    .forEach(a -> assertThat(a.get("districtCode").asString()).isEqualTo("610881"));
        });
        cases.put("POST /api/v1/direct-allocations", port -> {
            for (String who : List.of("anju.manager", "anju.staff", "yuyang.finance", "tenant.demo")) {
                assertThat(WebClient.loggedIn(port, who).postJson("/api/v1/direct-allocations", "{}").statusCode()).as(who).isEqualTo(403);
            }
        });
    }
}
