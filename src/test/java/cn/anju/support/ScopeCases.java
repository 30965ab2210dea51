package cn.anju.support;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The scope case of every {@code /api/v1} endpoint, keyed {@code "METHOD /path/pattern"}. */
public final class ScopeCases {

    private ScopeCases() {
    }

    public static Map<String, ScopeCase> all() {
        Map<String, ScopeCase> cases = new LinkedHashMap<>();

        // identity
        cases.put("GET /api/v1/me", port -> {
            for (String who : List.of("anju.staff", "shenmu.op", "yuyang.gov")) {
                var me = WebClient.json(WebClient.loggedIn(port, who).getJson("/api/v1/me"));
                assertThat(me.get("username").asString()).isEqualTo(who);
            }
        });
        cases.put("GET /api/v1/organisations",
                ScopeCase.onlyFor("GET", "/api/v1/organisations", "yuyang.gov", "anju.manager", "yuyang.finance", "evaluator", "auditor"));
        cases.put("GET /api/v1/accounts",
                ScopeCase.onlyFor("GET", "/api/v1/accounts", "admin", "security", "auditor", "city.gov", "anju.manager"));
        cases.put("GET /api/v1/accounts/{id}",
                ScopeCase.onlyFor("GET", "/api/v1/accounts/1", "admin", "security", "auditor", "city.gov"));
        cases.put("GET /api/v1/operator-coverage", port -> {
            assertOnlyOperator(port, "shenmu.op", "神木市保障房运营管理有限公司");
            assertOnlyOperator(port, "anju.manager", "榆林安居物业服务有限公司");
            var finance = WebClient.json(WebClient.loggedIn(port, "yuyang.finance").getJson("/api/v1/operator-coverage"));
            finance.forEach(r -> assertThat(r.get("districtCode").asString()).isEqualTo("610802"));
            assertThat(WebClient.json(WebClient.loggedIn(port, "admin").getJson("/api/v1/operator-coverage")).size()).isZero();
        });
        cases.put("POST /api/v1/operator-coverage", port -> {
            String body = "{\"operatorId\":1,\"districtCode\":\"610802\",\"validFrom\":\"2026-01-01\"}";
            for (String who : List.of("hengshan.gov", "anju.manager", "yuyang.finance", "admin")) {
                var r = WebClient.loggedIn(port, who).postJson("/api/v1/operator-coverage", body);
                assertThat(r.statusCode()).as(who).isEqualTo(403);
            }
        });
        cases.put("POST /api/v1/operator-coverage/{id}/end", port -> {
            var yuyangRow = WebClient.json(WebClient.loggedIn(port, "yuyang.gov").getJson("/api/v1/operator-coverage")).get(0);
            for (String who : List.of("hengshan.gov", "anju.manager", "shenmu.gov")) {
                var r = WebClient.loggedIn(port, who).postJson("/api/v1/operator-coverage/" + yuyangRow.get("id").asLong() + "/end", "{}");
                assertThat(r.statusCode()).as(who).isEqualTo(403);
            }
        });
        cases.put("GET /api/v1/me/tokens", port -> {
            var a = WebClient.loggedIn(port, "anju.staff");
            var b = WebClient.loggedIn(port, "shenmu.op");
            long aToken = WebClient.json(a.postJson("/api/v1/me/tokens", "{\"name\":\"scope-a\",\"days\":5}")).get("id").asLong();
            b.getJson("/api/v1/me/tokens");
            WebClient.json(b.getJson("/api/v1/me/tokens")).forEach(t -> assertThat(t.get("id").asLong()).isNotEqualTo(aToken));
        });
        cases.put("POST /api/v1/me/tokens", port -> {
            var a = WebClient.loggedIn(port, "hengshan.gov");
            long id = WebClient.json(a.postJson("/api/v1/me/tokens", "{\"name\":\"scope-own\",\"days\":5}")).get("id").asLong();
            var mine = WebClient.json(a.getJson("/api/v1/me/tokens"));
            boolean found = false;
            for (var t : mine) {
                found |= t.get("id").asLong() == id;
            }
            assertThat(found).as("a token is issued to its caller").isTrue();
        });
        cases.put("POST /api/v1/me/tokens/{id}/revoke", port -> {
            var a = WebClient.loggedIn(port, "yuyang.gov");
            long id = WebClient.json(a.postJson("/api/v1/me/tokens", "{\"name\":\"scope-revoke\",\"days\":5}")).get("id").asLong();
            assertThat(WebClient.loggedIn(port, "city.gov").postJson("/api/v1/me/tokens/" + id + "/revoke", "{}").statusCode())
                    .isEqualTo(404);
        });
        cases.put("POST /api/v1/id-numbers/check", port -> {
            // a pure check: answers about the number sent, holds no records, never echoes it unmasked
            String number = "11010519491231002X";
            var r = WebClient.loggedIn(port, "anju.staff").postJson("/api/v1/id-numbers/check", "{\"idNumber\":\"" + number + "\"}");
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.body()).doesNotContain(number).contains("110105********002X");
        });

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

