package cn.anju.support;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Surveys: a questionnaire is its organisation's alone; a wave is seen by its district's government, by the evaluator
 * that runs it within its engagement, by the operator when it runs it or once it is closed; nobody else, and no tenant
 * or administrator reaches the routes at all.
 */
final class SurveyScopeCases {

    private SurveyScopeCases() {
    }

    private static final List<String> NO_SURVEYS = List.of("tenant.demo", "admin", "auditor", "anju.staff");

    /** An open wave of 榆阳区's officers on the district's busiest project. */
    private static long yuyangWave(int port) {
        long q = SurveyFixtures.publishedQuestionnaire(port, "yuyang.gov", "范围测试");
        long wave = SurveyFixtures.draftWave(port, "yuyang.gov", q, "610802", List.of(firstLetProject(port)));
        SurveyFixtures.open(port, "yuyang.gov", wave);
        return wave;
    }

    private static long firstLetProject(int port) {
        return WebClient.json(WebClient.loggedIn(port, "yuyang.gov").getJson("/api/v1/projects")).get(0).get("id").asLong();
    }

    static void addTo(Map<String, ScopeCase> cases) {
        cases.put("GET /api/v1/surveys", port -> {
            long q = SurveyFixtures.publishedQuestionnaire(port, "yuyang.gov", "范围测试");
            for (String who : List.of("hengshan.gov", "anju.manager", "evaluator")) {
                assertThat(WebClient.json(WebClient.loggedIn(port, who).getJson("/api/v1/surveys")).findValuesAsString("id")).as(who)
                        .doesNotContain(String.valueOf(q));
            }
            refused(port, "GET", "/api/v1/surveys");
        });
        cases.put("GET /api/v1/surveys/{id}", port -> {
            long q = SurveyFixtures.publishedQuestionnaire(port, "yuyang.gov", "范围测试");
            for (String who : List.of("hengshan.gov", "anju.manager", "evaluator")) {
                assertThat(WebClient.loggedIn(port, who).getJson("/api/v1/surveys/" + q).statusCode()).as(who).isEqualTo(404);
            }
            refused(port, "GET", "/api/v1/surveys/" + q);
        });
        cases.put("POST /api/v1/surveys", port -> refused(port, "POST", "/api/v1/surveys"));
        for (String step : List.of("revision", "publication")) {
            cases.put("POST /api/v1/surveys/{id}/" + step, port -> {
                long q = SurveyFixtures.publishedQuestionnaire(port, "yuyang.gov", "范围测试");
                String body = "{\"title\":\"x\",\"questions\":[{\"kind\":\"TEXT\",\"text\":\"x\"}]}";
                for (String who : List.of("hengshan.gov", "anju.manager", "evaluator")) {
                    assertThat(WebClient.loggedIn(port, who).postJson("/api/v1/surveys/" + q + "/" + step, body).statusCode()).as(who).isEqualTo(404);
                }
                refused(port, "POST", "/api/v1/surveys/" + q + "/" + step);
            });
        }
        cases.put("GET /api/v1/survey-waves", port -> {
            long wave = yuyangWave(port);
            for (String who : List.of("hengshan.gov", "anju.manager", "shenmu.op", "evaluator")) {
                assertThat(WebClient.json(WebClient.loggedIn(port, who).getJson("/api/v1/survey-waves")).findValuesAsString("id")).as(who)
                        .doesNotContain(String.valueOf(wave));
            }
            assertThat(WebClient.json(WebClient.loggedIn(port, "yuyang.gov").getJson("/api/v1/survey-waves")).findValuesAsString("id"))
                    .contains(String.valueOf(wave));
            refused(port, "GET", "/api/v1/survey-waves");
        });
        for (String read : List.of("", "/results")) {
            cases.put("GET /api/v1/survey-waves/{id}" + read, port -> {
                long wave = yuyangWave(port);
                for (String who : List.of("hengshan.gov", "anju.manager", "shenmu.op", "evaluator")) {
                    assertThat(WebClient.loggedIn(port, who).getJson("/api/v1/survey-waves/" + wave + read).statusCode()).as(who).isEqualTo(404);
                }
                assertThat(WebClient.loggedIn(port, "yuyang.finance").getJson("/api/v1/survey-waves/" + wave + read).statusCode()).isEqualTo(200);
                refused(port, "GET", "/api/v1/survey-waves/" + wave + read);
            });
        }
        cases.put("POST /api/v1/survey-waves", port -> {
            long q = SurveyFixtures.publishedQuestionnaire(port, "hengshan.gov", "范围测试");
            var r = WebClient.loggedIn(port, "hengshan.gov").postJson("/api/v1/survey-waves", ("{\"questionnaireId\":%d,\"title\":\"x\","
                    + "\"districtCode\":\"610802\",\"projectIds\":[%d],\"startsOn\":\"%s\",\"endsOn\":\"%s\"}").formatted(q, firstLetProject(port),
                    TestClock.today(), TestClock.today().plusDays(3)));
            assertThat(r.statusCode()).as(r.body()).isEqualTo(403);
            refused(port, "POST", "/api/v1/survey-waves");
        });
        for (String step : List.of("opening", "closing")) {
            cases.put("POST /api/v1/survey-waves/{id}/" + step, port -> {
                long wave = yuyangWave(port);
                for (String who : List.of("hengshan.gov", "anju.manager", "shenmu.op", "evaluator")) {
                    assertThat(WebClient.loggedIn(port, who).postJson("/api/v1/survey-waves/" + wave + "/" + step, "{}").statusCode())
                            .as(who).isEqualTo(404);
                }
                refused(port, "POST", "/api/v1/survey-waves/" + wave + "/" + step);
            });
        }
    }

    /** Roles without surveys are refused before anything is looked up. */
    private static void refused(int port, String method, String path) {
        for (String who : NO_SURVEYS) {
            WebClient web = WebClient.loggedIn(port, who);
            int status = method.equals("GET") ? web.getJson(path).statusCode() : web.postJson(path, "{}").statusCode();
            assertThat(status).as(who + " " + method + " " + path).isEqualTo(403);
        }
    }
}
