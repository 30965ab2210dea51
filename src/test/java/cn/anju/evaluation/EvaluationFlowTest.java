package cn.anju.evaluation;

import cn.anju.identity.DemoAccounts;
import cn.anju.identity.TestAccounts;
import cn.anju.shared.Role;
import cn.anju.support.ContractFixtures;
import cn.anju.support.PlatformTest;
import cn.anju.support.SurveyFixtures;
import cn.anju.survey.SurveyAnswers;
import org.springframework.context.ApplicationContext;
import cn.anju.support.TestClock;
import cn.anju.support.WebClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.HexFormat;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A quarter evaluated end to end through the API as the district, the evaluator, the operator, the leader and the
 * finance bureau use it: frozen figures that later records do not move, drill-downs that add up to the denominators,
 * roles that cannot score or sign, an accepted objection as a new version, and a settlement whose lines add up and
 * reach the contract's ledger.
 */
@PlatformTest
class EvaluationFlowTest {

    @LocalServerPort
    int port;
    @Autowired
    TestAccounts accounts;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ApplicationContext context;

    @AfterEach
    void resetClock() {
        TestClock.reset();
    }

    static String code(HttpResponse<String> r) {
        return WebClient.json(r).get("code").asString();
    }

    long anju() {
        return jdbc.sql("select id from organisation where name = '榆林安居物业服务有限公司'").query(Long.class).single();
    }

    long busiestProject() {
        return jdbc.sql("""
                        select project_id from work_order where district_code = '610802' and completed_at >= '2026-07-01' and completed_at < '2026-10-01'
                         group by project_id order by count(*) desc limit 1""").query(Long.class).single();
    }

    JsonNode get(String who, String path) {
        var r = WebClient.loggedIn(port, who).getJson(path);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return WebClient.json(r);
    }

    HttpResponse<String> post(String who, String path, String body) {
        return WebClient.loggedIn(port, who).postJson(path, body);
    }

    HttpResponse<String> score(String who, long id, String leaf, String percent) {
        return WebClient.loggedIn(port, who).postMultipart("/api/v1/evaluations/" + id + "/leaves/" + leaf + "/score",
                Map.of("percent", percent, "basis", "现场检查记录"), "evidence.pdf", "application/pdf", ContractFixtures.PDF);
    }

    static JsonNode leaf(JsonNode detail, String code) {
        for (JsonNode l : detail.get("leaves")) {
            if (l.get("code").asString().equals(code)) {
                return l;
            }
        }
        throw new AssertionError("no leaf " + code);
    }

