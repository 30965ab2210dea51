package cn.anju.support;

import static org.assertj.core.api.Assertions.assertThat;

/** What every scope case asserts about an answer: its rows lie in the caller's districts or operator. */
final class ScopeAsserts {

    private ScopeAsserts() {
    }

    static void assertOnlyDistrictNames(int port, String who, String path, String name) {
        var rows = WebClient.json(WebClient.loggedIn(port, who).getJson(path)).get("items");
        assertThat(rows.size()).as(who + " " + path).isPositive();
        rows.forEach(r -> assertThat(r.get("districtName").asString()).isEqualTo(name));
    }

    /** Every row of the answer (a list, or a page's items) lies in the given districts, and there is at least one. */
    static void assertOnlyDistricts(int port, String who, String path, String... districts) {
        var body = WebClient.json(WebClient.loggedIn(port, who).getJson(path));
        var rows = body.has("items") ? body.get("items") : body;
        assertThat(rows.size()).as(who + " " + path).isPositive();
        rows.forEach(r -> assertThat(r.get("districtCode").asString()).as(who + " " + path).isIn((Object[]) districts));
    }

    static void assertOnlyOperator(int port, String who, String operatorName) {
        var rows = WebClient.json(WebClient.loggedIn(port, who).getJson("/api/v1/operator-coverage"));
        assertThat(rows.size()).as(who).isPositive();
        rows.forEach(r -> assertThat(r.get("operatorName").asString()).as(who).isEqualTo(operatorName));
    }
}
