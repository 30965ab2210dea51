package cn.anju.support;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Evaluations and settlements: a district's government and finance read their district's, the city all, the operator's
 * manager its own contracts', the engaged evaluator its engagements'; only the district's officers prepare, only the
 * operator objects, only the engaged evaluator scores its leaves; tenants and administrators reach nothing.
 */
final class EvaluationScopeCases {

    private EvaluationScopeCases() {
    }

    private static final List<String> NOBODY = List.of("tenant.demo", "admin", "auditor", "anju.staff");

    /** The 2026Q3 evaluation of the demo's 榆阳 contract in force (opened here the first time). */
    static long yuyangEvaluation(int port) {
        long contract = ContractScopeCases.yuyangContract(port);
        WebClient gov = WebClient.loggedIn(port, "yuyang.gov");
        var opened = gov.postJson("/api/v1/evaluations", "{\"contractId\":" + contract + ",\"period\":\"2026Q3\"}");
        if (opened.statusCode() == 201) {
            return WebClient.json(opened).get("id").asLong();
        }
        for (var e : WebClient.json(gov.getJson("/api/v1/evaluations"))) {
            if (e.get("contractId").asLong() == contract && e.get("period").asString().equals("2026Q3")) {
                return e.get("id").asLong();
            }
        }
        throw new AssertionError("no 2026Q3 evaluation in 榆阳区: " + opened.body());
    }

    /** The first id in a list the user reads (the demo's settlements, reports), for checking that others cannot reach it. */
    static long firstId(int port, String who, String path) {
        var rows = WebClient.json(WebClient.loggedIn(port, who).getJson(path));
        assertThat(rows.size()).as(who + " " + path + " (the demo's)").isPositive();
        return rows.get(0).get("id").asLong();
    }

    /** The demo's objection in 榆阳区 (accepted). */
    static long yuyangObjection(int port) {
        WebClient gov = WebClient.loggedIn(port, "yuyang.gov");
        for (var e : WebClient.json(gov.getJson("/api/v1/evaluations"))) {
            var objections = WebClient.json(gov.getJson("/api/v1/evaluations/" + e.get("id").asLong())).get("objections");
            if (!objections.isEmpty()) {
                return objections.get(0).get("id").asLong();
            }
        }
        throw new AssertionError("no objection in 榆阳区's demo evaluations");
    }