    @Test
    void aQuarterIsFrozenScoredReviewedSignedAndSettled() throws Exception {
        long project = busiestProject();
        long contract = ContractFixtures.signed(port, accounts, "610802", anju(), List.of(project), LocalDate.of(2026, 7, 1),
                LocalDate.of(2027, 6, 30));
        var opened = post("yuyang.gov", "/api/v1/evaluations", "{\"contractId\":" + contract + ",\"period\":\"2026Q3\"}");
        assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
        long id = WebClient.json(opened).get("id").asLong();
        assertThat(code(post("yuyang.gov", "/api/v1/evaluations", "{\"contractId\":" + contract + ",\"period\":\"2026Q3\"}")))
                .isEqualTo("EVALUATION_EXISTS");
        long q4 = WebClient.json(post("yuyang.gov", "/api/v1/evaluations", "{\"contractId\":" + contract + ",\"period\":\"2026Q4\"}"))
                .get("id").asLong();
        assertThat(code(post("yuyang.gov", "/api/v1/evaluations/" + q4 + "/computation", "{}"))).isEqualTo("PERIOD_NOT_ENDED");
        assertThat(post("anju.manager", "/api/v1/evaluations/" + id + "/computation", "{}").statusCode()).isEqualTo(403);

        var computed = post("yuyang.gov", "/api/v1/evaluations/" + id + "/computation", "{}");
        assertThat(computed.statusCode()).as(computed.body()).isEqualTo(200);
        JsonNode detail = WebClient.json(computed);
        assertThat(detail.get("summary").get("status").asString()).isEqualTo("COMPUTED");

        // every applicable computed leaf drills down to exactly its denominator
        for (JsonNode l : detail.get("leaves")) {
            if (!l.get("kind").asString().equals("COMPUTED") || !l.get("applicable").asBoolean()) {
                continue;
            }
            assertThat(l.get("inputsDigest").asString()).hasSize(64);
            checkDrillDown(id, l);
        }
        JsonNode repair = leaf(detail, "REPAIR_ON_TIME");
        assertThat(repair.get("applicable").asBoolean()).as("the busiest project completed work orders in Q3").isTrue();
        assertThat(repair.get("denominator").isIntegralNumber()).isTrue();
        assertThat(leaf(detail, "RENT_COLLECTION").get("unit").asString()).isEqualTo("YUAN");

        // a record changed later does not move the frozen figure
        long late = jdbc.sql("select id from work_order where project_id = ? and completed_at is null order by id limit 1").param(project)
                .query(Long.class).optional().orElseGet(() -> jdbc.sql("select id from work_order where project_id = ? and completed_at >= '2026-10-01' order by id limit 1")
                        .param(project).query(Long.class).single());
        jdbc.sql("update work_order set completed_at = timestamptz '2026-08-20 10:00+08', done_due_at = timestamptz '2026-08-10 10:00+08' where id = ?")
                .param(late).update();
        JsonNode again = leaf(get("yuyang.gov", "/api/v1/evaluations/" + id), "REPAIR_ON_TIME");
        assertThat(again.get("denominator").asLong()).isEqualTo(repair.get("denominator").asLong());
        assertThat(again.get("inputsDigest").asString()).isEqualTo(repair.get("inputsDigest").asString());

        // the operator cannot score; the evaluator scores its leaves, the district its own
        assertThat(score("anju.manager", id, "MANAGEMENT_SYSTEM", "90").statusCode()).isEqualTo(403);
        assertThat(code(score("yuyang.gov", id, "SITE_INSPECTION", "90"))).isEqualTo("EVALUATOR_NOT_ENGAGED");
        assertThat(code(score("yuyang.gov", id, "RENT_COLLECTION", "90"))).isEqualTo("INDICATOR_COMPUTED");
        assertThat(code(post("yuyang.gov", "/api/v1/evaluations/" + id + "/submission", "{}"))).isEqualTo("SCORES_MISSING");
        assertThat(score("yuyang.leader", id, "MANAGEMENT_SYSTEM", "90").statusCode()).isEqualTo(200);
        assertThat(score("yuyang.gov", id, "FINANCIAL_REPORTS", "100").statusCode()).isEqualTo(200);
        assertThat(score("evaluator", id, "SITE_INSPECTION", "85.5").statusCode()).isEqualTo(200);
        assertThat(score("evaluator", id, "SOCIAL_BENEFIT", "80").statusCode()).isEqualTo(200);
        assertThat(post("yuyang.gov", "/api/v1/evaluations/" + id + "/submission", "{}").statusCode()).isEqualTo(200);
        assertThat(post("yuyang.gov", "/api/v1/evaluations/" + id + "/review", "{}").statusCode()).isEqualTo(200);

        // the operator objects; the district accepts, which freezes the leaf again as version 2
        var objection = WebClient.loggedIn(port, "anju.manager").postMultipart("/api/v1/evaluations/" + id + "/objections",
                Map.of("leafCode", "REPAIR_ON_TIME", "reasons", "8月工单已按期完工，完工时间录入有误"), "proof.pdf", "application/pdf", ContractFixtures.PDF);
        assertThat(objection.statusCode()).as(objection.body()).isEqualTo(201);
        long objectionId = WebClient.json(objection).get("id").asLong();
        accounts.account("yuyang.leader2", "测试领导", "HS-610802", Set.of(Role.GOV_OFFICER, Role.GOV_LEADER), Set.of(), DemoAccounts.PASSWORD, false);
        assertThat(code(post("yuyang.leader2", "/api/v1/evaluations/" + id + "/signature", "{}"))).isEqualTo("OBJECTIONS_PENDING");
        assertThat(post("yuyang.gov", "/api/v1/objections/" + objectionId + "/acceptance", "{\"decision\":\"核实后按现有记录重新计算\"}").statusCode())
                .isEqualTo(204);
        JsonNode recomputed = leaf(get("anju.manager", "/api/v1/evaluations/" + id), "REPAIR_ON_TIME");
        assertThat(recomputed.get("frozenVersion").asInt()).isEqualTo(2);
        assertThat(recomputed.get("earlierVersions").get(0).get("inputsDigest").asString()).isEqualTo(repair.get("inputsDigest").asString());
        assertThat(recomputed.get("denominator").asLong()).isEqualTo(repair.get("denominator").asLong() + 1);

        // four eyes: an officer cannot sign, a leader who scored cannot, another leader can once the operator accepts
        assertThat(code(post("yuyang.gov", "/api/v1/evaluations/" + id + "/signature", "{}"))).isEqualTo("FOUR_EYES_LEADER_REQUIRED");
        assertThat(code(post("yuyang.leader", "/api/v1/evaluations/" + id + "/signature", "{}"))).isEqualTo("FOUR_EYES_SAME_PERSON");
        assertThat(code(post("yuyang.leader2", "/api/v1/evaluations/" + id + "/signature", "{}"))).isEqualTo("REVIEW_WINDOW_OPEN");
        assertThat(post("anju.manager", "/api/v1/evaluations/" + id + "/operator-acceptance", "{}").statusCode()).isEqualTo(200);
        var signed = post("yuyang.leader2", "/api/v1/evaluations/" + id + "/signature", "{}");
        assertThat(signed.statusCode()).as(signed.body()).isEqualTo(200);
        JsonNode fin = WebClient.json(signed);
        assertThat(fin.get("summary").get("status").asString()).isEqualTo("FINAL");
        BigDecimal sum = BigDecimal.ZERO;
        BigDecimal weights = BigDecimal.ZERO;
        for (JsonNode l : fin.get("leaves")) {
            sum = sum.add(l.get("score").decimalValue());
            weights = weights.add(l.get("effectiveWeight").decimalValue());
            assertThat(l.get("score").decimalValue()).isBetween(BigDecimal.ZERO, l.get("effectiveWeight").decimalValue());
        }
        assertThat(weights).isEqualByComparingTo("100");
        BigDecimal total = fin.get("summary").get("total").decimalValue();
        assertThat(total).isEqualByComparingTo(sum.setScale(2, RoundingMode.HALF_UP));
        assertThat(fin.get("summary").get("band").asString()).isEqualTo(Band.of(total).label());

        settle(id, contract, total);
    }

