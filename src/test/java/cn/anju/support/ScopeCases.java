package cn.anju.support;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The scope case of every {@code /api/v1} endpoint, keyed {@code "METHOD /path/pattern"}: one list per module, collected
 * here in one order (some cases make the records later ones read), and the platform's own audit and measure endpoints.
 */
public final class ScopeCases {

    private ScopeCases() {
    }

    public static Map<String, ScopeCase> all() {
        Map<String, ScopeCase> cases = new LinkedHashMap<>();
        IdentityScopeCases.addTo(cases);
        HousingScopeCases.addTo(cases);
        LeaseScopeCases.addTo(cases);
        RentScopeCases.addTo(cases);
        MaintenanceScopeCases.addTo(cases);
        InspectionScopeCases.addTo(cases);
        FeedbackChannelScopeCases.addTo(cases);
        FeedbackScopeCases.addTo(cases);
        SurveyScopeCases.addTo(cases);
        ContractScopeCases.addTo(cases);
        EvaluationScopeCases.addTo(cases);
        DisclosureScopeCases.addTo(cases);
        DisclosureScopeCases.addRequestsTo(cases);
        MonitoringScopeCases.addTo(cases);

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
}