    static void addTo(Map<String, ScopeCase> cases) {
        cases.put("GET /api/v1/evaluations", port -> {
            yuyangEvaluation(port);
            ScopeAsserts.assertOnlyDistricts(port, "yuyang.gov", "/api/v1/evaluations", "610802");
            ScopeAsserts.assertOnlyDistricts(port, "yuyang.finance", "/api/v1/evaluations", "610802");
            assertThat(WebClient.json(WebClient.loggedIn(port, "hengshan.gov").getJson("/api/v1/evaluations")).toString()).doesNotContain("610802");
            assertThat(WebClient.json(WebClient.loggedIn(port, "shenmu.op").getJson("/api/v1/evaluations")).toString()).doesNotContain("610802");
            refused(port, "GET", "/api/v1/evaluations");
        });
        cases.put("GET /api/v1/evaluations/{id}", port -> readers(port, ""));
        cases.put("GET /api/v1/evaluations/{id}/leaves/{code}/records", port -> {
            long e = yuyangEvaluation(port);
            for (String who : List.of("hengshan.gov", "shenmu.op", "shenmu.finance")) {
                assertThat(get(port, who, "/api/v1/evaluations/" + e + "/leaves/RENT_COLLECTION/records")).as(who).isEqualTo(404);
            }
            refused(port, "GET", "/api/v1/evaluations/" + e + "/leaves/RENT_COLLECTION/records", "evaluator"); // figures, not records
        });
        cases.put("POST /api/v1/evaluations", port -> {
            long contract = ContractScopeCases.yuyangContract(port);
            String body = "{\"contractId\":" + contract + ",\"period\":\"2026Q2\"}";
            for (String who : List.of("hengshan.gov", "evaluator")) { // the contract is not theirs to read
                assertThat(WebClient.loggedIn(port, who).postJson("/api/v1/evaluations", body).statusCode()).as(who).isEqualTo(404);
            }
            assertThat(WebClient.loggedIn(port, "yuyang.finance").postJson("/api/v1/evaluations", body).statusCode()).isEqualTo(403);
            for (String who : List.of("anju.manager", "tenant.demo", "admin")) {
                assertThat(WebClient.loggedIn(port, who).postJson("/api/v1/evaluations", body).statusCode()).as(who).isEqualTo(403);
            }
        });
        for (String step : List.of("computation", "submission", "reopening", "review", "signature", "operator-acceptance")) {
            cases.put("POST /api/v1/evaluations/{id}/" + step, port -> {
                long e = yuyangEvaluation(port);
                String path = "/api/v1/evaluations/" + e + "/" + step;
                for (String who : List.of("hengshan.gov", "shenmu.op", "shenmu.leader")) {
                    assertThat(WebClient.loggedIn(port, who).postJson(path, "{}").statusCode()).as(who + " " + step).isEqualTo(404);
                }
                String wrongSide = step.equals("operator-acceptance") ? "yuyang.gov" : "anju.manager";
                assertThat(WebClient.loggedIn(port, wrongSide).postJson(path, "{}").statusCode()).as(wrongSide + " " + step).isEqualTo(403);
                for (String who : List.of("yuyang.finance", "tenant.demo", "admin")) {
                    assertThat(WebClient.loggedIn(port, who).postJson(path, "{}").statusCode()).as(who + " " + step).isEqualTo(403);
                }
            });
        }
        cases.put("POST /api/v1/evaluations/{id}/leaves/{code}/score", port -> {
            long e = yuyangEvaluation(port);
            assertThat(multipart(port, "hengshan.gov", "/api/v1/evaluations/" + e + "/leaves/MANAGEMENT_SYSTEM/score").statusCode()).isEqualTo(404);
            for (String who : List.of("anju.manager", "yuyang.finance", "tenant.demo")) {
                assertThat(multipart(port, who, "/api/v1/evaluations/" + e + "/leaves/MANAGEMENT_SYSTEM/score").statusCode()).as(who).isEqualTo(403);
            }
            assertThat(multipart(port, "evaluator", "/api/v1/evaluations/" + e + "/leaves/MANAGEMENT_SYSTEM/score").statusCode())
                    .as("the evaluator scores only the evaluator's leaves").isEqualTo(403);
        });
        cases.put("POST /api/v1/evaluations/{id}/objections", port -> {
            long e = yuyangEvaluation(port);
            String path = "/api/v1/evaluations/" + e + "/objections";
            assertThat(multipart(port, "shenmu.op", path).statusCode()).isEqualTo(404);
            for (String who : List.of("yuyang.gov", "evaluator", "tenant.demo")) {
                assertThat(multipart(port, who, path).statusCode()).as(who).isEqualTo(403);
            }
        });
        cases.put("POST /api/v1/evaluations/{id}/deductions", port -> {
            long e = yuyangEvaluation(port);
            String path = "/api/v1/evaluations/" + e + "/deductions";
            assertThat(multipart(port, "hengshan.gov", path).statusCode()).isEqualTo(404);
            for (String who : List.of("anju.manager", "evaluator", "tenant.demo")) {
                assertThat(multipart(port, who, path).statusCode()).as(who).isEqualTo(403);
            }
        });
        for (String step : List.of("acceptance", "rejection")) {
            cases.put("POST /api/v1/objections/{id}/" + step, port -> {
                for (String who : List.of("anju.manager", "evaluator", "yuyang.finance", "tenant.demo")) {
                    assertThat(WebClient.loggedIn(port, who).postJson("/api/v1/objections/1/" + step, "{\"decision\":\"x\"}").statusCode())
                            .as(who).isEqualTo(403);
                }
                long objection = yuyangObjection(port);
                for (String who : List.of("hengshan.gov", "shenmu.leader")) {
                    var r = WebClient.loggedIn(port, who).postJson("/api/v1/objections/" + objection + "/" + step, "{\"decision\":\"x\"}");
                    assertThat(r.statusCode()).as(who).isEqualTo(404);
                    assertThat(r.body()).contains("OBJECTION_NOT_FOUND");
                }
            });
        }
        settlements(cases);
        reports(cases);
        cases.put("GET /api/v1/indicator-trees", port -> {
            long contract = ContractScopeCases.yuyangContract(port);
            assertThat(get(port, "yuyang.gov", "/api/v1/indicator-trees?contractId=" + contract)).isEqualTo(200);
            for (String who : List.of("hengshan.gov", "shenmu.op")) {
                assertThat(get(port, who, "/api/v1/indicator-trees?contractId=" + contract)).as(who).isEqualTo(404);
            }
            refused(port, "GET", "/api/v1/indicator-trees?contractId=" + contract);
        });
        cases.put("POST /api/v1/indicator-trees", port -> {
            String body = "{\"contractId\":" + ContractScopeCases.yuyangContract(port) + ",\"leaves\":[]}";
            assertThat(WebClient.loggedIn(port, "hengshan.gov").postJson("/api/v1/indicator-trees", body).statusCode()).isEqualTo(404);
            for (String who : List.of("anju.manager", "evaluator", "yuyang.finance", "tenant.demo")) {
                assertThat(WebClient.loggedIn(port, who).postJson("/api/v1/indicator-trees", body).statusCode()).as(who).isEqualTo(403);
            }
        });
    }