    @Test
    void anOperatorsOwnWaveNeverFeedsTheScore() {
        // in 神木市: the survey module's own tests take 榆阳's projects, and their figures must not see these waves
        long project = SurveyFixtures.busiestProjects(jdbc, "610881", 1).getFirst();
        long operator = jdbc.sql("select id from organisation where name = '神木市保障房运营管理有限公司'").query(Long.class).single();
        long contract = ContractFixtures.signed(port, accounts, "610881", operator, List.of(project), LocalDate.of(2026, 10, 1),
                LocalDate.of(2027, 9, 30));
        long own = SurveyFixtures.openWave(port, "shenmu.op", "610881", List.of(project));
        long official = SurveyFixtures.openWave(port, "shenmu.gov", "610881", List.of(project));
        SurveyAnswers.answer(context, jdbc, own, project, 5, 5, 5, 5, 5, 5);
        SurveyAnswers.answer(context, jdbc, official, project, 1, 2, 4, 1, 2, 5);
        for (var wave : Map.of(own, "shenmu.op", official, "shenmu.gov").entrySet()) {
            assertThat(post(wave.getValue(), "/api/v1/survey-waves/" + wave.getKey() + "/closing", "{}").statusCode()).isEqualTo(200);
        }
        long id = WebClient.json(post("shenmu.gov", "/api/v1/evaluations", "{\"contractId\":" + contract + ",\"period\":\"2026Q4\"}"))
                .get("id").asLong();
        TestClock.advance(Duration.between(TestClock.today().atStartOfDay(), LocalDate.of(2027, 2, 6).atStartOfDay()));
        var computed = post("shenmu.gov", "/api/v1/evaluations/" + id + "/computation", "{}");
        assertThat(computed.statusCode()).as(computed.body()).isEqualTo(200);
        JsonNode sat = leaf(WebClient.json(computed), "RESIDENT_SATISFACTION");
        JsonNode records = get("shenmu.gov", "/api/v1/evaluations/" + id + "/leaves/RESIDENT_SATISFACTION/records?size=500");
        List<Long> waves = new java.util.ArrayList<>();
        records.get("items").forEach(i -> waves.add(i.get("recordId").asLong()));
        assertThat(waves).contains(official).doesNotContain(own);
        assertThat(jdbc.sql("select count(*) from survey_wave where id = any(?) and run_by = 'OPERATOR'")
                .param(waves.toArray(Long[]::new)).query(Long.class).single()).isZero();
        assertThat(sat.get("numerator").asLong()).as("two of the official wave's six rated 4 or 5; the operator's 5s count for nothing")
                .isLessThanOrEqualTo(sat.get("denominator").asLong() - 4);
    }

