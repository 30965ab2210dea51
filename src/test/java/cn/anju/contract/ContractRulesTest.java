package cn.anju.contract;

import cn.anju.identity.OrganisationType;
import cn.anju.identity.TestAccounts;
import cn.anju.support.ContractFixtures;
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
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The purchase's rules, through the API as officers, finance and leaders use it. */
@PlatformTest
class ContractRulesTest {

    @LocalServerPort
    int port;
    @Autowired
    TestAccounts accounts;
    @Autowired
    JdbcClient jdbc;

    long operator() {
        String code = "OP-R" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        return accounts.organisation(code, "规则测试运营公司" + code.substring(4), OrganisationType.OPERATOR, null, null);
    }

    static String code(HttpResponse<String> r) {
        return WebClient.json(r).get("code").asString();
    }

    @Test
    void aSingleSourceProcurementWithoutAReasonIsRefusedAndNothingIsWritten() {
        long before = jdbc.sql("select count(*) from procurement").query(Long.class).single();
        var r = WebClient.loggedIn(port, "yuyang.gov").postJson("/api/v1/procurements", """
                {"districtCode":"610802","year":2027,"title":"单一来源","purchasingUnit":"榆阳区住房和城乡建设局",
                 "serviceItems":["MAINTENANCE"],"method":"SINGLE_SOURCE","singleSourceReason":"  "}""");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(code(r)).isEqualTo("SINGLE_SOURCE_REASON_REQUIRED");
        assertThat(WebClient.json(r).get("detail").asString()).contains("书面理由");
        assertThat(jdbc.sql("select count(*) from procurement").query(Long.class).single()).isEqualTo(before);
        assertThat(ContractFixtures.created(port, "610802", 2027, "SINGLE_SOURCE", "唯一具备资质的单位")).isPositive();
    }

    @Test
    void aContractCannotBeSignedBeforeItsBudgetApprovalNorBeforeTheAward() {
        long op = operator();
        LocalDate from = TestClock.today().plusDays(15);
        long procurement = ContractFixtures.created(port, "610881", from.getYear(), "PUBLIC_TENDER", null);
        long contract = ContractFixtures.draft(port, "610881", procurement, op, List.of(), from, from.plusYears(1));
        var early = sign(contract);
        assertThat(early.statusCode()).isEqualTo(409);
        assertThat(code(early)).isEqualTo("BUDGET_NOT_APPROVED");
        assertThat(jdbc.sql("select count(*) from operator_coverage where contract_id = ?").param(contract).query(Long.class).single())
                .as("no coverage from a refused signature").isZero();

        var officerApproves = WebClient.loggedIn(port, "shenmu.gov").postMultipart("/api/v1/procurements/" + procurement + "/budget-approval",
                Map.of("amountFen", "100", "approvalNo", "x", "approvedBy", "x", "approvedOn", from.toString()), "b.pdf", "application/pdf", ContractFixtures.PDF);
        assertThat(officerApproves.statusCode()).as("only the finance bureau approves a budget").isEqualTo(403);
        ContractFixtures.approveBudget(port, "shenmu.finance", procurement, from.getYear(), from.minusDays(40));
        var beforeAward = sign(contract);
        assertThat(beforeAward.statusCode()).isEqualTo(409);
        assertThat(code(beforeAward)).isEqualTo("PROCUREMENT_NOT_AWARDED");

        var notPdf = WebClient.loggedIn(port, "shenmu.gov").postMultipart("/api/v1/procurements/" + procurement + "/announcement",
                Map.of("on", from.minusDays(30).toString()), "a.pdf", "application/pdf", "not a pdf".getBytes());
        assertThat(code(notPdf)).isEqualTo("PDF_REQUIRED");
        WebClient gov = WebClient.loggedIn(port, "shenmu.gov");
        assertThat(gov.postMultipart("/api/v1/procurements/" + procurement + "/announcement", Map.of("on", from.minusDays(30).toString()),
                "a.pdf", "application/pdf", ContractFixtures.PDF).statusCode()).isEqualTo(200);
        var wrongWinner = gov.postMultipart("/api/v1/procurements/" + procurement + "/award", Map.of("on", from.minusDays(20).toString(),
                "winnerId", String.valueOf(jdbc.sql("select id from organisation where code = 'HS-610881'").query(Long.class).single())),
                "w.pdf", "application/pdf", ContractFixtures.PDF);
        assertThat(code(wrongWinner)).isEqualTo("WINNER_NOT_AN_OPERATOR");
        assertThat(gov.postMultipart("/api/v1/procurements/" + procurement + "/award", Map.of("on", from.minusDays(20).toString(),
                "winnerId", String.valueOf(op)), "w.pdf", "application/pdf", ContractFixtures.PDF).statusCode()).isEqualTo(200);
        var signed = sign(contract);
        assertThat(signed.statusCode()).as(signed.body()).isEqualTo(200);
        JsonNode detail = WebClient.json(signed);
        assertThat(detail.get("contract").get("status").asString()).isEqualTo("SIGNED");
        assertThat(detail.get("signedSha256").asString()).hasSize(64);
        assertThat(WebClient.json(gov.getJson("/api/v1/procurements/" + procurement)).get("status").asString()).isEqualTo("CONTRACTED");
        var twice = sign(contract);
        assertThat(twice.statusCode()).isEqualTo(409);
    }