    private static void settlements(Map<String, ScopeCase> cases) {
        cases.put("GET /api/v1/settlements", port -> {
            assertThat(WebClient.json(WebClient.loggedIn(port, "hengshan.gov").getJson("/api/v1/settlements")).toString()).doesNotContain("610802");
            assertThat(WebClient.json(WebClient.loggedIn(port, "shenmu.op").getJson("/api/v1/settlements")).toString()).doesNotContain("610802");
            refused(port, "GET", "/api/v1/settlements", "evaluator");
        });
        cases.put("GET /api/v1/settlements/{id}", port -> {
            long s = firstId(port, "yuyang.gov", "/api/v1/settlements");
            for (String who : List.of("hengshan.gov", "shenmu.op", "shenmu.finance")) {
                assertThat(get(port, who, "/api/v1/settlements/" + s)).as(who).isEqualTo(404);
            }
            for (String who : List.of("yuyang.gov", "yuyang.finance", "anju.manager")) {
                assertThat(get(port, who, "/api/v1/settlements/" + s)).as(who).isEqualTo(200);
            }
            refused(port, "GET", "/api/v1/settlements/1", "evaluator");
        });
        cases.put("POST /api/v1/settlements", port -> {
            String body = "{\"evaluationId\":" + yuyangEvaluation(port) + "}";
            assertThat(WebClient.loggedIn(port, "hengshan.gov").postJson("/api/v1/settlements", body).statusCode()).isEqualTo(404);
            assertThat(WebClient.loggedIn(port, "yuyang.finance").postJson("/api/v1/settlements", body).statusCode()).isEqualTo(403);
            for (String who : List.of("anju.manager", "evaluator", "tenant.demo")) {
                assertThat(WebClient.loggedIn(port, who).postJson("/api/v1/settlements", body).statusCode()).as(who).isEqualTo(403);
            }
        });
        for (String step : List.of("discard", "approval", "payment")) {
            cases.put("POST /api/v1/settlements/{id}/" + step, port -> {
                for (String who : List.of("anju.manager", "evaluator", "tenant.demo", "admin")) {
                    assertThat(WebClient.loggedIn(port, who).postJson("/api/v1/settlements/1/" + step, "{}").statusCode()).as(who).isEqualTo(403);
                }
                long s = firstId(port, "yuyang.gov", "/api/v1/settlements");
                for (String who : List.of("hengshan.gov", "shenmu.leader", "shenmu.finance")) {
                    assertThat(WebClient.loggedIn(port, who).postJson("/api/v1/settlements/" + s + "/" + step, "{}").statusCode()).as(who)
                            .isEqualTo(404);
                }
            });
        }
    }

