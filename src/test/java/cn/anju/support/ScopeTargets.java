package cn.anju.support;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The records a scope case aims at: found in the demo data, or made for the check when the demo has none. */
final class ScopeTargets {

    private ScopeTargets() {
    }

    /** A case in 榆阳区 (the demo has some; otherwise one is opened about an active lease there). */
    static long yuyangCase(int port) {
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
    static long[] yuyangEvidence(int port) {
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
    static long yuyangPayment(int port) {
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
    static long yuyangCampaign(int port) {
        return WebClient.json(WebClient.loggedIn(port, "anju.manager").postJson("/api/v1/verification-campaigns",
                "{\"districtCode\":\"610802\",\"name\":\"范围测试\",\"startsOn\":\"2026-01-01\",\"endsOn\":\"2026-12-31\"}")).get("id").asLong();
    }

    /**
     * A duplicate online payment in 榆阳区: the demo tenant pays one order twice through the demo's gateway, as a
     * household whose bank confirmed twice would; the second confirmation is money to refund.
     */
    static long yuyangGatewayException(int port) {
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
    static long yuyangOrder(int port) {
        long project = WebClient.json(WebClient.loggedIn(port, "yuyang.gov").getJson("/api/v1/projects")).get(0).get("id").asLong();
        return WebClient.json(WebClient.loggedIn(port, "anju.staff").postJson("/api/v1/work-orders", "{\"source\":\"HOTLINE\",\"projectId\":"
                + project + ",\"category\":\"LIGHTING\",\"location\":\"COMMON\",\"workType\":\"REPAIR\",\"description\":\"范围测试\"}"))
                .get("id").asLong();
    }

    /** A 榆阳 patrol task of a plan made for the check. */
    static long yuyangPatrolTask(int port) {
        long project = WebClient.json(WebClient.loggedIn(port, "yuyang.gov").getJson("/api/v1/projects")).get(0).get("id").asLong();
        WebClient.loggedIn(port, "anju.manager").postJson("/api/v1/patrol-plans", "{\"projectId\":" + project
                + ",\"name\":\"范围测试\",\"everyDays\":7,\"checklist\":[\"门禁\"]}");
        var items = WebClient.json(WebClient.loggedIn(port, "yuyang.gov").getJson("/api/v1/patrol-tasks?size=1")).get("items");
        assertThat(items.size()).as("a patrol task in 榆阳区 to check the scope with").isPositive();
        return items.get(0).get("id").asLong();
    }

    /** A lease in 榆阳区; the demo has hundreds, and a case without its target row must fail, not pass unchecked. */
    static long anyYuyangLease(int port) {
        var items = WebClient.json(WebClient.loggedIn(port, "yuyang.gov").getJson("/api/v1/leases?size=1")).get("items");
        assertThat(items.size()).as("a lease in 榆阳区 to check the scope with").isPositive();
        return items.get(0).get("id").asLong();
    }

    static long yuyangRound(int port) {
        var officer = WebClient.loggedIn(port, "yuyang.gov");
        long project = WebClient.json(officer.getJson("/api/v1/projects")).get(0).get("id").asLong();
        return WebClient.json(officer.postJson("/api/v1/selection-rounds", "{\"name\":\"范围测试\",\"projectId\":" + project + "}"))
                .get("id").asLong();
    }

    static long firstHousehold(int port, String who) {
        return WebClient.json(WebClient.loggedIn(port, who).getJson("/api/v1/households?size=1")).get("items").get(0).get("id").asLong();
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
