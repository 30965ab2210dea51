package cn.anju.household;

import cn.anju.support.PlatformTest;
import cn.anju.support.TestClock;
import cn.anju.support.WebClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The operator can never touch eligibility (DOMAIN.md 2.1): not by API whatever the body, not by a page's form, and
 * the city bureau reads but changes nothing. Only the household's own district decides, and nothing is overwritten.
 */
@PlatformTest
class EligibilityGovernmentOnlyTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    long yuyangHousehold() {
        return jdbc.sql("select id from household where district_code = '610802' order by id limit 1").query(Long.class).single();
    }

    long decisions() {
        return jdbc.sql("select count(*) from eligibility_decision").query(Long.class).single();
    }

    String snapshot() {
        return jdbc.sql("select string_agg(id || ':' || status || ':' || version, ',' order by id) from eligibility_decision")
                .query(String.class).single();
    }

    String validBody() {
        String today = TestClock.today().toString();
        return "{\"decisionNumber\":\"测试住保〔2026〕" + UUID.randomUUID().toString().substring(0, 8) + "号\",\"issuingBureau\":\"榆阳区住房保障中心\","
                + "\"decidedOn\":\"" + today + "\",\"validFrom\":\"" + today + "\",\"validTo\":\"" + TestClock.today().plusYears(3)
                + "\",\"approvedArea\":50,\"rentTier\":\"STANDARD\"}";
    }

    @Test
    void anOperatorGets403WhateverTheBodyAndNothingChanges() {
        long household = yuyangHousehold();
        String before = snapshot();
        long count = decisions();
        for (String operator : new String[]{"anju.manager", "anju.staff"}) {
            WebClient client = WebClient.loggedIn(port, operator);
            for (String body : new String[]{validBody(), "{}", "{not json", "{\"approvedArea\":\"many\"}"}) {
                HttpResponse<String> r = client.postJson("/api/v1/households/" + household + "/eligibility-decisions", body);
                assertThat(r.statusCode()).as(operator + " " + body).isEqualTo(403);
            }
            long decision = jdbc.sql("select id from eligibility_decision where household_id = ? order by id desc limit 1")
                    .param(household).query(Long.class).single();
            assertThat(client.postJson("/api/v1/eligibility-decisions/" + decision + "/status",
                    "{\"status\":\"REVOKED\",\"reason\":\"越权\"}").statusCode()).isEqualTo(403);

            // the page's forms, posted directly
            String csrf = client.csrfToken();
            HttpResponse<String> form = client.postForm("/households/" + household + "/eligibility-decisions", Map.of(
                    "_csrf", csrf, "decisionNumber", "表单越权", "issuingBureau", "x", "decidedOn", "2026-01-01",
                    "validFrom", "2026-01-01", "validTo", "2029-01-01", "approvedArea", "50", "rentTier", "STANDARD"));
            assertThat(form.statusCode()).isEqualTo(403);
            HttpResponse<String> revoke = client.postForm("/households/" + household + "/eligibility-decisions/" + decision + "/status",
                    Map.of("_csrf", csrf, "status", "REVOKED", "reason", "越权"));
            assertThat(revoke.statusCode()).isEqualTo(403);
        }
        assertThat(decisions()).isEqualTo(count);
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void theCityBureauAndAnotherDistrictAreRefusedTheirOwnDistrictDecides() {
        long household = yuyangHousehold();
        long count = decisions();
        for (String who : new String[]{"city.gov", "hengshan.gov"}) {
            HttpResponse<String> r = WebClient.loggedIn(port, who)
                    .postJson("/api/v1/households/" + household + "/eligibility-decisions", validBody());
            assertThat(r.statusCode()).as(who).isEqualTo(403);
            assertThat(WebClient.json(r).get("code").asString()).isEqualTo("ELIGIBILITY_GOVERNMENT_ONLY");
        }
        assertThat(decisions()).isEqualTo(count);

        WebClient officer = WebClient.loggedIn(port, "yuyang.gov");
        long previous = WebClient.json(officer.getJson("/api/v1/households/" + household + "/eligibility-decisions")).get(0).get("id").asLong();
        String body = validBody().replace("}", ",\"follows\":" + previous + "}");
        HttpResponse<String> created = officer.postJson("/api/v1/households/" + household + "/eligibility-decisions", body);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        long id = WebClient.json(created).get("id").asLong();
        JsonNode history = WebClient.json(officer.getJson("/api/v1/households/" + household + "/eligibility-decisions"));
        assertThat(history.get(0).get("id").asLong()).isEqualTo(id);
        assertThat(history.get(0).get("follows").asLong()).isEqualTo(previous);
        assertThat(history.size()).as("the earlier decision is kept").isGreaterThanOrEqualTo(2);

        // revoked is final; the reason and the change are recorded
        assertThat(officer.postJson("/api/v1/eligibility-decisions/" + id + "/status",
                "{\"status\":\"REVOKED\",\"reason\":\"购买住房\"}").statusCode()).isEqualTo(204);
        HttpResponse<String> again = officer.postJson("/api/v1/eligibility-decisions/" + id + "/status",
                "{\"status\":\"VALID\",\"reason\":\"恢复\"}");
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(WebClient.json(again).get("code").asString()).isEqualTo("ILLEGAL_TRANSITION");
        assertThat(jdbc.sql("select count(*) from eligibility_status_change where decision_id = ?").param(id)
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void operatorsReportChangesAndTheDistrictDecides() {
        long household = yuyangHousehold();
        WebClient staff = WebClient.loggedIn(port, "anju.staff");
        HttpResponse<String> filed = staff.postJson("/api/v1/households/" + household + "/change-reports",
                "{\"kind\":\"INCOME_ROSE\",\"description\":\"户主已在新单位就业\"}");
        assertThat(filed.statusCode()).isEqualTo(201);
        long report = WebClient.json(filed).get("id").asLong();
        assertThat(staff.postJson("/api/v1/change-reports/" + report + "/decision", "{\"accept\":true}").statusCode()).isEqualTo(403);
        assertThat(WebClient.loggedIn(port, "yuyang.gov").postJson("/api/v1/change-reports/" + report + "/decision",
                "{\"accept\":true,\"note\":\"转入资格复核\"}").statusCode()).isEqualTo(204);
        assertThat(jdbc.sql("select status from change_report where id = ?").param(report).query(String.class).single())
                .isEqualTo("ACCEPTED");
        // decided once: a second decision is a step the report's states do not allow
        HttpResponse<String> again = WebClient.loggedIn(port, "yuyang.gov").postJson("/api/v1/change-reports/" + report + "/decision",
                "{\"accept\":false,\"note\":\"改为驳回\"}");
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(WebClient.json(again).get("code").asString()).isEqualTo("ILLEGAL_TRANSITION");
        assertThat(jdbc.sql("select status || ':' || decision_note from change_report where id = ?").param(report).query(String.class).single())
                .isEqualTo("ACCEPTED:转入资格复核");
    }
}
