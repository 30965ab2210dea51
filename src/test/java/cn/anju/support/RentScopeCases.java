package cn.anju.support;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static cn.anju.support.ScopeTargets.anyYuyangLease;
import static cn.anju.support.ScopeTargets.yuyangGatewayException;
import static cn.anju.support.ScopeTargets.yuyangPayment;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rent, treasury remittance, duplicate online payments, the cashier's closing and bank statements: money by the covering
 * operator, a tenant its own.
 */
final class RentScopeCases {

    private RentScopeCases() {
    }

    static void addTo(Map<String, ScopeCase> cases) {
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

        // rent: the cashier's closing, the collection rate, bank statements
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
    }
}