    private static void reports(Map<String, ScopeCase> cases) {
        for (String path : List.of("/api/v1/financial-reports", "/api/v1/financial-reports/overdue")) {
            cases.put("GET " + path, port -> {
                assertThat(WebClient.json(WebClient.loggedIn(port, "hengshan.gov").getJson(path)).toString()).doesNotContain("610802");
                assertThat(WebClient.json(WebClient.loggedIn(port, "shenmu.op").getJson(path)).toString()).doesNotContain("610802");
                refused(port, "GET", path, "evaluator");
            });
        }
        cases.put("GET /api/v1/financial-reports/template", ScopeCase.onlyFor("GET", "/api/v1/financial-reports/template", "anju.manager",
                "tenant.demo", "admin", "evaluator"));
        cases.put("GET /api/v1/financial-reports/{id}", port -> {
            long r = firstId(port, "yuyang.gov", "/api/v1/financial-reports");
            for (String who : List.of("hengshan.gov", "shenmu.op", "shenmu.finance")) {
                assertThat(get(port, who, "/api/v1/financial-reports/" + r)).as(who).isEqualTo(404);
            }
            assertThat(get(port, "anju.manager", "/api/v1/financial-reports/" + r)).isEqualTo(200);
            refused(port, "GET", "/api/v1/financial-reports/1", "evaluator");
        });
        for (String path : List.of("/api/v1/financial-reports", "/api/v1/financial-reports/audit")) {
            cases.put("POST " + path, port -> {
                long contract = ContractScopeCases.yuyangContract(port);
                var form = Map.of("contractId", String.valueOf(contract), "period", "2026Q3", "year", "2025", "firmName", "x",
                        "licenceNo", "x", "opinion", "UNQUALIFIED");
                for (String who : List.of("hengshan.gov", "shenmu.op")) {
                    assertThat(WebClient.loggedIn(port, who).postMultipart(path, form, "r.pdf", "application/pdf", ContractFixtures.PDF)
                            .statusCode()).as(who).isEqualTo(404);
                }
                for (String who : List.of("yuyang.gov", "yuyang.finance", "evaluator", "tenant.demo")) {
                    assertThat(WebClient.loggedIn(port, who).postMultipart(path, form, "r.pdf", "application/pdf", ContractFixtures.PDF)
                            .statusCode()).as(who).isEqualTo(403);
                }
            });
        }
        for (String step : List.of("acceptance", "return")) {
            cases.put("POST /api/v1/financial-reports/{id}/" + step, port -> {
                for (String who : List.of("yuyang.finance", "evaluator", "tenant.demo")) {
                    assertThat(WebClient.loggedIn(port, who).postJson("/api/v1/financial-reports/1/" + step, "{}").statusCode()).as(who)
                            .isEqualTo(403);
                }
                long r = firstId(port, "yuyang.gov", "/api/v1/financial-reports");
                for (String who : List.of("hengshan.gov", "shenmu.leader")) {
                    assertThat(WebClient.loggedIn(port, who).postJson("/api/v1/financial-reports/" + r + "/" + step, "{}").statusCode())
                            .as(who).isEqualTo(404);
                }
            });
        }
    }

    private static void readers(int port, String suffix) {
        long e = yuyangEvaluation(port);
        String path = "/api/v1/evaluations/" + e + suffix;
        for (String who : List.of("hengshan.gov", "shenmu.op", "shenmu.finance")) {
            assertThat(get(port, who, path)).as(who).isEqualTo(404);
        }
        for (String who : List.of("yuyang.gov", "yuyang.finance", "anju.manager", "evaluator")) {
            assertThat(get(port, who, path)).as(who).isEqualTo(200);
        }
        refused(port, "GET", path);
    }

    private static int get(int port, String who, String path) {
        return WebClient.loggedIn(port, who).getJson(path).statusCode();
    }

    private static HttpResponse<String> multipart(int port, String who, String path) {
        return WebClient.loggedIn(port, who).postMultipart(path, Map.of("percent", "80", "basis", "x", "leafCode", "RENT_COLLECTION",
                "reasons", "x", "item", "x", "amountFen", "100"), "x.pdf", "application/pdf", ContractFixtures.PDF);
    }

    private static void refused(int port, String method, String path, String... more) {
        List<String> who = new java.util.ArrayList<>(NOBODY);
        who.addAll(List.of(more));
        for (String w : who) {
            WebClient web = WebClient.loggedIn(port, w);
            int status = method.equals("GET") ? web.getJson(path).statusCode() : web.postJson(path, "{}").statusCode();
            assertThat(status).as(w + " " + method + " " + path).isEqualTo(403);
        }
    }
}
