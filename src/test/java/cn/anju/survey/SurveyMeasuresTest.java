package cn.anju.survey;

import cn.anju.shared.measure.MeasurePeriod;
import cn.anju.shared.measure.MeasureScope;
import cn.anju.shared.measure.MeasureValue;
import cn.anju.shared.measure.Measures;
import cn.anju.shared.measure.RecordKind;
import cn.anju.support.PlatformTest;
import cn.anju.support.TestClock;
import cn.anju.support.WebClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The survey measures on the demo data, each recomputed by the test's own SQL from the written definitions: the share
 * of 4-5 ratings over the government's and the evaluator's closed waves ending in the period, without the groups the
 * results hide; and households answered over households sent.
 */
@PlatformTest
class SurveyMeasuresTest {

    static final String[] DISTRICTS = {"610802", "610881"};

    @LocalServerPort
    int port;
    @Autowired
    Measures measures;
    @Autowired
    JdbcClient jdbc;

    final LocalDate today = TestClock.today();
    final MeasurePeriod.Range year = new MeasurePeriod.Range(today.minusDays(365), today);

    @Test
    void everySatisfactionShareIsTheRatingsOfItsShownGroups() {
        for (SatisfactionIndicator indicator : SatisfactionIndicator.values()) {
            MeasureValue v = measures.compute(indicator.name(), MeasureScope.districts(DISTRICTS), year);
            long satisfied = 0;
            long rated = 0;
            List<Long> waves = jdbc.sql("""
                            select id from survey_wave where status = 'CLOSED' and run_by in ('GOVERNMENT', 'EVALUATOR')
                               and district_code in ('610802', '610881') and ends_on between ? and ?""")
                    .params(year.from(), year.to()).query(Long.class).list();
            for (long wave : waves) {
                Map<Long, long[]> byProject = new HashMap<>();
                jdbc.sql("""
                                select project_id, count(*) filter (where (answers ->> ?)::int between 1 and 5),
                                       count(*) filter (where (answers ->> ?)::int >= 4)
                                  from survey_answer where wave_id = ? group by project_id""")
                        .params(indicator.name(), indicator.name(), wave)
                        .query((rs, n) -> byProject.put(rs.getLong(1), new long[]{rs.getLong(2), rs.getLong(3)})).list();
                Map<Long, Integer> counts = new HashMap<>();
                byProject.forEach((p, c) -> {
                    if (c[0] > 0) {
                        counts.put(p, (int) c[0]);
                    }
                });
                Set<Long> hidden = SurveyStatistics.suppressed(counts);
                for (var e : byProject.entrySet()) {
                    if (e.getValue()[0] > 0 && !hidden.contains(e.getKey())) {
                        rated += e.getValue()[0];
                        satisfied += e.getValue()[1];
                    }
                }
            }
            assertThat(rated).as(indicator + ": the demo's closed waves have ratings").isPositive();
            assertThat(v.numerator()).as(indicator.name()).isEqualByComparingTo(BigDecimal.valueOf(satisfied));
            assertThat(v.denominator()).as(indicator.name()).isEqualByComparingTo(BigDecimal.valueOf(rated));
            assertThat(v.records()).allMatch(r -> r.kind() == RecordKind.SURVEY_GROUP && r.label().contains(" · "));
        }
    }

    @Test
    void theResponseRateIsHouseholdsAnsweredOverHouseholdsSent() {
        MeasureValue v = measures.compute("SURVEY_RESPONSE_RATE", MeasureScope.districts(DISTRICTS), year);
        long[] expected = jdbc.sql("""
                        select count(*) filter (where t.answered), count(*) from survey_token t join survey_wave w on w.id = t.wave_id
                         where w.run_by in ('GOVERNMENT', 'EVALUATOR') and w.status = 'CLOSED' and w.district_code in ('610802', '610881')
                           and w.ends_on between ? and ?""")
                .params(year.from(), year.to()).query((rs, n) -> new long[]{rs.getLong(1), rs.getLong(2)}).single();
        assertThat(expected[1]).isPositive();
        assertThat(v.numerator()).isEqualByComparingTo(BigDecimal.valueOf(expected[0]));
        assertThat(v.denominator()).isEqualByComparingTo(BigDecimal.valueOf(expected[1]));
    }

    @Test
    void theMeasuresApiServesThemWithinTheCallersScope() {
        String path = "/api/v1/measures/SAT_OVERALL?from=" + year.from() + "&to=" + year.to();
        var yuyang = WebClient.json(WebClient.loggedIn(port, "yuyang.gov").getJson(path));
        var shenmuOperator = WebClient.json(WebClient.loggedIn(port, "shenmu.op").getJson(path));
        assertThat(yuyang.toString()).contains("SAT_OVERALL");
        assertThat(yuyang.toString()).doesNotContain("神木市公租房群众满意度第三方测评");
        assertThat(shenmuOperator.toString()).doesNotContain("榆阳区公租房住户满意度调查");
    }
}
