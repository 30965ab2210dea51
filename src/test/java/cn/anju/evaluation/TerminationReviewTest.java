package cn.anju.evaluation;

import cn.anju.identity.DemoAccounts;
import cn.anju.identity.TestAccounts;
import cn.anju.shared.Role;
import cn.anju.support.ContractFixtures;
import cn.anju.support.PlatformTest;
import cn.anju.support.WebClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two 差 quarters in a row put the contract up for termination review, whichever of the two is signed last: an
 * objection may hold the earlier one back. The flag is the contract's and its page says so.
 */
@PlatformTest
class TerminationReviewTest {

    @LocalServerPort
    int port;
    @Autowired
    TestAccounts accounts;
    @Autowired
    JdbcClient jdbc;

    HttpResponse<String> post(String who, String path, String body) {
        return WebClient.loggedIn(port, who).postJson(path, body);
    }

    @Test
    void theSecondPoorQuarterSignedFlagsTheContractEvenWhenItIsTheEarlierOne() {
        long operator = jdbc.sql("select id from organisation where name = '榆林安居物业服务有限公司'").query(Long.class).single();
        long project = jdbc.sql("select id from project where district_code = '610802' order by id offset 2 limit 1").query(Long.class).single();
        long contract = ContractFixtures.signed(port, accounts, "610802", operator, List.of(project), LocalDate.of(2026, 4, 1),
                LocalDate.of(2027, 3, 31));
        // a tree the district scores by hand alone, so the test decides the grade
        var revised = post("yuyang.gov", "/api/v1/indicator-trees", """
                {"contractId":%d,"note":"仅人工评分","leaves":[
                 {"code":"SERVICE_QUALITY","level":"PROCESS","name":"服务质量","weight":60,"scorer":"PURCHASER"},
                 {"code":"MANAGEMENT_SYSTEM","level":"DECISION","name":"管理制度与人员配备","weight":40,"scorer":"PURCHASER"}]}"""
                .formatted(contract));
        assertThat(revised.statusCode()).as(revised.body()).isEqualTo(201);
        accounts.account("yuyang.leader.tr", "测试领导", "HS-610802", Set.of(Role.GOV_OFFICER, Role.GOV_LEADER), Set.of(), DemoAccounts.PASSWORD, false);

        JsonNode q3 = poorQuarter(contract, "2026Q3");
        assertThat(q3.get("summary").get("band").asString()).isEqualTo("差");
        assertThat(q3.get("summary").get("terminationReview").asBoolean()).as("its neighbours are not signed yet").isFalse();
        assertThat(flags(contract)).isEmpty();

        JsonNode q2 = poorQuarter(contract, "2026Q2");
        assertThat(q2.get("summary").get("terminationReview").asBoolean()).as("signed after the quarter that follows it").isTrue();
        JsonNode flags = flags(contract);
        assertThat(flags).hasSize(1);
        assertThat(flags.get(0).get("periods").asString()).isEqualTo("2026Q2、2026Q3");
        assertThat(flags.get(0).get("reason").asString()).contains("连续两个季度", "差");
        var page = WebClient.loggedIn(port, "yuyang.gov").get("/contracts/" + contract);
        assertThat(page.body()).contains("id=\"termination-review\"", "2026Q2、2026Q3");
    }

    JsonNode flags(long contract) {
        return WebClient.json(WebClient.loggedIn(port, "yuyang.gov").getJson("/api/v1/contracts/" + contract)).get("terminationReview");
    }

    /** Opens, computes, scores 20 % of each leaf, sends to the operator, who accepts, and a second leader signs. */
    JsonNode poorQuarter(long contract, String period) {
        var opened = post("yuyang.gov", "/api/v1/evaluations", "{\"contractId\":" + contract + ",\"period\":\"" + period + "\"}");
        assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
        long id = WebClient.json(opened).get("id").asLong();
        String base = "/api/v1/evaluations/" + id;
        assertThat(post("yuyang.gov", base + "/computation", "{}").statusCode()).isEqualTo(200);
        for (String leaf : List.of("SERVICE_QUALITY", "MANAGEMENT_SYSTEM")) {
            var scored = WebClient.loggedIn(port, "yuyang.gov").postMultipart(base + "/leaves/" + leaf + "/score",
                    Map.of("percent", "20", "basis", "现场检查多项不合格"), "evidence.pdf", "application/pdf", ContractFixtures.PDF);
            assertThat(scored.statusCode()).as(scored.body()).isEqualTo(200);
        }
        assertThat(post("yuyang.gov", base + "/submission", "{}").statusCode()).isEqualTo(200);
        assertThat(post("yuyang.gov", base + "/review", "{}").statusCode()).isEqualTo(200);
        assertThat(post("anju.manager", base + "/operator-acceptance", "{}").statusCode()).isEqualTo(200);
        var signed = post("yuyang.leader.tr", base + "/signature", "{}");
        assertThat(signed.statusCode()).as(signed.body()).isEqualTo(200);
        return WebClient.json(signed);
    }
}
