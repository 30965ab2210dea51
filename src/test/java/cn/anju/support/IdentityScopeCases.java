package cn.anju.support;

import java.util.List;
import java.util.Map;

import static cn.anju.support.ScopeAsserts.assertOnlyDistricts;
import static cn.anju.support.ScopeAsserts.assertOnlyOperator;
import static org.assertj.core.api.Assertions.assertThat;

/** Organisations, accounts, operator coverage, evaluator engagements and API tokens: the district and the operator see their own. */
final class IdentityScopeCases {

    private IdentityScopeCases() {
    }

    private static long accountId(int port, String username) {
        var page = WebClient.json(WebClient.loggedIn(port, "admin").getJson("/api/v1/accounts?keyword=" + username + "&size=5"));
        for (var row : page.get("items")) {
            if (row.get("username").asString().equals(username)) {
                return row.get("id").asLong();
            }
        }
        throw new IllegalStateException("no account " + username);
    }

    static void addTo(Map<String, ScopeCase> cases) {
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
        // coverage comes only from contracts: writing it by hand is refused for everyone, the city's administrator too
        cases.put("POST /api/v1/operator-coverage", port -> {
            String body = "{\"operatorId\":1,\"districtCode\":\"610802\",\"validFrom\":\"2026-01-01\"}";
            for (String who : List.of("city.gov", "yuyang.gov", "hengshan.gov", "anju.manager", "yuyang.finance", "admin")) {
                var r = WebClient.loggedIn(port, who).postJson("/api/v1/operator-coverage", body);
                assertThat(r.statusCode()).as(who).isEqualTo(405);
            }
        });
        cases.put("POST /api/v1/operator-coverage/{id}/end", port -> {
            var yuyangRow = WebClient.json(WebClient.loggedIn(port, "yuyang.gov").getJson("/api/v1/operator-coverage")).get(0);
            for (String who : List.of("yuyang.gov", "city.gov", "hengshan.gov", "anju.manager")) {
                var r = WebClient.loggedIn(port, who).postJson("/api/v1/operator-coverage/" + yuyangRow.get("id").asLong() + "/end", "{}");
                assertThat(r.statusCode()).as(who).isEqualTo(405);
            }
        });
        // evaluator engagements: the city all, a district its own, the firm its own rows; operators and the rest refused
        cases.put("GET /api/v1/evaluator-engagements", port -> {
            assertOnlyDistricts(port, "yuyang.gov", "/api/v1/evaluator-engagements", "610802");
            assertOnlyDistricts(port, "shenmu.gov", "/api/v1/evaluator-engagements", "610881");
            var firm = WebClient.json(WebClient.loggedIn(port, "evaluator").getJson("/api/v1/evaluator-engagements"));
            assertThat(firm.size()).isPositive();
            firm.forEach(r -> assertThat(r.get("evaluatorName").asString()).isEqualTo("陕西信达绩效评价咨询有限公司"));
            for (String who : List.of("anju.manager", "shenmu.op", "anju.staff", "yuyang.finance", "admin", "auditor", "tenant.demo")) {
                assertThat(WebClient.loggedIn(port, who).getJson("/api/v1/evaluator-engagements").statusCode()).as(who).isEqualTo(403);
            }
        });
        cases.put("POST /api/v1/evaluator-engagements", port -> {
            String body = "{\"evaluatorId\":1,\"districtCode\":\"610802\",\"validFrom\":\"2026-01-01\"}";
            for (String who : List.of("hengshan.gov", "evaluator", "anju.manager", "yuyang.finance", "admin")) {
                var r = WebClient.loggedIn(port, who).postJson("/api/v1/evaluator-engagements", body);
                assertThat(r.statusCode()).as(who).isEqualTo(403);
            }
        });
        cases.put("POST /api/v1/evaluator-engagements/{id}/end", port -> {
            var yuyangRow = WebClient.json(WebClient.loggedIn(port, "yuyang.gov").getJson("/api/v1/evaluator-engagements")).get(0);
            for (String who : List.of("hengshan.gov", "shenmu.gov", "evaluator", "anju.manager")) {
                var r = WebClient.loggedIn(port, who).postJson("/api/v1/evaluator-engagements/" + yuyangRow.get("id").asLong() + "/end", "{}");
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
        // a machine account's tokens: the security administrator's only, and for machine accounts only
        cases.put("GET /api/v1/security/accounts/{accountId}/tokens", port -> {
            long machine = accountId(port, "gateway.12345");
            assertThat(WebClient.loggedIn(port, "security").getJson("/api/v1/security/accounts/" + machine + "/tokens").statusCode()).isEqualTo(200);
            for (String who : List.of("admin", "city.gov", "anju.manager", "auditor")) {
                assertThat(WebClient.loggedIn(port, who).getJson("/api/v1/security/accounts/" + machine + "/tokens").statusCode()).as(who).isEqualTo(403);
            }
        });
        cases.put("POST /api/v1/security/accounts/{accountId}/tokens", port -> {
            long machine = accountId(port, "gateway.12345");
            for (String who : List.of("admin", "city.gov", "yuyang.gov")) {
                assertThat(WebClient.loggedIn(port, who).postJson("/api/v1/security/accounts/" + machine + "/tokens",
                        "{\"name\":\"x\",\"days\":1}").statusCode()).as(who).isEqualTo(403);
            }
            var person = WebClient.loggedIn(port, "security").postJson("/api/v1/security/accounts/" + accountId(port, "anju.staff") + "/tokens",
                    "{\"name\":\"x\",\"days\":1}");
            assertThat(person.body()).as("no token for a person's account").contains("NOT_A_MACHINE_ACCOUNT");
        });
        cases.put("POST /api/v1/security/accounts/{accountId}/tokens/{id}/revoke", port -> {
            long machine = accountId(port, "gateway.12345");
            var security = WebClient.loggedIn(port, "security");
            long id = WebClient.json(security.postJson("/api/v1/security/accounts/" + machine + "/tokens", "{\"name\":\"scope\",\"days\":1}"))
                    .get("id").asLong();
            assertThat(WebClient.loggedIn(port, "admin").postJson("/api/v1/security/accounts/" + machine + "/tokens/" + id + "/revoke", "{}")
                    .statusCode()).isEqualTo(403);
            assertThat(security.postJson("/api/v1/security/accounts/" + accountId(port, "anju.staff") + "/tokens/" + id + "/revoke", "{}")
                    .statusCode()).as("another account's token is not reached through a person's account").isEqualTo(409);
        });
        cases.put("POST /api/v1/id-numbers/check", port -> {
            // a pure check: answers about the number sent, holds no records, never echoes it unmasked
            String number = "11010519491231002X";
            var r = WebClient.loggedIn(port, "anju.staff").postJson("/api/v1/id-numbers/check", "{\"idNumber\":\"" + number + "\"}");
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.body()).doesNotContain(number).contains("110105********002X");
        });
    }
}