    HttpResponse<String> sign(long contract) {
        return WebClient.loggedIn(port, "shenmu.gov").postMultipart("/api/v1/contracts/" + contract + "/signature",
                Map.of("signedOn", TestClock.today().toString()), "c.pdf", "application/pdf", ContractFixtures.PDF);
    }

    @Test
    void terminationNeedsALeaderOfTheDistrictWhoDidNotAskForIt() {
        long op = operator();
        LocalDate today = TestClock.today();
        long contract = ContractFixtures.signed(port, accounts, "610802", op, List.of(), today.minusDays(10), today.plusDays(300));
        var asked = WebClient.loggedIn(port, "yuyang.leader").postJson("/api/v1/contracts/" + contract + "/termination",
                "{\"lastDay\":\"" + today.plusDays(5) + "\",\"reason\":\"连续两个季度考核为差\"}");
        assertThat(asked.statusCode()).as(asked.body()).isEqualTo(200);
        var again = WebClient.loggedIn(port, "yuyang.gov").postJson("/api/v1/contracts/" + contract + "/termination",
                "{\"lastDay\":\"" + today.plusDays(50) + "\",\"reason\":\"另一理由\"}");
        assertThat(code(again)).as("one pending request at a time").isEqualTo("TERMINATION_PENDING");
        var amendWhilePending = WebClient.loggedIn(port, "yuyang.gov").postJson("/api/v1/contracts/" + contract + "/amendments",
                "{\"effectiveOn\":\"" + today + "\",\"reason\":\"延期\",\"newEndsOn\":\"" + today.plusDays(400) + "\"}");
        assertThat(code(amendWhilePending)).isEqualTo("TERMINATION_PENDING");

        var self = WebClient.loggedIn(port, "yuyang.leader").postJson("/api/v1/contracts/" + contract + "/termination/approval", "{}");
        assertThat(self.statusCode()).isEqualTo(403);
        assertThat(code(self)).isEqualTo("FOUR_EYES_SAME_PERSON");
        var officer = WebClient.loggedIn(port, "yuyang.gov").postJson("/api/v1/contracts/" + contract + "/termination/approval", "{}");
        assertThat(code(officer)).isEqualTo("FOUR_EYES_LEADER_REQUIRED");
        var city = WebClient.loggedIn(port, "city.gov").postJson("/api/v1/contracts/" + contract + "/termination/approval", "{}");
        assertThat(code(city)).isEqualTo("FOUR_EYES_LEADER_REQUIRED");
        assertThat(WebClient.loggedIn(port, "shenmu.leader").postJson("/api/v1/contracts/" + contract + "/termination/approval", "{}")
                .statusCode()).as("another district's leader does not see it").isEqualTo(404);
        assertThat(WebClient.json(WebClient.loggedIn(port, "yuyang.gov").getJson("/api/v1/contracts/" + contract))
                .get("contract").get("status").asString()).isEqualTo("IN_FORCE");

        long other = ContractFixtures.signed(port, accounts, "610802", operator(), List.of(), today.minusDays(10), today.plusDays(300));
        ContractFixtures.terminate(port, "610802", other, today.plusDays(5));
        JsonNode terminated = WebClient.json(WebClient.loggedIn(port, "yuyang.gov").getJson("/api/v1/contracts/" + other));
        assertThat(terminated.get("contract").get("status").asString()).isEqualTo("TERMINATED");
        assertThat(terminated.get("contract").get("lastDay").asString()).isEqualTo(today.plusDays(5).toString());
        assertThat(jdbc.sql("select max(valid_to) from operator_coverage where contract_id = ?").param(other).query(LocalDate.class).single())
                .isEqualTo(today.plusDays(5));
    }

