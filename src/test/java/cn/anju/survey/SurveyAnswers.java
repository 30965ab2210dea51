package cn.anju.survey;

import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Households of a project answer an open wave's overall-satisfaction question, for tests outside the survey module. */
public final class SurveyAnswers {

    private SurveyAnswers() {
    }

    public static void answer(ApplicationContext context, JdbcClient jdbc, long wave, long project, int... scores) {
        SurveyTokens tokens = context.getBean(SurveyTokens.class);
        SurveyAnswering answering = context.getBean(SurveyAnswering.class);
        List<Long> households = jdbc.sql("select household_id from survey_token where wave_id = ? and project_id = ? and not answered order by household_id")
                .params(wave, project).query(Long.class).list();
        assertThat(households).as("households of project " + project).hasSizeGreaterThanOrEqualTo(scores.length);
        for (int i = 0; i < scores.length; i++) {
            answering.submit(tokens.token(wave, households.get(i)), Map.of("SAT_OVERALL", String.valueOf(scores[i])));
        }
    }
}
