package cn.anju.survey;

import cn.anju.support.PlatformTest;
import cn.anju.support.SurveyFixtures;
import cn.anju.support.TestClock;
import cn.anju.support.WebClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One answer per household, and nothing that leads from an answer back to the household: not the schema, not the
 * rows' order or ids, not the transaction ids, not the audit log (issue 17, "Anonymity by design").
 */
@PlatformTest
class SurveyAnonymityTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    SurveyTokens tokens;
    @Autowired
    SurveyAnswering answering;
    @Autowired
    AnswerBatches batches;

    private long openWave() {
        return SurveyFixtures.openWave(port, "yuyang.gov", "610802", SurveyFixtures.busiestProjects(jdbc, "610802", 1));
    }

    private List<Long> households(long wave) {
        return jdbc.sql("select household_id from survey_token where wave_id = ? order by household_id").param(wave).query(Long.class).list();
    }

    private int stored(long wave) {
        return jdbc.sql("select (select count(*) from survey_answer_pending where wave_id = ?) + (select count(*) from survey_answer where wave_id = ?)")
                .params(wave, wave).query(Integer.class).single();
    }

    @Test
    void oneTokenAnswersOnceEvenWhenSentTwiceAtTheSameMomentFromTwoSessions() throws Exception {
        long wave = openWave();
        String token = tokens.token(wave, households(wave).getFirst());
        WebClient first = new WebClient(port);
        WebClient second = new WebClient(port);
        String firstCsrf = first.csrfTokenFrom("/s/" + token);
        String secondCsrf = second.csrfTokenFrom("/s/" + token);
        CountDownLatch go = new CountDownLatch(1);
        List<Callable<Integer>> both = List.of(
                () -> { go.await(); return first.postForm("/s/" + token, Map.of("_csrf", firstCsrf, "q_SAT_OVERALL", "5")).statusCode(); },
                () -> { go.await(); return second.postForm("/s/" + token, Map.of("_csrf", secondCsrf, "q_SAT_OVERALL", "2")).statusCode(); });
        try (var pool = Executors.newFixedThreadPool(2)) {
            var futures = both.stream().map(pool::submit).toList();
            go.countDown();
            for (var f : futures) {
                assertThat(f.get()).isEqualTo(302);
            }
        }
        assertThat(stored(wave)).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from survey_token where wave_id = ? and answered").param(wave).query(Integer.class).single()).isEqualTo(1);
        assertThat(first.get("/s/" + token).body()).contains("本户已提交过这份问卷");
        var again = new WebClient(port);
        again.postForm("/s/" + token, Map.of("_csrf", again.csrfTokenFrom("/login"), "q_SAT_OVERALL", "3")); // the page shows no form any more
        assertThat(stored(wave)).isEqualTo(1);
    }

    @Test
    void nothingLinksAnAnswerToItsTokenOrHousehold() {
        long wave = openWave();
        List<Long> households = households(wave);
        assertThat(households).hasSizeGreaterThanOrEqualTo(8);
        long auditBefore = auditRows();
        List<String> submitted = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String text = "第" + i + "户的意见";
            submitted.add(text);
            answering.submit(tokens.token(wave, households.get(i)), Map.of("SAT_OVERALL", String.valueOf(1 + i % 5), "Q4", text));
        }
        assertThat(auditRows()).as("a submission writes no audit row").isEqualTo(auditBefore);
        List<UUID> waitingIds = jdbc.sql("select id from survey_answer_pending where wave_id = ?").param(wave).query(UUID.class).list();
        assertThat(waitingIds).hasSize(8);

        assertThat(batches.flush(wave, false)).isEqualTo(8);

        // the schema: an answer holds its wave, its project, a day and the values; no key, column or constraint leads to a token
        assertThat(columns("survey_answer")).containsExactlyInAnyOrder("id uuid", "wave_id bigint", "project_id bigint",
                "answered_on date", "answers jsonb");
        assertThat(columns("survey_answer_pending")).as("a waiting answer keeps no day")
                .containsExactlyInAnyOrder("id uuid", "wave_id bigint", "project_id bigint", "answers jsonb");
        assertThat(jdbc.sql("""
                        select distinct confrelid::regclass::text from pg_constraint
                         where conrelid in ('survey_answer'::regclass, 'survey_answer_pending'::regclass) and contype = 'f'""")
                .query(String.class).list()).containsExactlyInAnyOrder("survey_wave", "project");
        assertThat(columns("survey_token")).doesNotContain("answered_at timestamp with time zone").noneMatch(c -> c.contains("answer_id"));
        assertThat(jdbc.sql("select count(*) from survey_answer_pending where wave_id = ?").param(wave).query(Integer.class).single()).isZero();

        // ids: fresh random UUIDs, not the waiting rows' ids
        List<UUID> ids = jdbc.sql("select id from survey_answer where wave_id = ?").param(wave).query(UUID.class).list();
        assertThat(ids).hasSize(8).doesNotContainAnyElementsOf(waitingIds).allMatch(id -> id.version() == 4);

        // row order: shuffled within the batch, so neither the physical order nor the id order is the order of submission
        List<String> physical = jdbc.sql("select answers ->> 'Q4' from survey_answer where wave_id = ? order by ctid").param(wave).query(String.class).list();
        assertThat(physical).containsExactlyInAnyOrderElementsOf(submitted).isNotEqualTo(submitted);
        assertThat(jdbc.sql("select answers ->> 'Q4' from survey_answer where wave_id = ? order by id").param(wave).query(String.class).list())
                .isNotEqualTo(submitted);

        // transaction ids: the batch's one, shared by all its answers, and no token's
        Set<String> answerXmins = new HashSet<>(jdbc.sql("select xmin::text from survey_answer where wave_id = ?").param(wave).query(String.class).list());
        Set<String> tokenXmins = new HashSet<>(jdbc.sql("select xmin::text from survey_token where wave_id = ? and answered").param(wave).query(String.class).list());
        assertThat(answerXmins).hasSize(1);
        assertThat(tokenXmins).hasSize(8).doesNotContainAnyElementsOf(answerXmins);

        // time: the day only
        assertThat(jdbc.sql("select distinct answered_on from survey_answer where wave_id = ?").param(wave).query(LocalDate.class).list())
                .containsExactly(TestClock.today());

        // the audit log: one row for the batch with its count, nothing that names a token, a household or an answer
        List<String> audit = jdbc.sql("select action || ' ' || target_type || ' ' || target_id || ' ' || summary from audit_log where id > ? order by id")
                .param(auditBefore).query(String.class).list();
        assertThat(audit).hasSize(1);
        assertThat(audit.getFirst()).startsWith("SURVEY_ANSWER_BATCH survey_wave " + wave).contains("\"answers\":8")
                .doesNotContain("token").doesNotContain("household");
    }

    @Test
    void anUnknownLinkIsNotFoundAndFreeTextLosesItsNumbers() {
        var unknown = new WebClient(port).get("/s/" + "0".repeat(32));
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("问卷链接无效");
        assertThat(AnswerSheet.scrub("电话13812345678，身份证 610802199001011234，全角１３８１２３４５６７８，3栋2单元"))
                .isEqualTo("电话[号码已隐去]，身份证 [号码已隐去]，全角[号码已隐去]，3栋2单元");
    }

    @Test
    void aSmallBatchWaitsUntilTheWaveCloses() {
        long wave = openWave();
        List<Long> households = households(wave);
        for (int i = 0; i < 3; i++) {
            answering.submit(tokens.token(wave, households.get(i)), Map.of("SAT_OVERALL", "4"));
        }
        assertThat(batches.flush(wave, false)).as("fewer than five wait").isZero();
        var closed = WebClient.loggedIn(port, "yuyang.gov").postJson("/api/v1/survey-waves/" + wave + "/closing", "{}");
        assertThat(closed.statusCode()).as(closed.body()).isEqualTo(200);
        assertThat(jdbc.sql("select count(*) from survey_answer where wave_id = ?").param(wave).query(Integer.class).single()).isEqualTo(3);
        assertThat(jdbc.sql("select count(*) from survey_answer_pending where wave_id = ?").param(wave).query(Integer.class).single()).isZero();
        String token = tokens.token(wave, households.get(5));
        var page = new WebClient(port);
        assertThat(page.get("/s/" + token).body()).contains("本次调查不在作答期内");
        page.postForm("/s/" + token, Map.of("_csrf", page.csrfTokenFrom("/login"), "q_SAT_OVERALL", "5"));
        assertThat(stored(wave)).as("a closed wave takes no answer").isEqualTo(3);
    }

    @Test
    void aClosingRacingWithAnswersLeavesNothingWaitingAndCountsEveryAnswerOnce() throws Exception {
        long wave = openWave();
        List<Long> households = households(wave);
        CountDownLatch go = new CountDownLatch(1);
        List<Callable<Object>> racers = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String token = tokens.token(wave, households.get(i));
            racers.add(() -> {
                go.await();
                try {
                    answering.submit(token, Map.of("SAT_OVERALL", "4"));
                } catch (cn.anju.shared.web.ProblemException closed) {
                    assertThat(closed.code()).isEqualTo("SURVEY_WAVE_NOT_OPEN");
                }
                return null;
            });
        }
        racers.add(() -> {
            go.await();
            return WebClient.loggedIn(port, "yuyang.gov").postJson("/api/v1/survey-waves/" + wave + "/closing", "{}").statusCode();
        });
        try (var pool = Executors.newFixedThreadPool(racers.size())) {
            var futures = racers.stream().map(pool::submit).toList();
            go.countDown();
            for (var f : futures) {
                f.get();
            }
        }
        assertThat(jdbc.sql("select status from survey_wave where id = ?").param(wave).query(String.class).single()).isEqualTo("CLOSED");
        assertThat(jdbc.sql("select count(*) from survey_answer_pending where wave_id = ?").param(wave).query(Integer.class).single())
                .as("nothing left waiting on a closed wave").isZero();
        assertThat(jdbc.sql("select count(*) from survey_answer where wave_id = ?").param(wave).query(Integer.class).single())
                .as("every answered token's answer is written").isEqualTo(
                        jdbc.sql("select count(*) from survey_token where wave_id = ? and answered").param(wave).query(Integer.class).single());
    }

    private long auditRows() {
        return jdbc.sql("select coalesce(max(id), 0) from audit_log").query(Long.class).single();
    }

    private List<String> columns(String table) {
        return jdbc.sql("select column_name || ' ' || data_type from information_schema.columns where table_name = ?")
                .param(table).query(String.class).list();
    }
}