    @Test
    void aHandoverListsWhatTheEndLeavesAndMovesItOnceBothSidesConfirm() {
        LocalDate today = TestClock.today();
        String outCode = "OP-H" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        String inCode = "OP-H" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        long outgoing = accounts.organisation(outCode, "移交方" + outCode, OrganisationType.OPERATOR, null, null);
        long incoming = accounts.organisation(inCode, "接收方" + inCode, OrganisationType.OPERATOR, null, null);
        // an open complaint the outgoing operator holds (a demo case lent for the test, given back at the end)
        record Held(long id, String district, Long operator, Long project, Long handler) {
        }
        Held lent = jdbc.sql("""
                        select id, district_code, operator_id, project_id, handler_id from feedback_case
                         where district_code in ('610802', '610803', '610881') and state not in ('CLOSED', 'REJECTED') order by id limit 1""")
                .query((rs, n) -> new Held(rs.getLong(1), rs.getString(2), (Long) rs.getObject(3), (Long) rs.getObject(4),
                        (Long) rs.getObject(5))).single();
        String district = lent.district();
        long project = jdbc.sql("select id from project where district_code = ? order by id limit 1").param(district).query(Long.class).single();
        long ended = ContractFixtures.signed(port, accounts, district, outgoing, List.of(project), today.minusDays(200), today.minusDays(2));
        long successor = ContractFixtures.signed(port, accounts, district, incoming, List.of(project), today.minusDays(1), today.plusDays(100));
        jdbc.sql("update feedback_case set operator_id = ?, project_id = ? where id = ?").params(outgoing, project, lent.id()).update();
        try {
            handOver(district, incoming, ended, successor, outCode, inCode, lent.id());
        } finally {
            jdbc.sql("update feedback_case set operator_id = ?, project_id = ?, handler_id = ? where id = ?")
                    .params(lent.operator(), lent.project(), lent.handler(), lent.id()).update();
        }
    }

    void handOver(String district, long incoming, long ended, long successor, String outCode, String inCode, long caseId) {
        String outManager = manager(outCode);
        String inManager = manager(inCode);
        WebClient gov = WebClient.loggedIn(port, ContractFixtures.officer(district));
        assertThat(code(gov.postJson("/api/v1/contracts/" + successor + "/handover", "{}"))).as("not before the end").isEqualTo("HANDOVER_BEFORE_END");

        var prepared = gov.postJson("/api/v1/contracts/" + ended + "/handover", "{\"successorContractId\":" + successor + "}");
        assertThat(prepared.statusCode()).as(prepared.body()).isEqualTo(201);
        JsonNode h = WebClient.json(prepared);
        assertThat(h.get("items").valueStream().map(i -> i.get("kind").asString()).toList())
                .containsExactlyInAnyOrder("WORK_ORDERS", "VIOLATION_CASES", "FEEDBACK_CASES", "DEPOSITS_HELD", "RENT_NOT_REMITTED");
        assertThat(h.get("receiverOperatorId").asLong()).isEqualTo(incoming);
        assertThat(h.get("status").asString()).isEqualTo("PREPARED");
        assertThat(code(gov.postJson("/api/v1/contracts/" + ended + "/handover", "{}"))).isEqualTo("HANDOVER_EXISTS");
        assertThat(code(gov.postJson("/api/v1/contracts/" + ended + "/handover/confirmation", "{}")))
                .as("the district confirms only when it receives").isEqualTo("HANDOVER_NOT_YOURS");

        var out = WebClient.loggedIn(port, outManager).postJson("/api/v1/contracts/" + ended + "/handover/confirmation", "{}");
        assertThat(WebClient.json(out).get("status").asString()).as(out.body()).isEqualTo("OUTGOING_CONFIRMED");
        assertThat(WebClient.loggedIn(port, outManager).postJson("/api/v1/contracts/" + ended + "/handover/confirmation", "{}").statusCode())
                .as("one confirmation per side").isEqualTo(403);
        var in = WebClient.loggedIn(port, inManager).postJson("/api/v1/contracts/" + ended + "/handover/confirmation", "{}");
        assertThat(WebClient.json(in).get("status").asString()).as(in.body()).isEqualTo("HANDED_OVER");
        assertThat(h.get("items").valueStream().filter(i -> i.get("kind").asString().equals("FEEDBACK_CASES")).findFirst().orElseThrow()
                .get("ids").valueStream().map(JsonNode::asLong).toList()).contains(caseId);
        assertThat(jdbc.sql("select operator_id from feedback_case where id = ?").param(caseId).query(Long.class).single())
                .as("the open complaint moved to the successor").isEqualTo(incoming);
    }

    String manager(String organisationCode) {
        String username = "mgr." + organisationCode.substring(4).toLowerCase();
        accounts.account(username, "测试经理", organisationCode, java.util.Set.of(cn.anju.shared.Role.OPERATOR_MANAGER), java.util.Set.of(),
                cn.anju.identity.DemoAccounts.PASSWORD, false);
        return username;
    }
}