        // rent: standards by the district's officers; money by the covering operator; a tenant its own
        cases.put("GET /api/v1/rent-standards", port -> {
            WebClient.json(WebClient.loggedIn(port, "shenmu.op").getJson("/api/v1/rent-standards"))
                    .forEach(s -> assertThat(s.get("districtCode").asString()).isEqualTo("610881"));
        });
        cases.put("POST /api/v1/rent-standards", port -> {
            for (String who : List.of("anju.manager", "yuyang.finance", "tenant.demo")) {
                assertThat(WebClient.loggedIn(port, who).postJson("/api/v1/rent-standards", "{}").statusCode()).as(who).isEqualTo(403);
            }
            long project = WebClient.json(WebClient.loggedIn(port, "yuyang.gov").getJson("/api/v1/projects")).get(0).get("id").asLong();
            assertThat(WebClient.loggedIn(port, "hengshan.gov").postJson("/api/v1/rent-standards", "{\"projectId\":" + project
                    + ",\"kind\":\"STANDARD\",\"yuanPerSqm\":1,\"effectiveFrom\":\"2031-01-01\",\"reason\":\"越权\"}").statusCode()).isEqualTo(403);
        });
        cases.put("GET /api/v1/bill-runs", ScopeCase.onlyFor("GET", "/api/v1/bill-runs", "yuyang.finance", "anju.staff", "tenant.demo", "admin"));
        cases.put("POST /api/v1/bill-runs", port -> {
            for (String who : List.of("anju.staff", "yuyang.finance", "tenant.demo")) {
                assertThat(WebClient.loggedIn(port, who).postJson("/api/v1/bill-runs", "{\"period\":\"2026-01\"}").statusCode()).as(who).isEqualTo(403);
            }
        });
        cases.put("GET /api/v1/bills", port -> {
            WebClient.json(WebClient.loggedIn(port, "shenmu.op").getJson("/api/v1/bills?size=200")).get("items")
                    .forEach(b -> assertThat(b.get("leaseId").asLong()).isNotNull());
            long yuyang = anyYuyangLease(port);
            assertThat(WebClient.json(WebClient.loggedIn(port, "shenmu.op").getJson("/api/v1/bills?leaseId=" + yuyang)).get("total").asLong()).isZero();
            long tenantHousehold = WebClient.json(WebClient.loggedIn(port, "tenant.demo").getJson("/api/v1/me")).get("scope").get("householdId").asLong();
            WebClient.json(WebClient.loggedIn(port, "tenant.demo").getJson("/api/v1/leases")).get("items")
                    .forEach(l -> assertThat(l.get("householdId").asLong()).isEqualTo(tenantHousehold));
            assertThat(WebClient.loggedIn(port, "admin").getJson("/api/v1/bills").statusCode()).isEqualTo(403);
        });
        cases.put("GET /api/v1/rent-accounts/{leaseId}", port -> {
            long lease = anyYuyangLease(port);
            for (String who : List.of("shenmu.op", "tenant.demo", "hengshan.gov")) {
                assertThat(WebClient.loggedIn(port, who).getJson("/api/v1/rent-accounts/" + lease).statusCode()).as(who).isEqualTo(404);
            }
        });
        cases.put("POST /api/v1/rent-accounts/{leaseId}/deposit", port -> {
            long lease = anyYuyangLease(port);
            assertThat(WebClient.loggedIn(port, "shenmu.op").postJson("/api/v1/rent-accounts/" + lease + "/deposit", "{\"amount\":1}")
                    .statusCode()).isEqualTo(404);
            for (String who : List.of("yuyang.gov", "yuyang.finance", "tenant.demo")) {
                assertThat(WebClient.loggedIn(port, who).postJson("/api/v1/rent-accounts/1/deposit", "{\"amount\":1}").statusCode()).as(who).isEqualTo(403);
            }
        });
        cases.put("POST /api/v1/payments", port -> {
            for (String who : List.of("yuyang.gov", "yuyang.finance", "tenant.demo")) {
                assertThat(WebClient.loggedIn(port, who).postJsonWithHeaders("/api/v1/payments", "{}", Map.of("Idempotency-Key", "scope-case-1"))
                        .statusCode()).as(who).isEqualTo(403);
            }
            long lease = anyYuyangLease(port);
            assertThat(WebClient.loggedIn(port, "shenmu.op").postJsonWithHeaders("/api/v1/payments",
                    "{\"leaseId\":" + lease + ",\"channel\":\"CASH\",\"amount\":1}", Map.of("Idempotency-Key", "scope-case-2")).statusCode())
                    .isEqualTo(404);
        });
        cases.put("POST /api/v1/payments/{id}/reversal", port -> {
            for (String who : List.of("anju.staff", "yuyang.gov", "yuyang.finance", "tenant.demo")) {
                assertThat(WebClient.loggedIn(port, who).postJson("/api/v1/payments/1/reversal", "{\"reason\":\"越权\"}").statusCode()).as(who).isEqualTo(403);
            }
        });
        cases.put("GET /api/v1/payments/{id}/receipt", port -> {
            long id = yuyangPayment(port);
            for (String who : List.of("shenmu.op", "tenant.demo")) {
                assertThat(WebClient.loggedIn(port, who).getBytes("/api/v1/payments/" + id + "/receipt").statusCode()).as(who).isEqualTo(404);
            }
        });

        cases.put("POST /api/v1/online-payments", port -> {
            for (String who : List.of("yuyang.gov", "yuyang.finance", "admin")) {
                assertThat(WebClient.loggedIn(port, who).postJson("/api/v1/online-payments", "{\"leaseId\":1,\"amount\":1}").statusCode())
                        .as(who).isEqualTo(403);
            }
            long lease = anyYuyangLease(port);
            for (String who : List.of("shenmu.op", "tenant.demo")) {
                var r = WebClient.loggedIn(port, who).postJson("/api/v1/online-payments", "{\"leaseId\":" + lease + ",\"amount\":1}");
                // the demo tenant may own this lease: then it is its own, otherwise it does not exist for it
                if (!(who.equals("tenant.demo") && r.statusCode() == 201)) {
                    assertThat(r.statusCode()).as(who).isEqualTo(404);
                }
            }
        });
        cases.put("POST /api/v1/gateway/callbacks/sim", port -> {
            // no session, no CSRF, but nothing without a valid signature, whoever calls
            assertThat(new WebClient(port).postJson("/api/v1/gateway/callbacks/sim", "{}", (String) null).statusCode()).isEqualTo(401);
            assertThat(WebClient.loggedIn(port, "anju.manager").postJson("/api/v1/gateway/callbacks/sim", "{}").statusCode()).isEqualTo(401);
        });

