package cn.anju.survey;

import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One wave's counts, the single source of its results and of its share in the survey measures, so that both hide
 * the same groups: per project the households sent and answered (from the tokens), and the written answers.
 */
record WaveTally(List<Sent> sent, List<Answer> answers) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    record Sent(long project, int households, int answered) {
    }

    /** One written answer: its group and its values by question code. */
    record Answer(long project, JsonNode values) {
    }

    static WaveTally load(JdbcClient jdbc, long waveId) {
        List<Answer> answers = jdbc.sql("select project_id, answers::text from survey_answer where wave_id = ? order by id")
                .param(waveId).query((rs, n) -> new Answer(rs.getLong(1), JSON.readTree(rs.getString(2)))).list();
        return new WaveTally(sent(jdbc, waveId), answers);
    }

    /** Per project the households sent and answered, from the tokens alone (no answer is read). */
    static List<Sent> sent(JdbcClient jdbc, long waveId) {
        return jdbc.sql("""
                        select p.project_id, coalesce(p.households, 0),
                               (select count(*) from survey_token t where t.wave_id = p.wave_id and t.project_id = p.project_id and t.answered)
                          from survey_wave_project p where p.wave_id = ? order by p.project_id""")
                .param(waveId).query((rs, n) -> new Sent(rs.getLong(1), rs.getInt(2), rs.getInt(3))).list();
    }

    int households() {
        return sent.stream().mapToInt(Sent::households).sum();
    }

    int answered() {
        return sent.stream().mapToInt(Sent::answered).sum();
    }

    /** Ratings 1-5 of one question per project (index 0 = score 1). */
    Map<Long, int[]> ratings(String code) {
        Map<Long, int[]> counts = new LinkedHashMap<>();
        for (Answer a : answers) {
            JsonNode v = a.values().get(code);
            if (v != null && v.isInt() && v.asInt() >= 1 && v.asInt() <= 5) {
                counts.computeIfAbsent(a.project(), p -> new int[5])[v.asInt() - 1]++;
            }
        }
        return counts;
    }

    /**
     * The projects whose figures for this question are hidden: those with fewer than five ratings of it, and their
     * complement, so that no hidden group is the wave's total minus the groups shown. (How many households of a
     * project answered is participation, not opinion, and is shown.)
     */
    Set<Long> hidden(String code) {
        Map<Long, Integer> rated = new HashMap<>();
        ratings(code).forEach((p, c) -> rated.put(p, total(c)));
        return SurveyStatistics.suppressed(rated);
    }

    static int total(int[] counts) {
        int t = 0;
        for (int c : counts) {
            t += c;
        }
        return t;
    }
}
