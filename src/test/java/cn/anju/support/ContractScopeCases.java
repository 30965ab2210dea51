package cn.anju.support;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The purchase: a district's government and finance read their district's procurements and contracts, the city all;
 * an operator's manager reads its own contracts only; only the district's officers prepare, its finance approves the
 * budget, its leaders approve a termination; nobody else reaches the routes.
 */
final class ContractScopeCases {

    private ContractScopeCases() {
    }

    private static final List<String> NO_PURCHASE = List.of("tenant.demo", "admin", "auditor", "evaluator", "anju.staff");

    static void addTo(Map<String, ScopeCase> cases) {
        handover(cases);
        cases.put("GET /api/v1/procurements", port -> {
            ContractFixtures.created(port, "610802", 2027, "PUBLIC_TENDER", null);
            ScopeAsserts.assertOnlyDistricts(port, "yuyang.gov", "/api/v1/procurements", "610802");
            ScopeAsserts.assertOnlyDistricts(port, "yuyang.finance", "/api/v1/procurements", "610802");
            ScopeAsserts.assertOnlyDistricts(port, "shenmu.gov", "/api/v1/procurements", "610881");
            refused(port, "GET", "/api/v1/procurements", "anju.manager");
        });
        cases.put("GET /api/v1/procurements/{id}", port -> {
            long p = ContractFixtures.created(port, "610802", 2027, "PUBLIC_TENDER", null);
            for (String who : List.of("hengshan.gov", "shenmu.finance", "shenmu.leader")) {
                assertThat(WebClient.loggedIn(port, who).getJson("/api/v1/procurements/" + p).statusCode()).as(who).isEqualTo(404);
            }
            refused(port, "GET", "/api/v1/procurements/" + p, "anju.manager");
        });
        cases.put("POST /api/v1/procurements", port -> {
            String body = """
                    {"districtCode":"610802","year":2027,"title":"x","purchasingUnit":"x","serviceItems":["GENERAL"],"method":"PUBLIC_TENDER"}""";
            for (String who : List.of("hengshan.gov", "yuyang.finance", "shenmu.leader")) {
                var r = WebClient.loggedIn(port, who).postJson("/api/v1/procurements", body);
                assertThat(r.statusCode()).as(who).isEqualTo(403);
            }
            refused(port, "POST", "/api/v1/procurements", "anju.manager");
        });
        for (String step : List.of("budget-approval", "announcement", "award")) {
            cases.put("POST /api/v1/procurements/{id}/" + step, port -> {
                long p = ContractFixtures.created(port, "610802", 2027, "PUBLIC_TENDER", null);
                String path = "/api/v1/procurements/" + p + "/" + step;
                for (String who : List.of("hengshan.gov", "hengshan.finance")) {
                    assertThat(multipart(port, who, path).statusCode()).as(who + " " + step).isEqualTo(404);
                }
                String wrongRole = step.equals("budget-approval") ? "yuyang.gov" : "yuyang.finance";
                assertThat(multipart(port, wrongRole, path).statusCode()).as(wrongRole + " " + step).isEqualTo(403);
                for (String who : List.of("anju.manager", "tenant.demo", "admin")) {
                    assertThat(multipart(port, who, path).statusCode()).as(who + " " + step).isEqualTo(403);
                }
            });
        }
        cases.put("GET /api/v1/contracts", port -> {
            ScopeAsserts.assertOnlyDistricts(port, "yuyang.gov", "/api/v1/contracts", "610802");
            ScopeAsserts.assertOnlyDistricts(port, "hengshan.finance", "/api/v1/contracts", "610803");
            assertOnlyOperator(port, "anju.manager", "榆林安居物业服务有限公司");
            assertOnlyOperator(port, "shenmu.op", "神木市保障房运营管理有限公司");
            refused(port, "GET", "/api/v1/contracts");
        });
        cases.put("GET /api/v1/contracts/{id}", port -> {
            long c = yuyangContract(port);
            for (String who : List.of("hengshan.gov", "shenmu.op", "shenmu.finance")) {
                assertThat(WebClient.loggedIn(port, who).getJson("/api/v1/contracts/" + c).statusCode()).as(who).isEqualTo(404);
            }
            assertThat(WebClient.loggedIn(port, "anju.manager").getJson("/api/v1/contracts/" + c).statusCode()).isEqualTo(200);
            assertThat(WebClient.loggedIn(port, "anju.manager").getJson("/api/v1/contracts/" + endedYuyangContract(port)).statusCode())
                    .as("its own contract, ended beyond the wind-down").isEqualTo(404);
            refused(port, "GET", "/api/v1/contracts/" + c);
        });
        cases.put("GET /api/v1/contracts/{id}/amendments", port -> {
            long c = yuyangContract(port);
            assertThat(WebClient.loggedIn(port, "shenmu.op").getJson("/api/v1/contracts/" + c + "/amendments").statusCode()).isEqualTo(404);
            refused(port, "GET", "/api/v1/contracts/" + c + "/amendments");
        });
        cases.put("POST /api/v1/contracts", port -> {
            long p = ContractFixtures.created(port, "610802", 2027, "PUBLIC_TENDER", null);
            String body = """
                    {"procurementId":%d,"operatorId":1,"contractNo":"X-%d","title":"x","startsOn":"2027-01-01","endsOn":"2027-12-31",
                     "allProjects":true,"fees":{"kind":"LUMP_SUM","lumpSumFen":100,"cycle":"MONTHLY"}}""".formatted(p, p);
            for (String who : List.of("hengshan.gov", "anju.manager", "shenmu.leader")) {
                var r = WebClient.loggedIn(port, who).postJson("/api/v1/contracts", body);
                assertThat(r.statusCode()).as(who + " " + r.body()).isEqualTo(400);
                assertThat(WebClient.json(r).get("code").asString()).as(who).isEqualTo("PROCUREMENT_NOT_FOUND");
            }
            refused(port, "POST", "/api/v1/contracts", "yuyang.finance");
        });
        cases.put("POST /api/v1/contracts/{id}/signature", port -> {
            long c = yuyangContract(port);
            assertThat(WebClient.loggedIn(port, "hengshan.gov").postMultipart("/api/v1/contracts/" + c + "/signature", Map.of("signedOn", "2026-01-01"),
                    "c.pdf", "application/pdf", ContractFixtures.PDF).statusCode()).isEqualTo(404);
            assertThat(WebClient.loggedIn(port, "anju.manager").postMultipart("/api/v1/contracts/" + c + "/signature", Map.of("signedOn", "2026-01-01"),
                    "c.pdf", "application/pdf", ContractFixtures.PDF).statusCode()).isEqualTo(403);
        });
        for (String step : List.of("termination", "termination/approval", "termination/withdrawal", "amendments", "discard")) {
            cases.put("POST /api/v1/contracts/{id}/" + step, port -> {
                long c = yuyangContract(port);
                String path = "/api/v1/contracts/" + c + "/" + step;
                String body = "{\"lastDay\":\"2026-12-31\",\"reason\":\"x\",\"effectiveOn\":\"2026-12-31\"}";
                for (String who : List.of("hengshan.gov", "shenmu.leader", "shenmu.op")) {
                    assertThat(WebClient.loggedIn(port, who).postJson(path, body).statusCode()).as(who + " " + step).isEqualTo(404);
                }
                var operator = WebClient.loggedIn(port, "anju.manager").postJson(path, body);
                assertThat(operator.statusCode()).as("anju.manager " + step + " " + operator.body()).isIn(403, 409);
                refused(port, "POST", path, "yuyang.finance");
            });
        }
    }

