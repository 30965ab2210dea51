package cn.anju.survey;

import cn.anju.shared.measure.MeasurePeriod;
import cn.anju.shared.measure.MeasureScope;
import cn.anju.shared.measure.MeasureValue;
import cn.anju.support.PlatformTest;
import cn.anju.support.SurveyFixtures;
import cn.anju.support.TestClock;
import cn.anju.support.WebClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * A closed wave's results as the API gives them: the interval of a hand computation, a group under five hidden with
 * its complement so that subtraction from the total recovers neither, the same groups left out of the measures, and
 * who may read a wave when.
 */
@PlatformTest
class SurveyResultsTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ApplicationContext context;
    @Autowired
    SurveyMeasures measures;

    private void answer(long wave, long project, int... scores) {
        SurveyAnswers.answer(context, jdbc, wave, project, scores);
    }

    private JsonNode results(String who, long wave) {
        var r = WebClient.loggedIn(port, who).getJson("/api/v1/survey-waves/" + wave + "/results");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return WebClient.json(r);
    }

    private static JsonNode question(JsonNode questions, String code) {
        for (JsonNode q : questions) {
            if (q.get("code").asString().equals(code)) {
                return q;
            }
        }
        throw new AssertionError("no question " + code);
    }

    @Test
    void aGroupUnderFiveIsHiddenWithItsComplementAndTheIntervalIsTheHandComputedOne() {
        List<Long> p = SurveyFixtures.busiestProjects(jdbc, "610802", 2);
        assertThat(p).as("two let projects in 榆阳区").hasSize(2);
        // wave 1: 7 answers in one project, 3 in the other
        long first = SurveyFixtures.openWave(port, "yuyang.gov", "610802", p);
        answer(first, p.get(0), 5, 5, 4, 3, 2, 4, 5);   // 5 of 7 satisfied
        answer(first, p.get(1), 5, 4, 1);               // too few to show
        assertThat(question(results("yuyang.gov", first).get("questions"), "SAT_OVERALL").get("suppressed").asBoolean())
                .as("no figures while the wave is open").isTrue();
        close(first);

        JsonNode r = results("yuyang.gov", first);
        int sent = r.get("sent").asInt();
        assertThat(r.get("answered").asInt()).isEqualTo(10);
        assertThat(r.get("responseRate").asDouble()).isCloseTo(10.0 / sent, within(0.0001));

        // the wave's total: 7 of 10 satisfied, the interval computed by hand over the households sent
        JsonNode overall = question(r.get("questions"), "SAT_OVERALL");
        assertThat(overall.get("suppressed").asBoolean()).isFalse();
        assertThat(overall.get("answers").asInt()).isEqualTo(10);
        assertThat(overall.get("mean").asDouble()).isCloseTo(38.0 / 10, within(0.0001));
        assertThat(overall.get("satisfactionShare").asDouble()).isCloseTo(0.7, within(0.0001));
        double[] hand = wilsonByHand(7, 10, sent);
        assertThat(overall.get("ciLow").asDouble()).isCloseTo(hand[0], within(0.0001));
        assertThat(overall.get("ciHigh").asDouble()).isCloseTo(hand[1], within(0.0001));
        assertThat(overall.get("marginOfError").asDouble()).isCloseTo(Math.max(0.7 - hand[0], hand[1] - 0.7), within(0.0001));
        assertThat(question(r.get("questions"), "SAT_REPAIRS").get("suppressed").asBoolean()).as("nobody rated repairs").isTrue();
        assertThat(question(r.get("questions"), "SAT_REPAIRS").get("mean").isNull()).isTrue();

        // the group of 3 is hidden, and so is its complement: the total minus what is shown is not the group of 3
        assertThat(hiddenGroups(r)).containsExactlyInAnyOrder(p.get(0), p.get(1));

        // wave 2: both groups large enough, both shown
        long second = SurveyFixtures.openWave(port, "yuyang.gov", "610802", p);
        answer(second, p.get(0), 4, 4, 4, 4, 1);
        answer(second, p.get(1), 5, 5, 2, 2, 2, 3);
        close(second);
        assertThat(hiddenGroups(results("yuyang.gov", second))).isEmpty();

        // the measures leave out the groups the results hide: only wave 2 counts, 6 of 11
        MeasureValue sat = measures.satisfaction(SatisfactionIndicator.SAT_OVERALL, MeasureScope.projects(p.toArray(Long[]::new)),
                new MeasurePeriod.Range(TestClock.today(), TestClock.today().plusDays(14)), RunBy.OFFICIAL);
        assertThat(sat.numerator()).isEqualByComparingTo(BigDecimal.valueOf(6));
        assertThat(sat.denominator()).isEqualByComparingTo(BigDecimal.valueOf(11));
        assertThat(sat.records()).hasSize(2).allMatch(rec -> rec.id() == second);
        MeasureValue operatorsOwn = measures.satisfaction(SatisfactionIndicator.SAT_OVERALL, MeasureScope.projects(p.toArray(Long[]::new)),
                new MeasurePeriod.Range(TestClock.today(), TestClock.today().plusDays(14)), Set.of(RunBy.OPERATOR));
        assertThat(operatorsOwn.applicable()).as("a government wave is not the operator's").isFalse();
        MeasureValue rate = measures.responseRate(MeasureScope.projects(p.toArray(Long[]::new)),
                new MeasurePeriod.Range(TestClock.today(), TestClock.today().plusDays(14)), RunBy.OFFICIAL);
        assertThat(rate.records().stream().filter(rec -> rec.id() == first || rec.id() == second)
                .mapToLong(rec -> rec.part().longValue()).sum()).isEqualTo(21);
    }

    private void close(long wave) {
        assertThat(WebClient.loggedIn(port, "yuyang.gov").postJson("/api/v1/survey-waves/" + wave + "/closing", "{}").statusCode()).isEqualTo(200);
    }

    /** The projects whose SAT_OVERALL figures are hidden; a hidden one carries no number at all. */
    private static List<Long> hiddenGroups(JsonNode results) {
        List<Long> hidden = new ArrayList<>();
        for (JsonNode g : results.get("groups")) {
            JsonNode q = question(g.get("questions"), "SAT_OVERALL");
            if (q.get("suppressed").asBoolean()) {
                hidden.add(g.get("projectId").asLong());
                assertThat(q.get("answers").isNull() && q.get("satisfactionShare").isNull() && q.get("distribution").isNull()).isTrue();
            }
        }
        return hidden;
    }

    /** The Wilson score interval with z² scaled by (N − n) / (N − 1), written out term by term. */
    private static double[] wilsonByHand(int satisfied, int n, int population) {
        double z = 1.959963984540054;
        double p = (double) satisfied / n;
        double zz = z * z * (population - n) / (population - 1.0);
        double centre = (p + zz / (2 * n)) / (1 + zz / n);
        double half = Math.sqrt(zz) / (1 + zz / n) * Math.sqrt(p * (1 - p) / n + zz / (4.0 * n * n));
        return new double[]{centre - half, centre + half};
    }

    @Test
    void anOperatorSeesAGovernmentWaveOnlyOnceItIsClosed() {
        List<Long> p = SurveyFixtures.busiestProjects(jdbc, "610802", 1);
        long wave = SurveyFixtures.openWave(port, "yuyang.gov", "610802", p);
        WebClient operator = WebClient.loggedIn(port, "anju.manager");
        assertThat(WebClient.json(operator.getJson("/api/v1/survey-waves")).findValuesAsString("id")).doesNotContain(String.valueOf(wave));
        assertThat(operator.getJson("/api/v1/survey-waves/" + wave).statusCode()).isEqualTo(404);
        assertThat(operator.getJson("/api/v1/survey-waves/" + wave + "/results").statusCode()).isEqualTo(404);
        for (String who : List.of("shenmu.op", "hengshan.gov")) {
            assertThat(WebClient.loggedIn(port, who).getJson("/api/v1/survey-waves/" + wave + "/results").statusCode()).as(who).isEqualTo(404);
        }
        assertThat(WebClient.loggedIn(port, "tenant.demo").getJson("/api/v1/survey-waves").statusCode()).isEqualTo(403);
        assertThat(operator.postJson("/api/v1/survey-waves/" + wave + "/closing", "{}").statusCode()).as("not the operator's to close").isEqualTo(404);
        assertThat(WebClient.json(WebClient.loggedIn(port, "yuyang.gov").getJson("/api/v1/survey-waves?status=OPEN")).findValuesAsString("id"))
                .contains(String.valueOf(wave));

        assertThat(WebClient.loggedIn(port, "yuyang.gov").postJson("/api/v1/survey-waves/" + wave + "/closing", "{}").statusCode()).isEqualTo(200);
        assertThat(WebClient.json(operator.getJson("/api/v1/survey-waves?status=CLOSED")).findValuesAsString("id")).contains(String.valueOf(wave));
        assertThat(operator.getJson("/api/v1/survey-waves/" + wave + "/results").statusCode()).isEqualTo(200);
        assertThat(operator.postJson("/api/v1/survey-waves/" + wave + "/closing", "{}").statusCode()).as("seen, not run").isEqualTo(403);
        assertThat(WebClient.loggedIn(port, "shenmu.op").getJson("/api/v1/survey-waves/" + wave).statusCode()).isEqualTo(404);
    }

    @Test
    void aPublishedQuestionnaireIsFrozenAndAnEditMakesTheNextVersion() {
        WebClient officer = WebClient.loggedIn(port, "yuyang.gov");
        long first = SurveyFixtures.publishedQuestionnaire(port, "yuyang.gov", "冻结测试");
        var revised = officer.postJson("/api/v1/surveys/" + first + "/revision",
                "{\"title\":\"冻结测试\",\"questions\":[{\"kind\":\"RATING\",\"text\":\"新题目\",\"indicator\":\"SAT_OVERALL\"}]}");
        assertThat(revised.statusCode()).as(revised.body()).isEqualTo(200);
        long second = WebClient.json(revised).get("id").asLong();
        assertThat(second).isNotEqualTo(first);
        JsonNode old = WebClient.json(officer.getJson("/api/v1/surveys/" + first));
        assertThat(old.get("questions")).hasSize(4);
        assertThat(old.get("status").asString()).isEqualTo("PUBLISHED");
        JsonNode next = WebClient.json(officer.getJson("/api/v1/surveys/" + second));
        assertThat(next.get("versionNo").asInt()).isEqualTo(2);
        assertThat(next.get("previousId").asLong()).isEqualTo(first);
        assertThat(next.get("status").asString()).isEqualTo("DRAFT");
        var again = officer.postJson("/api/v1/surveys/" + first + "/revision", "{\"title\":\"x\",\"questions\":[{\"kind\":\"TEXT\",\"text\":\"x\"}]}");
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.body()).contains("QUESTIONNAIRE_SUPERSEDED");
        var draftWave = officer.postJson("/api/v1/survey-waves", ("{\"questionnaireId\":%d,\"title\":\"草稿问卷\",\"districtCode\":\"610802\","
                + "\"projectIds\":[%d],\"startsOn\":\"%s\",\"endsOn\":\"%s\"}").formatted(second,
                SurveyFixtures.busiestProjects(jdbc, "610802", 1).getFirst(), TestClock.today(), TestClock.today().plusDays(3)));
        assertThat(draftWave.statusCode()).isEqualTo(409);
        assertThat(draftWave.body()).contains("QUESTIONNAIRE_NOT_PUBLISHED");

        var oneOption = officer.postJson("/api/v1/surveys", "{\"title\":\"x\",\"questions\":[{\"kind\":\"CHOICE\",\"text\":\"x\",\"options\":[\"只有一个\"]}]}");
        assertThat(oneOption.statusCode()).isEqualTo(400);
        assertThat(oneOption.body()).contains("QUESTION_OPTIONS").contains("第 1 题");
        var textIndicator = officer.postJson("/api/v1/surveys", "{\"title\":\"x\",\"questions\":[{\"kind\":\"TEXT\",\"text\":\"x\",\"indicator\":\"SAT_STAFF\"}]}");
        assertThat(textIndicator.statusCode()).isEqualTo(400);
        assertThat(textIndicator.body()).contains("QUESTION_INDICATOR");
        assertThat(WebClient.loggedIn(port, "hengshan.gov").getJson("/api/v1/surveys/" + first).statusCode()).as("another organisation's").isEqualTo(404);
        assertThat(WebClient.loggedIn(port, "anju.staff").getJson("/api/v1/surveys").statusCode()).isEqualTo(403);
    }

    @Test
    void aWaveReachesOnlyTheOrganisersOwnProjects() {
        long q = SurveyFixtures.publishedQuestionnaire(port, "anju.manager", "运营方自查");
        long shenmuProject = SurveyFixtures.busiestProjects(jdbc, "610881", 1).getFirst();
        var r = WebClient.loggedIn(port, "anju.manager").postJson("/api/v1/survey-waves", ("{\"questionnaireId\":%d,\"title\":\"越界\","
                + "\"districtCode\":\"610881\",\"projectIds\":[%d],\"startsOn\":\"%s\",\"endsOn\":\"%s\"}").formatted(q, shenmuProject,
                TestClock.today(), TestClock.today().plusDays(3)));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(403);
        assertThat(r.body()).contains("SURVEY_PROJECT_NOT_YOURS");
        long own = SurveyFixtures.draftWave(port, "anju.manager", q, "610802", SurveyFixtures.busiestProjects(jdbc, "610802", 1));
        assertThat(SurveyFixtures.open(port, "anju.manager", own)).isPositive();
        assertThat(WebClient.json(WebClient.loggedIn(port, "anju.manager").getJson("/api/v1/survey-waves/" + own)).get("runBy").asString())
                .isEqualTo("OPERATOR");
    }
}
