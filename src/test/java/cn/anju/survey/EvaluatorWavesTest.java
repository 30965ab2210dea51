package cn.anju.survey;

import cn.anju.support.PlatformTest;
import cn.anju.support.SurveyFixtures;
import cn.anju.support.TestClock;
import cn.anju.support.WebClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The third-party evaluator surveys the projects it is engaged for (the demo: 榆阳区 and 神木市 this year) and no
 * others; its open wave is hidden from the operator and shown to the district that engaged it.
 */
@PlatformTest
class EvaluatorWavesTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    @Test
    void anEvaluatorSurveysOnlyItsEngagedProjectsAndItsOpenWaveIsHiddenFromTheOperator() {
        long q = SurveyFixtures.publishedQuestionnaire(port, "evaluator", "第三方测评");
        long hengshanProject = jdbc.sql("select id from project where district_code = '610803' order by id limit 1").query(Long.class).single();
        var outside = WebClient.loggedIn(port, "evaluator").postJson("/api/v1/survey-waves", ("{\"questionnaireId\":%d,\"title\":\"越界\","
                + "\"districtCode\":\"610803\",\"projectIds\":[%d],\"startsOn\":\"%s\",\"endsOn\":\"%s\"}").formatted(q, hengshanProject,
                TestClock.today(), TestClock.today().plusDays(3)));
        assertThat(outside.statusCode()).as(outside.body()).isEqualTo(403);
        assertThat(outside.body()).contains("SURVEY_PROJECT_NOT_YOURS");

        List<Long> projects = SurveyFixtures.busiestProjects(jdbc, "610802", 1);
        long wave = SurveyFixtures.draftWave(port, "evaluator", q, "610802", projects);
        assertThat(SurveyFixtures.open(port, "evaluator", wave)).isPositive();
        assertThat(WebClient.json(WebClient.loggedIn(port, "evaluator").getJson("/api/v1/survey-waves/" + wave)).get("runBy").asString())
                .isEqualTo("EVALUATOR");
        assertThat(WebClient.loggedIn(port, "anju.manager").getJson("/api/v1/survey-waves/" + wave).statusCode()).isEqualTo(404);
        assertThat(WebClient.loggedIn(port, "hengshan.gov").getJson("/api/v1/survey-waves/" + wave).statusCode()).isEqualTo(404);
        assertThat(WebClient.loggedIn(port, "yuyang.gov").getJson("/api/v1/survey-waves/" + wave).statusCode()).isEqualTo(200);
        assertThat(WebClient.loggedIn(port, "yuyang.gov").postJson("/api/v1/survey-waves/" + wave + "/closing", "{}").statusCode())
                .as("the district sees the evaluator's wave but does not run it").isEqualTo(403);
        // a wave the district runs is not the evaluator's to see
        long districtWave = SurveyFixtures.openWave(port, "yuyang.gov", "610802", projects);
        assertThat(WebClient.loggedIn(port, "evaluator").getJson("/api/v1/survey-waves/" + districtWave).statusCode()).isEqualTo(404);
        // and the evaluator reads no operational records
        var households = WebClient.loggedIn(port, "evaluator").getJson("/api/v1/households");
        if (households.statusCode() == 200) {
            assertThat(WebClient.json(households).get("items")).as("no household in an evaluator's scope").isEmpty();
        } else {
            assertThat(households.statusCode()).isEqualTo(403);
        }

        assertThat(WebClient.loggedIn(port, "evaluator").postJson("/api/v1/survey-waves/" + wave + "/closing", "{}").statusCode()).isEqualTo(200);
        assertThat(WebClient.loggedIn(port, "anju.manager").getJson("/api/v1/survey-waves/" + wave + "/results").statusCode())
                .as("closed: the operator reads the results of its projects").isEqualTo(200);
    }
}