    private static void handover(Map<String, ScopeCase> cases) {
        cases.put("GET /api/v1/contracts/{id}/handover", port -> {
            long c = endedYuyangContract(port);
            assertThat(WebClient.loggedIn(port, "yuyang.gov").getJson("/api/v1/contracts/" + c + "/handover").statusCode()).isEqualTo(200);
            for (String who : List.of("hengshan.gov", "shenmu.op", "shenmu.finance")) {
                assertThat(WebClient.loggedIn(port, who).getJson("/api/v1/contracts/" + c + "/handover").statusCode()).as(who).isEqualTo(404);
            }
            refused(port, "GET", "/api/v1/contracts/" + c + "/handover");
        });
        for (String step : List.of("handover", "handover/confirmation")) {
            cases.put("POST /api/v1/contracts/{id}/" + step, port -> {
                long c = endedYuyangContract(port);
                for (String who : List.of("hengshan.gov", "shenmu.op", "shenmu.leader")) {
                    assertThat(WebClient.loggedIn(port, who).postJson("/api/v1/contracts/" + c + "/" + step, "{}").statusCode()).as(who).isEqualTo(404);
                }
                refused(port, "POST", "/api/v1/contracts/" + c + "/" + step, "yuyang.finance");
            });
        }
    }

    /** The demo's ended 榆阳区 contract, which has its handover. */
    static long endedYuyangContract(int port) {
        var rows = WebClient.json(WebClient.loggedIn(port, "yuyang.gov").getJson("/api/v1/contracts"));
        for (var r : rows) {
            if (r.get("status").asString().equals("ENDED") && r.get("contractNo").asString().startsWith("YY-GM-")) {
                return r.get("id").asLong();
            }
        }
        throw new AssertionError("no ended contract in 榆阳区: " + rows);
    }

    /** The contract in force in 榆阳区 today (the demo's). */
    static long yuyangContract(int port) {
        var rows = WebClient.json(WebClient.loggedIn(port, "yuyang.gov").getJson("/api/v1/contracts"));
        for (var r : rows) {
            if (r.get("status").asString().equals("IN_FORCE") && r.get("contractNo").asString().startsWith("YY-GM-")) {
                return r.get("id").asLong();
            }
        }
        throw new AssertionError("no contract in force in 榆阳区: " + rows);
    }

    private static void assertOnlyOperator(int port, String who, String operatorName) {
        var rows = WebClient.json(WebClient.loggedIn(port, who).getJson("/api/v1/contracts"));
        assertThat(rows.size()).as(who).isPositive();
        rows.forEach(r -> assertThat(r.get("operatorName").asString()).as(who).isEqualTo(operatorName));
    }

    private static java.net.http.HttpResponse<String> multipart(int port, String who, String path) {
        return WebClient.loggedIn(port, who).postMultipart(path, Map.of("on", "2026-01-01", "amountFen", "100", "approvalNo", "x",
                "approvedBy", "x", "approvedOn", "2026-01-01", "winnerId", "1"), "x.pdf", "application/pdf", ContractFixtures.PDF);
    }

    private static void refused(int port, String method, String path, String... more) {
        List<String> who = new java.util.ArrayList<>(NO_PURCHASE);
        who.addAll(List.of(more));
        for (String w : who) {
            WebClient web = WebClient.loggedIn(port, w);
            int status = method.equals("GET") ? web.getJson(path).statusCode() : web.postJson(path, "{}").statusCode();
            assertThat(status).as(w + " " + method + " " + path).isEqualTo(403);
        }
    }
}
