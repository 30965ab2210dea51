package cn.anju.disclosure;

import cn.anju.identity.DemoAccounts;
import cn.anju.identity.TestAccounts;
import cn.anju.shared.Role;
import cn.anju.support.EvaluationVerifier;
import cn.anju.support.PlatformTest;
import cn.anju.support.WebClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An evaluation signed in the demo is drafted as a public item; an officer cannot publish it, a leader reviews and
 * publishes it and the evaluation becomes PUBLISHED; the public reads it without signing in; a withdrawal says why in
 * the change log, and a redraft needs someone other than its drafter.
 */
@PlatformTest
class DisclosureFlowTest {

    @LocalServerPort
    int port;
    @Autowired
    TestAccounts accounts;
    @Autowired
    JdbcClient jdbc;

    HttpResponse<String> post(String who, String path, String body) {
        return WebClient.loggedIn(port, who).postJson(path, body);
    }

    static String code(HttpResponse<String> r) {
        return WebClient.json(r).get("code").asString();
    }

    JsonNode yuyangEvaluationItem() {
        for (JsonNode i : WebClient.json(WebClient.loggedIn(port, "yuyang.gov").getJson("/api/v1/disclosures"))) {
            assertThat(i.get("districtCode").asString()).isEqualTo("610802");
            if (i.get("type").asString().equals("EVALUATION") && i.get("status").asString().equals("DRAFT")) {
                return i;
            }
        }
        throw new AssertionError("no draft evaluation item in 榆阳区");
    }

    @Test
    void aSignedEvaluationIsReviewedPublishedWithdrawnAndRepublishedByTwoPeople() throws Exception {
        JsonNode item = yuyangEvaluationItem();
        long id = item.get("id").asLong();
        JsonNode detail = WebClient.json(WebClient.loggedIn(port, "yuyang.gov").getJson("/api/v1/disclosures/" + id));
        long evaluation = jdbc.sql("select source_id from disclosure_item where id = ?").param(id).query(Long.class).single();
        String total = jdbc.sql("select total::text from evaluation where id = ?").param(evaluation).query(String.class).single();
        assertThat(detail.get("content").get("total").decimalValue()).isEqualByComparingTo(total);
        assertThat(detail.get("content").get("leaves").size()).isPositive();
        assertThat(detail.get("sha256").asString()).hasSize(64);
        assertThat(new WebClient(port).getJson("/api/public/v1/disclosures/" + id).statusCode()).as("a draft is not public").isEqualTo(404);

        assertThat(code(post("yuyang.gov", "/api/v1/disclosures/" + id + "/publication", "{}"))).isEqualTo("FOUR_EYES_LEADER_REQUIRED");
        assertThat(post("hengshan.gov", "/api/v1/disclosures/" + id + "/publication", "{}").statusCode()).isEqualTo(404);
        assertThat(post("anju.manager", "/api/v1/disclosures/" + id + "/publication", "{}").statusCode()).isEqualTo(403);
        var published = post("yuyang.leader", "/api/v1/disclosures/" + id + "/publication", "{}");
        assertThat(published.statusCode()).as(published.body()).isEqualTo(200);
        assertThat(evaluationStatus(evaluation)).as("the evaluation hears it").isEqualTo("PUBLISHED");

        WebClient anyone = new WebClient(port);
        JsonNode page = WebClient.json(anyone.getJson("/api/public/v1/disclosures?type=EVALUATION&district=610802"));
        JsonNode listed = find(page.get("items"), id);
        assertThat(listed.get("item").get("type").asString()).isEqualTo("EVALUATION");
        assertThat(listed.get("content").get("band").asString()).isNotBlank();
        assertThat(listed.get("content").toString()).doesNotContain("basis", "evidence");
        // anyone recomputes the published result with the standalone verifier
        String verified = EvaluationVerifier.run(anyone.getJson("/api/public/v1/disclosures/" + id).body());
        assertThat(verified).startsWith("0:").contains("MATCHES")
                .contains("total " + listed.get("content").get("total").decimalValue().setScale(2).toPlainString());

        assertThat(code(post("yuyang.gov", "/api/v1/disclosures/" + id + "/withdrawal", "{\"reason\":\" \"}"))).isEqualTo("REASON_REQUIRED");
        assertThat(post("yuyang.gov", "/api/v1/disclosures/" + id + "/withdrawal", "{\"reason\":\"指标名称有误，更正后重新公开\"}").statusCode())
                .isEqualTo(200);
        JsonNode withdrawn = WebClient.json(anyone.getJson("/api/public/v1/disclosures/" + id));
        assertThat(withdrawn.get("content").isNull()).isTrue();
        assertThat(withdrawn.get("changes").toString()).contains("WITHDRAWN", "指标名称有误");
        assertThat(WebClient.json(anyone.getJson("/api/public/v1/disclosures?type=EVALUATION&district=610802")).get("items").toString())
                .doesNotContain("\"id\":" + id + ",");

        // the leader redrafts: someone else has to review the new version
        assertThat(post("yuyang.leader", "/api/v1/disclosures/" + id + "/redraft", "{\"note\":\"更正指标名称\"}").statusCode()).isEqualTo(200);
        assertThat(code(post("yuyang.leader", "/api/v1/disclosures/" + id + "/publication", "{}"))).isEqualTo("FOUR_EYES_SAME_PERSON");
        accounts.account("yuyang.leader.d", "测试领导", "HS-610802", Set.of(Role.GOV_OFFICER, Role.GOV_LEADER), Set.of(), DemoAccounts.PASSWORD, false);
        assertThat(post("yuyang.leader.d", "/api/v1/disclosures/" + id + "/publication", "{}").statusCode()).isEqualTo(200);
        JsonNode again = WebClient.json(anyone.getJson("/api/public/v1/disclosures/" + id));
        assertThat(again.get("item").get("contentVersion").asInt()).isEqualTo(2);
        assertThat(again.get("content").get("note").asString()).isEqualTo("更正指标名称");
        List<String> kinds = new ArrayList<>();
        again.get("changes").forEach(c -> kinds.add(c.get("kind").asString()));
        assertThat(kinds).containsExactly("DRAFTED", "PUBLISHED", "WITHDRAWN", "REDRAFTED", "PUBLISHED");
    }

