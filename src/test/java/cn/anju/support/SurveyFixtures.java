package cn.anju.support;

import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** Questionnaires and waves made through the API, as an organiser would. */
public final class SurveyFixtures {

    private SurveyFixtures() {
    }

    public static final String QUESTIONS = """
            {"title":"%s","questions":[
              {"kind":"RATING","text":"您对住房运营服务的总体满意程度","indicator":"SAT_OVERALL"},
              {"kind":"RATING","text":"您对报修处理的满意程度","indicator":"SAT_REPAIRS"},
              {"kind":"CHOICE","text":"您最常用的缴租方式","options":["线上缴费","服务窗口","银行代扣"]},
              {"kind":"TEXT","text":"您对我们的意见和建议"}]}""";

    /** A published questionnaire of the user's organisation. */
    public static long publishedQuestionnaire(int port, String who, String title) {
        WebClient web = WebClient.loggedIn(port, who);
        var created = web.postJson("/api/v1/surveys", QUESTIONS.formatted(title));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        long id = WebClient.json(created).get("id").asLong();
        var published = web.postJson("/api/v1/surveys/" + id + "/publication", "{}");
        assertThat(published.statusCode()).as(published.body()).isEqualTo(200);
        return id;
    }

    /** A wave of the questionnaire over the projects, from today for two weeks, still a draft. */
    public static long draftWave(int port, String who, long questionnaire, String district, List<Long> projects) {
        String body = """
                {"questionnaireId":%d,"title":"测试调查","districtCode":"%s","projectIds":[%s],"startsOn":"%s","endsOn":"%s"}"""
                .formatted(questionnaire, district, projects.stream().map(String::valueOf).collect(Collectors.joining(",")),
                        TestClock.today(), TestClock.today().plusDays(14));
        var created = WebClient.loggedIn(port, who).postJson("/api/v1/survey-waves", body);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return WebClient.json(created).get("id").asLong();
    }

    /** Opens the wave; answers how many households it was sent to. */
    public static int open(int port, String who, long wave) {
        var opened = WebClient.loggedIn(port, who).postJson("/api/v1/survey-waves/" + wave + "/opening", "{}");
        assertThat(opened.statusCode()).as(opened.body()).isEqualTo(200);
        return WebClient.json(opened).get("sent").asInt();
    }

    /** An open wave run by the user over the projects. */
    public static long openWave(int port, String who, String district, List<Long> projects) {
        long wave = draftWave(port, who, publishedQuestionnaire(port, who, "测试问卷"), district, projects);
        open(port, who, wave);
        return wave;
    }

    /** The district's projects with the most households holding an active lease today, most first. */
    public static List<Long> busiestProjects(JdbcClient jdbc, String district, int n) {
        return jdbc.sql("""
                        select project_id from lease where district_code = ? and status = 'ACTIVE' and start_date <= ? and end_date >= ?
                         group by project_id order by count(distinct household_id) desc, project_id limit ?""")
                .params(district, TestClock.today(), TestClock.today(), n).query(Long.class).list();
    }
}
