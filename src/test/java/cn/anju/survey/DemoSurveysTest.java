package cn.anju.survey;

import cn.anju.support.PlatformTest;
import cn.anju.support.WebClient;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo's surveys (issue 17, item 8), as the people who use them see them. */
@PlatformTest
class DemoSurveysTest {

    @LocalServerPort
    int port;

    private List<JsonNode> demoWaves(String who) {
        List<JsonNode> waves = new ArrayList<>();
        WebClient.json(WebClient.loggedIn(port, who).getJson("/api/v1/survey-waves")).forEach(w -> {
            if (!w.get("title").asString().equals("测试调查")) {
                waves.add(w);
            }
        });
        return waves;
    }

    @Test
    void theEvaluatorHasAClosedWaveInShenmuAndAnOpenOneInYuyang() {
        List<JsonNode> waves = demoWaves("evaluator");
        assertThat(waves).extracting(w -> w.get("districtCode").asString() + " " + w.get("status").asString() + " " + w.get("runBy").asString())
                .contains("610881 CLOSED EVALUATOR", "610802 OPEN EVALUATOR");
        JsonNode closed = waves.stream().filter(w -> w.get("status").asString().equals("CLOSED")).findFirst().orElseThrow();
        JsonNode results = WebClient.json(WebClient.loggedIn(port, "evaluator").getJson("/api/v1/survey-waves/" + closed.get("id").asLong() + "/results"));
        assertThat(results.get("responseRate").asDouble()).isBetween(0.3, 0.9);
        JsonNode overall = results.get("questions").get(0);
        assertThat(overall.get("code").asString()).isEqualTo("SAT_OVERALL");
        assertThat(overall.get("suppressed").asBoolean()).isFalse();
        assertThat(overall.get("satisfactionShare").asDouble()).isBetween(0.5, 0.95);
        assertThat(overall.get("ciLow").asDouble()).isLessThan(overall.get("satisfactionShare").asDouble());
    }

    @Test
    void yuyangSeesItsOwnClosedWaveAndTheEvaluatorsOpenOneTheOperatorOnlyTheClosed() {
        assertThat(demoWaves("yuyang.gov")).extracting(w -> w.get("status").asString() + " " + w.get("runBy").asString())
                .contains("CLOSED GOVERNMENT", "OPEN EVALUATOR");
        assertThat(demoWaves("anju.manager")).extracting(w -> w.get("status").asString() + " " + w.get("runBy").asString())
                .contains("CLOSED GOVERNMENT").doesNotContain("OPEN EVALUATOR");
    }
}