    @Test
    void aDistrictSeesOnlyItsItemsAndTheLateOnes() {
        for (JsonNode i : WebClient.json(WebClient.loggedIn(port, "shenmu.gov").getJson("/api/v1/disclosures"))) {
            assertThat(i.get("districtCode").asString()).isEqualTo("610881");
        }
        JsonNode late = WebClient.json(WebClient.loggedIn(port, "yuyang.gov").getJson("/api/v1/disclosures/late"));
        late.forEach(i -> assertThat(i.get("late").asBoolean()).isTrue());
        assertThat(WebClient.loggedIn(port, "tenant.demo").getJson("/api/v1/disclosures").statusCode()).isEqualTo(403);
    }

    @Test
    void thePublicApiHasItsOwnOpenApiDocument() {
        var docs = WebClient.loggedIn(port, "admin").getJson("/v3/api-docs/public");
        assertThat(docs.statusCode()).isEqualTo(200);
        assertThat(docs.body()).contains("/api/public/v1/disclosures").doesNotContain("/api/v1/");
        assertThat(WebClient.loggedIn(port, "admin").getJson("/v3/api-docs").body()).contains("/api/v1/disclosures")
                .doesNotContain("/api/public/v1/disclosures");
    }

    @Test
    void thePublicApiIsRateLimitedPerClient() throws Exception {
        WebClient anyone = new WebClient(port);
        HttpResponse<String> last = null;
        for (int i = 0; i < 200 && (last == null || last.statusCode() != 429); i++) {
            last = anyone.getJson("/api/public/v1/disclosures?size=1");
        }
        assertThat(last.statusCode()).isEqualTo(429);
        assertThat(code(last)).isEqualTo("RATE_LIMITED");
        long wait = Long.parseLong(last.headers().firstValue("Retry-After").orElseThrow());
        assertThat(wait).isBetween(1L, 10L);
        Thread.sleep(wait * 1000 + 200); // the next window: the other tests read the public API again
        assertThat(anyone.getJson("/api/public/v1/disclosures?size=1").statusCode()).isEqualTo(200);
    }

    String evaluationStatus(long evaluation) throws InterruptedException {
        String status = "";
        for (int i = 0; i < 100 && !status.equals("PUBLISHED"); i++) { // the event is delivered after the commit
            status = jdbc.sql("select status from evaluation where id = ?").param(evaluation).query(String.class).single();
            Thread.sleep(100);
        }
        return status;
    }

    static JsonNode find(JsonNode items, long id) {
        for (JsonNode i : items) {
            if (i.get("item").get("id").asLong() == id) {
                return i;
            }
        }
        throw new AssertionError("item " + id + " not listed: " + items);
    }
}