        // treasury: the operator remits its own, finance of the district confirms, the government reads
        cases.put("GET /api/v1/remittances", port -> {
            assertThat(WebClient.loggedIn(port, "anju.staff").getJson("/api/v1/remittances").statusCode()).isEqualTo(403);
            assertThat(WebClient.loggedIn(port, "tenant.demo").getJson("/api/v1/remittances").statusCode()).isEqualTo(403);
            WebClient.json(WebClient.loggedIn(port, "shenmu.op").getJson("/api/v1/remittances"))
                    .forEach(b -> assertThat(b.get("districtCode").asString()).isEqualTo("610881"));
        });
        cases.put("POST /api/v1/remittances", port -> {
            for (String who : List.of("anju.staff", "yuyang.gov", "yuyang.finance", "tenant.demo")) {
                assertThat(WebClient.loggedIn(port, who).postJson("/api/v1/remittances", "{}").statusCode()).as(who).isEqualTo(403);
            }
            // an operator remits only what it collected: another district's money is not in its scope
            assertThat(WebClient.loggedIn(port, "shenmu.op").postJson("/api/v1/remittances",
                    "{\"districtCode\":\"610802\",\"upTo\":\"2026-01-01\"}").statusCode()).isEqualTo(422);
        });
        cases.put("POST /api/v1/remittances/{id}/confirmation", port -> {
            for (String who : List.of("anju.manager", "yuyang.gov", "tenant.demo")) {
                assertThat(WebClient.loggedIn(port, who).postJson("/api/v1/remittances/1/confirmation", "{}").statusCode()).as(who).isEqualTo(403);
            }
        });
        cases.put("GET /api/v1/treasury/held", port -> {
            for (String who : List.of("anju.staff", "tenant.demo", "admin")) {
                assertThat(WebClient.loggedIn(port, who).getJson("/api/v1/treasury/held").statusCode()).as(who).isEqualTo(403);
            }
            WebClient.json(WebClient.loggedIn(port, "yuyang.finance").getJson("/api/v1/treasury/held"))
                    .forEach(h -> assertThat(h.get("districtCode").asString()).isEqualTo("610802"));
            WebClient.json(WebClient.loggedIn(port, "shenmu.op").getJson("/api/v1/treasury/held"))
                    .forEach(h -> assertThat(h.get("districtCode").asString()).isEqualTo("610881"));
        });
        cases.put("GET /api/v1/reconciliation", port -> {
            assertThat(WebClient.loggedIn(port, "shenmu.op").getJson("/api/v1/reconciliation?districtCode=610802").statusCode()).isEqualTo(404);
            assertThat(WebClient.loggedIn(port, "yuyang.finance").getJson("/api/v1/reconciliation?districtCode=610881").statusCode()).isEqualTo(404);
            assertThat(WebClient.loggedIn(port, "anju.staff").getJson("/api/v1/reconciliation?districtCode=610802").statusCode()).isEqualTo(403);
        });

        // duplicate online payments: listed in scope; refunds requested by the operator's manager, approved by finance
        cases.put("GET /api/v1/gateway-exceptions", port -> {
            for (String who : List.of("anju.staff", "tenant.demo", "admin")) {
                assertThat(WebClient.loggedIn(port, who).getJson("/api/v1/gateway-exceptions").statusCode()).as(who).isEqualTo(403);
            }
            WebClient.json(WebClient.loggedIn(port, "shenmu.op").getJson("/api/v1/gateway-exceptions"))
                    .forEach(g -> assertThat(g.get("districtCode").asString()).isEqualTo("610881"));
            WebClient.json(WebClient.loggedIn(port, "yuyang.finance").getJson("/api/v1/gateway-exceptions"))
                    .forEach(g -> assertThat(g.get("districtCode").asString()).isEqualTo("610802"));
        });
        cases.put("POST /api/v1/gateway-exceptions/{id}/refund-request", port -> {
            for (String who : List.of("anju.staff", "yuyang.finance", "yuyang.gov", "tenant.demo")) {
                assertThat(WebClient.loggedIn(port, who).postJson("/api/v1/gateway-exceptions/1/refund-request", "{}").statusCode()).as(who).isEqualTo(403);
            }
            long yuyang = yuyangGatewayException(port);
            assertThat(WebClient.loggedIn(port, "shenmu.op").postJson("/api/v1/gateway-exceptions/" + yuyang + "/refund-request", "{}")
                    .statusCode()).isEqualTo(404);
        });
        cases.put("POST /api/v1/gateway-exceptions/{id}/refund-approval", port -> {
            for (String who : List.of("anju.manager", "yuyang.gov", "tenant.demo")) {
                assertThat(WebClient.loggedIn(port, who).postJson("/api/v1/gateway-exceptions/1/refund-approval", "{}").statusCode()).as(who).isEqualTo(403);
            }
        });
        cases.put("POST /api/v1/gateway-exceptions/{id}/refund", port -> {
            for (String who : List.of("anju.staff", "yuyang.finance", "tenant.demo")) {
                assertThat(WebClient.loggedIn(port, who).postJson("/api/v1/gateway-exceptions/1/refund", "{}").statusCode()).as(who).isEqualTo(403);
            }
        });