    private static String twoDecimals(JsonNode v) {
        return v == null || v.isNull() ? "" : v.decimalValue().setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    private void settle(long evaluation, long contract, BigDecimal total) {
        var deduction = WebClient.loggedIn(port, "yuyang.gov").postMultipart("/api/v1/evaluations/" + evaluation + "/deductions",
                Map.of("item", "未按期报送季度财务报告", "amountFen", "20000"), "notice.pdf", "application/pdf", ContractFixtures.PDF);
        assertThat(deduction.statusCode()).as(deduction.body()).isEqualTo(201);
        var drafted = post("yuyang.gov", "/api/v1/settlements", "{\"evaluationId\":" + evaluation + "}");
        assertThat(drafted.statusCode()).as(drafted.body()).isEqualTo(201);
        JsonNode s = WebClient.json(drafted);
        long id = s.get("id").asLong();
        BigDecimal lines = BigDecimal.ZERO;
        for (JsonNode l : s.get("lines")) {
            lines = lines.add(l.get("amount").decimalValue());
        }
        assertThat(lines).isEqualByComparingTo(s.get("total").decimalValue());
        assertThat(s.get("lines").get(0).get("kind").asString()).isEqualTo("BASE_FEE");
        assertThat(s.get("status").asString()).isEqualTo("DRAFT");
        assertThat(code(post("yuyang.gov", "/api/v1/settlements/" + id + "/approval", "{}"))).isEqualTo("FOUR_EYES_LEADER_REQUIRED");
        assertThat(post("yuyang.leader", "/api/v1/settlements/" + id + "/approval", "{}").statusCode()).isEqualTo(200);
        assertThat(code(post("yuyang.gov", "/api/v1/settlements/" + id + "/payment",
                "{\"voucherNo\":\"PZ-1\",\"paidOn\":\"" + TestClock.today() + "\"}"))).isEqualTo("PAYMENT_NOT_YOURS");
        var paid = post("yuyang.finance", "/api/v1/settlements/" + id + "/payment", "{\"voucherNo\":\"PZ-2026-0301\",\"paidOn\":\"" + TestClock.today() + "\"}");
        assertThat(paid.statusCode()).as(paid.body()).isEqualTo(200);
        assertThat(WebClient.json(paid).get("status").asString()).isEqualTo("PAID");
        long totalFen = s.get("totalFen").asLong();
        assertThat(jdbc.sql("select kind || ':' || amount_fen || ':' || coalesce(score::text, '') from contract_ledger_entry where contract_id = ? order by id")
                .param(contract).query(String.class).list())
                .containsExactly("SETTLED:" + totalFen + ":" + total.setScale(2), "PAID:" + totalFen + ":");
        assertThat(get("yuyang.gov", "/api/v1/contracts/" + contract).toString()).contains("PZ-2026-0301");
    }

    /** total = denominator for counts (Σ count for groups); Σ amount = denominator for yuan; the digest redone from the items. */
    private void checkDrillDown(long id, JsonNode l) throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        String leaf = l.get("code").asString();
        BigDecimal amounts = BigDecimal.ZERO;
        long counts = 0;
        long listed = 0;
        long total = -1;
        boolean groups = false;
        for (int page = 1; total < 0 || listed < total; page++) {
            JsonNode p = get("yuyang.gov", "/api/v1/evaluations/" + id + "/leaves/" + leaf + "/records?size=500&page=" + page);
            total = p.get("total").asLong();
            for (JsonNode item : p.get("items")) {
                listed++;
                sha.update((item.get("kind").asString() + "|" + item.get("recordId").asLong() + "|" + item.get("inNumerator").asBoolean() + "|"
                        + twoDecimals(item.get("base")) + "|" + twoDecimals(item.get("part")) + "\n").getBytes(StandardCharsets.UTF_8));
                if (item.hasNonNull("amount")) {
                    amounts = amounts.add(item.get("amount").decimalValue());
                }
                if (item.hasNonNull("count")) {
                    groups = true;
                    counts += item.get("count").asLong();
                } else {
                    counts++;
                }
            }
            if (p.get("items").isEmpty()) {
                break;
            }
        }
        assertThat(listed).as(leaf).isEqualTo(total);
        assertThat(HexFormat.of().formatHex(sha.digest())).as(leaf + " digest redone from its records").isEqualTo(l.get("inputsDigest").asString());
        if (l.get("unit").asString().equals("YUAN")) {
            assertThat(amounts).as(leaf).isEqualByComparingTo(l.get("denominator").decimalValue());
        } else {
            assertThat(counts).as(leaf).isEqualTo(l.get("denominator").asLong());
            if (!groups) {
                assertThat(total).as(leaf).isEqualTo(l.get("denominator").asLong());
            }
        }
    }
}