        cases.put("GET /api/v1/rent-accounts/{leaseId}/dunning-letter", port -> {
            long lease = anyYuyangLease(port);
            for (String who : List.of("shenmu.op", "hengshan.gov")) {
                assertThat(WebClient.loggedIn(port, who).getBytes("/api/v1/rent-accounts/" + lease + "/dunning-letter").statusCode())
                        .as(who).isEqualTo(404);
            }
            assertThat(WebClient.loggedIn(port, "admin").getBytes("/api/v1/rent-accounts/1/dunning-letter").statusCode()).isEqualTo(403);
        });
        cases.put("GET /api/v1/rent-accounts/{leaseId}/other-charges", port -> {
            long lease = anyYuyangLease(port);
            for (String who : List.of("shenmu.op", "hengshan.gov")) {
                assertThat(WebClient.loggedIn(port, who).getJson("/api/v1/rent-accounts/" + lease + "/other-charges").statusCode())
                        .as(who).isEqualTo(404);
            }
            assertThat(WebClient.loggedIn(port, "admin").getJson("/api/v1/rent-accounts/1/other-charges").statusCode()).isEqualTo(403);
        });
        cases.put("POST /api/v1/rent-accounts/{leaseId}/other-charges", port -> {
            long lease = anyYuyangLease(port);
            String body = "{\"type\":\"PARKING\",\"basis\":\"FIXED\",\"amount\":100,\"effectiveFrom\":\"2026-01-01\"}";
            assertThat(WebClient.loggedIn(port, "shenmu.op").postJson("/api/v1/rent-accounts/" + lease + "/other-charges", body).statusCode())
                    .isEqualTo(404);
            for (String who : List.of("yuyang.gov", "yuyang.finance", "tenant.demo")) {
                assertThat(WebClient.loggedIn(port, who).postJson("/api/v1/rent-accounts/1/other-charges", body).statusCode()).as(who).isEqualTo(403);
            }
        });
        cases.put("POST /api/v1/rent-accounts/{leaseId}/other-charges/{chargeId}/end", port -> {
            long lease = anyYuyangLease(port);
            assertThat(WebClient.loggedIn(port, "shenmu.op").postJson("/api/v1/rent-accounts/" + lease + "/other-charges/1/end",
                    "{\"lastDay\":\"2026-12-31\"}").statusCode()).isEqualTo(404);
            assertThat(WebClient.loggedIn(port, "yuyang.gov").postJson("/api/v1/rent-accounts/1/other-charges/1/end", "{}").statusCode()).isEqualTo(403);
        });
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
        // inspection: patrols
        cases.put("GET /api/v1/patrol-plans", port -> {
            yuyangPatrolTask(port);
            WebClient.json(WebClient.loggedIn(port, "shenmu.op").getJson("/api/v1/patrol-plans"))
                    .forEach(p -> assertThat(p.get("districtCode").asString()).isEqualTo("610881"));
            assertThat(WebClient.loggedIn(port, "tenant.demo").getJson("/api/v1/patrol-plans").statusCode()).isEqualTo(403);
        });
        cases.put("POST /api/v1/patrol-plans", port -> {
            long yuyang = WebClient.json(WebClient.loggedIn(port, "yuyang.gov").getJson("/api/v1/projects")).get(0).get("id").asLong();
            String body = "{\"projectId\":" + yuyang + ",\"name\":\"越权\",\"everyDays\":7,\"checklist\":[\"门禁\"]}";
            assertThat(WebClient.loggedIn(port, "shenmu.op").postJson("/api/v1/patrol-plans", body).statusCode()).isEqualTo(404);
            assertThat(WebClient.loggedIn(port, "hengshan.gov").postJson("/api/v1/patrol-plans", body).statusCode()).isEqualTo(404);
            for (String who : List.of("anju.staff", "yuyang.finance", "tenant.demo")) {
                assertThat(WebClient.loggedIn(port, who).postJson("/api/v1/patrol-plans", body).statusCode()).as(who).isEqualTo(403);
            }
        });
        cases.put("GET /api/v1/patrol-tasks", port -> {
            yuyangPatrolTask(port);
            WebClient.json(WebClient.loggedIn(port, "shenmu.op").getJson("/api/v1/patrol-tasks?size=200")).get("items")
                    .forEach(t -> assertThat(t.get("districtCode").asString()).isEqualTo("610881"));
            assertThat(WebClient.loggedIn(port, "yuyang.finance").getJson("/api/v1/patrol-tasks").statusCode()).isEqualTo(403);
        });
        cases.put("GET /api/v1/patrol-tasks/{id}", port -> {
            long task = yuyangPatrolTask(port);
            assertThat(WebClient.loggedIn(port, "shenmu.op").getJson("/api/v1/patrol-tasks/" + task).statusCode()).isEqualTo(404);
        });
        cases.put("POST /api/v1/patrol-tasks/{id}/results", port -> {
            long task = yuyangPatrolTask(port);
            var r = WebClient.loggedIn(port, "shenmu.op").postMultipart("/api/v1/patrol-tasks/" + task + "/results", Map.of("result_1", "PASS"),
                    "photo_1", "x.png", "image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0});
            assertThat(r.statusCode()).isEqualTo(404);
        });
        cases.put("GET /api/v1/patrol-tasks/{id}/photos/{photoId}", port -> {
            long task = yuyangPatrolTask(port);
            assertThat(WebClient.loggedIn(port, "shenmu.op").getBytes("/api/v1/patrol-tasks/" + task + "/photos/1").statusCode()).isEqualTo(404);
        });
        cases.put("POST /api/v1/patrol-tasks/{id}/results/{resultId}/work-order", port -> {
            long task = yuyangPatrolTask(port);
            assertThat(WebClient.loggedIn(port, "shenmu.op").postJson("/api/v1/patrol-tasks/" + task + "/results/1/work-order",
                    "{\"category\":\"LIGHTING\",\"workType\":\"REPAIR\"}").statusCode()).isEqualTo(404);
            assertThat(WebClient.loggedIn(port, "yuyang.gov").postJson("/api/v1/patrol-tasks/" + task + "/results/1/work-order", "{}").statusCode())
                    .isEqualTo(403);
        });
        cases.put("POST /api/v1/patrol-tasks/{id}/results/{resultId}/violation-case", port -> {
            long task = yuyangPatrolTask(port);
            assertThat(WebClient.loggedIn(port, "shenmu.op").postJson("/api/v1/patrol-tasks/" + task + "/results/1/violation-case",
                    "{\"leaseNumber\":\"x\",\"type\":\"SUBLET\"}").statusCode()).isEqualTo(404);
            assertThat(WebClient.loggedIn(port, "tenant.demo").postJson("/api/v1/patrol-tasks/" + task + "/results/1/violation-case", "{}")
                    .statusCode()).isEqualTo(403);
        });
        cases.put("GET /api/v1/patrol-coverage", port -> {
            assertThat(WebClient.loggedIn(port, "shenmu.op").getJson("/api/v1/patrol-coverage").statusCode()).isEqualTo(200);
            assertThat(WebClient.loggedIn(port, "tenant.demo").getJson("/api/v1/patrol-coverage").statusCode()).isEqualTo(403);
        });
        // inspection: occupant verification and idle units
        cases.put("GET /api/v1/verification-campaigns", port -> {
            WebClient.json(WebClient.loggedIn(port, "shenmu.op").getJson("/api/v1/verification-campaigns"))
                    .forEach(c -> assertThat(c.get("districtCode").asString()).isEqualTo("610881"));
            assertThat(WebClient.loggedIn(port, "tenant.demo").getJson("/api/v1/verification-campaigns").statusCode()).isEqualTo(403);
        });
        cases.put("POST /api/v1/verification-campaigns", port -> {
            String body = "{\"districtCode\":\"610802\",\"name\":\"越权\",\"startsOn\":\"2026-01-01\",\"endsOn\":\"2026-12-31\"}";
            assertThat(WebClient.loggedIn(port, "shenmu.op").postJson("/api/v1/verification-campaigns", body).statusCode()).isEqualTo(404);
            assertThat(WebClient.loggedIn(port, "hengshan.gov").postJson("/api/v1/verification-campaigns", body).statusCode()).isEqualTo(404);
            for (String who : List.of("anju.staff", "yuyang.finance", "tenant.demo")) {
                assertThat(WebClient.loggedIn(port, who).postJson("/api/v1/verification-campaigns", body).statusCode()).as(who).isEqualTo(403);
            }
        });
        cases.put("GET /api/v1/verification-campaigns/{id}/visits", port -> {
            long campaign = yuyangCampaign(port);
            // another operator's campaign, and one that does not exist, are not found: not an empty list
            assertThat(WebClient.loggedIn(port, "shenmu.op").getJson("/api/v1/verification-campaigns/" + campaign + "/visits").statusCode())
                    .isEqualTo(404);
            assertThat(WebClient.loggedIn(port, "yuyang.gov").getJson("/api/v1/verification-campaigns/987654321/visits").statusCode())
                    .isEqualTo(404);
            assertThat(WebClient.json(WebClient.loggedIn(port, "yuyang.gov").getJson("/api/v1/verification-campaigns/" + campaign + "/visits")).size())
                    .isPositive();
        });
        cases.put("POST /api/v1/verification-visits/{id}", port -> {
            long visit = WebClient.json(WebClient.loggedIn(port, "yuyang.gov").getJson("/api/v1/verification-campaigns/"
                    + yuyangCampaign(port) + "/visits?pending=true")).get(0).get("id").asLong();
            var r = WebClient.loggedIn(port, "shenmu.op").postMultipart("/api/v1/verification-visits/" + visit,
                    Map.of("outcome", "MATCH"), "photo", "a.png", "image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0});
            assertThat(r.statusCode()).isEqualTo(404);
            assertThat(WebClient.loggedIn(port, "yuyang.gov").postMultipart("/api/v1/verification-visits/1", Map.of("outcome", "MATCH"), "photo",
                    "a.png", "image/png", new byte[] {1}).statusCode()).isEqualTo(403);
        });
        cases.put("POST /api/v1/meter-readings", port -> {
            assertThat(WebClient.loggedIn(port, "tenant.demo").postMultipart("/api/v1/meter-readings", Map.of(), "r.csv", "text/csv",
                    "项目,楼栋,房号,月份,用水量,用电量\n".getBytes(StandardCharsets.UTF_8)).statusCode()).isEqualTo(403);
        });
        cases.put("GET /api/v1/idle-units", port -> {
            WebClient.json(WebClient.loggedIn(port, "shenmu.op").getJson("/api/v1/idle-units"))
                    .forEach(u -> assertThat(u.get("districtCode").asString()).isEqualTo("610881"));
            assertThat(WebClient.loggedIn(port, "yuyang.finance").getJson("/api/v1/idle-units").statusCode()).isEqualTo(403);
        });
        // inspection: violation cases
        cases.put("GET /api/v1/violation-cases", port -> {
            yuyangCase(port);
            WebClient.json(WebClient.loggedIn(port, "shenmu.op").getJson("/api/v1/violation-cases?size=200")).get("items")
                    .forEach(c -> assertThat(c.get("districtCode").asString()).isEqualTo("610881"));
            WebClient.json(WebClient.loggedIn(port, "hengshan.gov").getJson("/api/v1/violation-cases?size=200")).get("items")
                    .forEach(c -> assertThat(c.get("districtCode").asString()).isEqualTo("610803"));
            for (String who : List.of("yuyang.finance", "tenant.demo", "evaluator")) {
                assertThat(WebClient.loggedIn(port, who).getJson("/api/v1/violation-cases").statusCode()).as(who).isEqualTo(403);
            }
        });
        cases.put("GET /api/v1/violation-cases/{id}", port -> {
            long id = yuyangCase(port);
            assertThat(WebClient.loggedIn(port, "anju.staff").getJson("/api/v1/violation-cases/" + id).statusCode()).isEqualTo(200);
            for (String who : List.of("shenmu.op", "hengshan.gov")) {
                assertThat(WebClient.loggedIn(port, who).getJson("/api/v1/violation-cases/" + id).statusCode()).as(who).isEqualTo(404);
            }
            assertThat(WebClient.loggedIn(port, "yuyang.finance").getJson("/api/v1/violation-cases/" + id).statusCode()).isEqualTo(403);
        });
        cases.put("POST /api/v1/violation-cases", port -> {
            String number = WebClient.json(WebClient.loggedIn(port, "yuyang.gov").getJson("/api/v1/leases?status=ACTIVE&size=1"))
                    .get("items").get(0).get("leaseNumber").asString();
            String body = "{\"leaseNumber\":\"" + number + "\",\"type\":\"SUBLET\",\"facts\":\"越权立案\"}";
            assertThat(WebClient.loggedIn(port, "shenmu.op").postJson("/api/v1/violation-cases", body).statusCode()).isEqualTo(404);
            for (String who : List.of("yuyang.finance", "tenant.demo")) {
                assertThat(WebClient.loggedIn(port, who).postJson("/api/v1/violation-cases", body).statusCode()).as(who).isEqualTo(403);
            }
        });
        cases.put("POST /api/v1/violation-cases/{id}/evidence", port -> {
            long id = yuyangCase(port);
            var r = WebClient.loggedIn(port, "shenmu.op").postMultipart("/api/v1/violation-cases/" + id + "/evidence",
                    Map.of("description", "越权"), "x.png", "image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0});
            assertThat(r.statusCode()).isEqualTo(404);
        });
        cases.put("GET /api/v1/violation-cases/{id}/evidence/{evidenceId}", port -> {
            long[] caseAndEvidence = yuyangEvidence(port);
            long id = caseAndEvidence[0];
            long e = caseAndEvidence[1];
            assertThat(WebClient.loggedIn(port, "shenmu.op").getBytes("/api/v1/violation-cases/" + id + "/evidence/" + e).statusCode()).isEqualTo(404);
            assertThat(WebClient.loggedIn(port, "yuyang.finance").getBytes("/api/v1/violation-cases/" + id + "/evidence/" + e).statusCode()).isEqualTo(403);
        });
        cases.put("POST /api/v1/violation-cases/{id}/{action:report|review|return|rectified|closure|reopen}", port -> {
            long id = yuyangCase(port);
            assertThat(WebClient.loggedIn(port, "shenmu.op").postJson("/api/v1/violation-cases/" + id + "/report", "{}").statusCode()).isEqualTo(404);
            for (String action : List.of("review", "return", "reopen")) {
                assertThat(WebClient.loggedIn(port, "anju.manager").postJson("/api/v1/violation-cases/" + id + "/" + action, "{}").statusCode())
                        .as(action).isEqualTo(403);
            }
            assertThat(WebClient.loggedIn(port, "hengshan.gov").postJson("/api/v1/violation-cases/" + id + "/review", "{}").statusCode()).isEqualTo(404);
        });
        cases.put("POST /api/v1/violation-cases/{id}/decision", port -> {
            long id = yuyangCase(port);
            for (String who : List.of("anju.manager", "anju.staff", "yuyang.finance")) {
                assertThat(WebClient.loggedIn(port, who).postJson("/api/v1/violation-cases/" + id + "/decision", "{\"decision\":\"RECLAIM\"}").statusCode())
                        .as(who).isEqualTo(403);
            }
            assertThat(WebClient.loggedIn(port, "hengshan.gov").postJson("/api/v1/violation-cases/" + id + "/decision", "{}").statusCode()).isEqualTo(404);
        });
        cases.put("GET /api/v1/cashier-closing", port -> {
            for (String who : List.of("yuyang.gov", "yuyang.finance", "tenant.demo")) {
                assertThat(WebClient.loggedIn(port, who).getJson("/api/v1/cashier-closing").statusCode()).as(who).isEqualTo(403);
            }
            WebClient.json(WebClient.loggedIn(port, "anju.staff").getJson("/api/v1/cashier-closing"))
                    .forEach(l -> assertThat(l.get("cashier").asString()).isEqualTo("周明"));
        });
        cases.put("GET /api/v1/collection-rate", port -> {
            assertThat(WebClient.loggedIn(port, "shenmu.op").getJson("/api/v1/collection-rate?districtCode=610802").statusCode()).isEqualTo(404);
            assertThat(WebClient.loggedIn(port, "tenant.demo").getJson("/api/v1/collection-rate").statusCode()).isEqualTo(403);
            WebClient.json(WebClient.loggedIn(port, "shenmu.op").getJson("/api/v1/collection-rate")).get("unpaidBills")
                    .forEach(b -> assertThat(b.get("leaseNumber").asString()).startsWith("610881"));
        });

        cases.put("POST /api/v1/bank-statements", port -> {
            for (String who : List.of("yuyang.gov", "yuyang.finance", "tenant.demo")) {
                assertThat(WebClient.loggedIn(port, who).postMultipart("/api/v1/bank-statements", Map.of(), "s.csv", "text/csv",
                        "x".getBytes(StandardCharsets.UTF_8)).statusCode()).as(who).isEqualTo(403);
            }
        });
        cases.put("GET /api/v1/bank-lines", port -> {
            for (String who : List.of("yuyang.gov", "yuyang.finance", "tenant.demo")) {
                assertThat(WebClient.loggedIn(port, who).getJson("/api/v1/bank-lines").statusCode()).as(who).isEqualTo(403);
            }
            assertThat(WebClient.loggedIn(port, "shenmu.op").getJson("/api/v1/bank-lines").body()).doesNotContain("610802-");
        });
        cases.put("POST /api/v1/bank-lines/{id}/match", port -> {
            for (String who : List.of("yuyang.gov", "yuyang.finance", "tenant.demo")) {
                assertThat(WebClient.loggedIn(port, who).postJson("/api/v1/bank-lines/1/match", "{\"leaseId\":1}").statusCode()).as(who).isEqualTo(403);
            }
        });

        // audit: the audit administrator only
        cases.put("GET /api/v1/audit/entries",
                ScopeCase.onlyFor("GET", "/api/v1/audit/entries", "auditor", "admin", "security", "city.gov", "anju.manager"));
        cases.put("GET /api/v1/audit/verification",
                ScopeCase.onlyFor("GET", "/api/v1/audit/verification", "auditor", "admin", "security", "yuyang.gov"));

        // measures: definitions for everyone signed in; values for the government, finance and the operator's manager, in scope
        cases.put("GET /api/v1/measures", port -> {
            for (String who : List.of("tenant.demo", "shenmu.op", "city.gov")) {
                assertThat(WebClient.json(WebClient.loggedIn(port, who).getJson("/api/v1/measures")).size()).as(who).isGreaterThanOrEqualTo(12);
            }
        });
        cases.put("GET /api/v1/measures/{code}", port -> {
            for (String who : List.of("tenant.demo", "anju.staff", "admin", "evaluator")) {
                assertThat(WebClient.loggedIn(port, who).getJson("/api/v1/measures/UNITS_BY_STATUS").statusCode()).as(who).isEqualTo(403);
            }
            assertThat(WebClient.loggedIn(port, "yuyang.gov").getJson("/api/v1/measures/UNITS_BY_STATUS?districtCode=610803").statusCode())
                    .isEqualTo(404);
            assertThat(WebClient.loggedIn(port, "shenmu.op").getJson("/api/v1/measures/UNITS_BY_STATUS?districtCode=610802").statusCode())
                    .isEqualTo(404);
            // the operator's figure counts its own projects only: less than the city's
            long city = WebClient.json(WebClient.loggedIn(port, "city.gov").getJson("/api/v1/measures/WORK_ORDER_ON_TIME_RATE")).get("denominator").asLong();
            var operator = WebClient.json(WebClient.loggedIn(port, "shenmu.op").getJson("/api/v1/measures/WORK_ORDER_ON_TIME_RATE"));
            assertThat(operator.get("denominator").asLong()).isLessThan(city);
            operator.get("records").forEach(r -> assertThat(r.get("label").asString()).as("order numbers name the district").startsWith("WX610881"));
        });
        return cases;
    }

    /** A case in 榆阳区 (the demo has some; otherwise one is opened about an active lease there). */
    private static long yuyangCase(int port) {
        var items = WebClient.json(WebClient.loggedIn(port, "yuyang.gov").getJson("/api/v1/violation-cases?size=1")).get("items");
        if (!items.isEmpty()) {
            return items.get(0).get("id").asLong();
        }
        long lease = WebClient.json(WebClient.loggedIn(port, "yuyang.gov").getJson("/api/v1/leases?status=ACTIVE&size=1"))
                .get("items").get(0).get("id").asLong();
        return WebClient.json(WebClient.loggedIn(port, "anju.staff").postJson("/api/v1/violation-cases",
                "{\"leaseId\":" + lease + ",\"type\":\"SUBLET\",\"facts\":\"范围测试：入户核查发现转租\"}")).get("id").asLong();
    }

    /**
     * A photo in evidence of a 榆阳 case: {case id, evidence id}. The demo's 榆阳 cases carry photos; the arrears cases
     * other tests have the rent module report (hundreds, newest first) carry none, so they are passed over.
     */
    private static long[] yuyangEvidence(int port) {
        var staff = WebClient.loggedIn(port, "anju.staff");
        for (int page = 1; ; page++) {
            var items = WebClient.json(staff.getJson("/api/v1/violation-cases?size=200&page=" + page)).get("items");
            if (items.isEmpty()) {
                throw new AssertionError("no 榆阳 case with evidence to check the scope with");
            }
            for (var c : items) {
                if (!c.get("districtCode").asString().equals("610802") || c.get("type").asString().equals("ARREARS")) {
                    continue;
                }
                var evidence = WebClient.json(staff.getJson("/api/v1/violation-cases/" + c.get("id").asLong())).get("evidence");
                if (!evidence.isEmpty()) {
                    return new long[] {c.get("id").asLong(), evidence.get(0).get("id").asLong()};
                }
            }
        }
    }

    /** A payment on a 榆阳 lease: the demo has months of them. */
    private static long yuyangPayment(int port) {
        var officer = WebClient.loggedIn(port, "yuyang.gov");
        for (var l : WebClient.json(officer.getJson("/api/v1/leases?status=ACTIVE&size=50")).get("items")) {
            var payments = WebClient.json(officer.getJson("/api/v1/rent-accounts/" + l.get("id").asLong())).get("payments");
            if (!payments.isEmpty()) {
                return payments.get(0).get("id").asLong();
            }
        }
        throw new AssertionError("no payment on a 榆阳 lease to check the scope with");
    }

    /** An occupant check in 榆阳区 opened for the scope check; it has a visit per occupied unit. */
    private static long yuyangCampaign(int port) {
        return WebClient.json(WebClient.loggedIn(port, "anju.manager").postJson("/api/v1/verification-campaigns",
                "{\"districtCode\":\"610802\",\"name\":\"范围测试\",\"startsOn\":\"2026-01-01\",\"endsOn\":\"2026-12-31\"}")).get("id").asLong();
    }

    /**
     * A duplicate online payment in 榆阳区: the demo tenant pays one order twice through the demo's gateway, as a
     * household whose bank confirmed twice would; the second confirmation is money to refund.
     */
    private static long yuyangGatewayException(int port) {
        Long existing = anyGatewayException(port, "610802");
        if (existing != null) {
            return existing;
        }
        var tenant = WebClient.loggedIn(port, "tenant.demo");
        long lease = WebClient.json(tenant.getJson("/api/v1/leases?status=ACTIVE")).get("items").get(0).get("id").asLong();
        String orderNo = WebClient.json(tenant.postJson("/api/v1/online-payments", "{\"leaseId\":" + lease + ",\"amount\":0.01}"))
                .get("orderNo").asString();
        String csrf = tenant.csrfTokenFrom("/gateway-sim/" + orderNo); // the page hides its form once the order is paid
        for (int i = 0; i < 2; i++) {
            tenant.postForm("/gateway-sim/" + orderNo + "/pay", Map.of("_csrf", csrf));
        }
        Long made = anyGatewayException(port, "610802");
        assertThat(made).as("the second confirmation of one order is recorded as money to refund").isNotNull();
        return made;
    }

    /** A 榆阳 work order recorded through the hotline. */
    private static long yuyangOrder(int port) {
        long project = WebClient.json(WebClient.loggedIn(port, "yuyang.gov").getJson("/api/v1/projects")).get(0).get("id").asLong();
        return WebClient.json(WebClient.loggedIn(port, "anju.staff").postJson("/api/v1/work-orders", "{\"source\":\"HOTLINE\",\"projectId\":"
                + project + ",\"category\":\"LIGHTING\",\"location\":\"COMMON\",\"workType\":\"REPAIR\",\"description\":\"范围测试\"}"))
                .get("id").asLong();
    }

    /** A 榆阳 patrol task of a plan made for the check. */
    private static long yuyangPatrolTask(int port) {
        long project = WebClient.json(WebClient.loggedIn(port, "yuyang.gov").getJson("/api/v1/projects")).get(0).get("id").asLong();
        WebClient.loggedIn(port, "anju.manager").postJson("/api/v1/patrol-plans", "{\"projectId\":" + project
                + ",\"name\":\"范围测试\",\"everyDays\":7,\"checklist\":[\"门禁\"]}");
        var items = WebClient.json(WebClient.loggedIn(port, "yuyang.gov").getJson("/api/v1/patrol-tasks?size=1")).get("items");
        assertThat(items.size()).as("a patrol task in 榆阳区 to check the scope with").isPositive();
        return items.get(0).get("id").asLong();
    }

    /** A lease in 榆阳区; the demo has hundreds, and a case without its target row must fail, not pass unchecked. */
    private static long anyYuyangLease(int port) {
        var items = WebClient.json(WebClient.loggedIn(port, "yuyang.gov").getJson("/api/v1/leases?size=1")).get("items");
        assertThat(items.size()).as("a lease in 榆阳区 to check the scope with").isPositive();
        return items.get(0).get("id").asLong();
    }

    private static long yuyangRound(int port) {
        var officer = WebClient.loggedIn(port, "yuyang.gov");
        long project = WebClient.json(officer.getJson("/api/v1/projects")).get(0).get("id").asLong();
        return WebClient.json(officer.postJson("/api/v1/selection-rounds", "{\"name\":\"范围测试\",\"projectId\":" + project + "}"))
                .get("id").asLong();
    }

    private static void assertOnlyDistrictNames(int port, String who, String path, String name) {
        var rows = WebClient.json(WebClient.loggedIn(port, who).getJson(path)).get("items");
        assertThat(rows.size()).as(who + " " + path).isPositive();
        rows.forEach(r -> assertThat(r.get("districtName").asString()).isEqualTo(name));
    }

    private static long firstHousehold(int port, String who) {
        return WebClient.json(WebClient.loggedIn(port, who).getJson("/api/v1/households?size=1")).get("items").get(0).get("id").asLong();
    }

    /** Every row of the answer (a list, or a page's items) lies in the given districts, and there is at least one. */
    private static void assertOnlyDistricts(int port, String who, String path, String... districts) {
        var body = WebClient.json(WebClient.loggedIn(port, who).getJson(path));
        var rows = body.has("items") ? body.get("items") : body;
        assertThat(rows.size()).as(who + " " + path).isPositive();
        rows.forEach(r -> assertThat(r.get("districtCode").asString()).as(who + " " + path).isIn((Object[]) districts));
    }

    private static void assertOnlyOperator(int port, String who, String operatorName) {
        var rows = WebClient.json(WebClient.loggedIn(port, who).getJson("/api/v1/operator-coverage"));
        assertThat(rows.size()).as(who).isPositive();
        rows.forEach(r -> assertThat(r.get("operatorName").asString()).as(who).isEqualTo(operatorName));
    }

    /** A duplicate online payment of the district seen by the government, if any has been recorded. */
    static Long anyGatewayException(int port, String district) {
        for (var g : WebClient.json(WebClient.loggedIn(port, "city.gov").getJson("/api/v1/gateway-exceptions"))) {
            if (g.get("districtCode").asString().equals(district)) {
                return g.get("id").asLong();
            }
        }
        return null;
    }
}
