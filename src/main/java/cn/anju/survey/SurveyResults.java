package cn.anju.survey;

import cn.anju.housing.HousingStock;
import cn.anju.identity.CurrentUser;
import cn.anju.shared.web.ProblemException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Computes a wave's results from its written answers (formulas in docs/surveys.md): response rates from the tokens
 * (answered or not, nothing else), and per question the distribution, mean, satisfaction share and its Wilson interval
 * over the households the wave was sent to, suppressing groups under five with their complements.
 */
@Service
public class SurveyResults {

    private final SurveyWaves waves;
    private final SurveyRecords records;
    private final HousingStock housing;
    private final JdbcClient jdbc;
    private final SurveyScope scope;

    SurveyResults(SurveyWaves waves, SurveyRecords records, HousingStock housing, JdbcClient jdbc, SurveyScope scope) {
        this.scope = scope;
        this.waves = waves;
        this.records = records;
        this.housing = housing;
        this.jdbc = jdbc;
    }

    public WaveResults of(CurrentUser user, long waveId) {
        SurveyWave wave = waves.visible(user, waveId);
        List<Question> questions = records.questionnaire(wave.questionnaireId()).orElseThrow().questions();
        WaveTally tally = WaveTally.load(jdbc, waveId);
        boolean complete = wave.status() == WaveStatus.CLOSED; // figures only once every answer is in: no before-and-after
        Map<Long, String> names = housing.projectNames(wave.projectIds());
        List<WaveResults.Rating> overall = new ArrayList<>();
        Map<Long, List<WaveResults.Rating>> byGroup = new LinkedHashMap<>();
        tally.sent().forEach(s -> byGroup.put(s.project(), new ArrayList<>()));
        for (Question q : questions) {
            if (q.kind() != QuestionKind.RATING) {
                continue;
            }
            Map<Long, int[]> counts = tally.ratings(q.code());
            int[] all = new int[5];
            counts.values().forEach(c -> {
                for (int i = 0; i < 5; i++) {
                    all[i] += c[i];
                }
            });
            overall.add(complete ? rating(q, all, tally.households()) : WaveResults.Rating.hidden(q));
            Set<Long> hidden = tally.hidden(q.code());
            for (WaveTally.Sent s : tally.sent()) {
                int[] c = counts.get(s.project());
                byGroup.get(s.project()).add(!complete || c == null || hidden.contains(s.project())
                        ? WaveResults.Rating.hidden(q) : rating(q, c, s.households()));
            }
        }
        List<WaveResults.Group> groups = tally.sent().stream().filter(s -> scope.seesProject(user, wave, s.project())).map(s -> {
            boolean hide = byGroup.get(s.project()).stream().allMatch(WaveResults.Rating::suppressed);
            return new WaveResults.Group(s.project(), names.getOrDefault(s.project(), "项目" + s.project()), s.households(),
                    s.answered(), rate(s.answered(), s.households()), hide, byGroup.get(s.project()));
        }).toList();
        List<WaveTally.Answer> answers = complete ? tally.answers() : List.of();
        return new WaveResults(wave.id(), wave.title(), wave.status(), wave.runBy(), wave.districtCode(), wave.startsOn(), wave.endsOn(),
                tally.households(), tally.answered(), rate(tally.answered(), tally.households()), overall, groups,
                choices(questions, answers, complete), comments(questions, answers, complete));
    }

    static WaveResults.Rating rating(Question q, int[] counts, int population) {
        int n = WaveTally.total(counts);
        if (n < SurveyStatistics.MIN_GROUP) {
            return WaveResults.Rating.hidden(q);
        }
        SurveyStatistics.Interval i = SurveyStatistics.wilson(SurveyStatistics.satisfied(counts), n, Math.max(population, n), SurveyStatistics.Z95);
        List<Integer> distribution = new ArrayList<>();
        for (int c : counts) {
            distribution.add(c);
        }
        return new WaveResults.Rating(q.code(), q.text(), q.indicator() == null ? null : q.indicator().name(), n,
                round(SurveyStatistics.mean(counts)), round(i.share()), round(i.low()), round(i.high()), round(i.marginOfError()),
                distribution, false);
    }

    private static List<WaveResults.Choice> choices(List<Question> questions, List<WaveTally.Answer> answers, boolean complete) {
        List<WaveResults.Choice> choices = new ArrayList<>();
        for (Question q : questions) {
            if (q.kind() != QuestionKind.CHOICE) {
                continue;
            }
            Map<String, Integer> counts = new LinkedHashMap<>();
            q.options().forEach(o -> counts.put(o, 0));
            answers.stream().map(a -> a.values().get(q.code())).filter(v -> v != null && v.isString())
                    .forEach(v -> counts.merge(v.asString(), 1, Integer::sum));
            boolean hide = !complete || counts.values().stream().mapToInt(Integer::intValue).sum() < SurveyStatistics.MIN_GROUP;
            choices.add(new WaveResults.Choice(q.code(), q.text(), counts.entrySet().stream()
                    .map(e -> new WaveResults.Option(e.getKey(), hide ? null : e.getValue())).toList(), hide));
        }
        return choices;
    }

    private static List<WaveResults.Comments> comments(List<Question> questions, List<WaveTally.Answer> answers, boolean complete) {
        List<WaveResults.Comments> comments = new ArrayList<>();
        for (Question q : questions) {
            if (q.kind() != QuestionKind.TEXT) {
                continue;
            }
            List<String> texts = answers.stream().map(a -> a.values().get(q.code())).filter(v -> v != null && v.isString())
                    .map(v -> AnswerSheet.scrub(v.asString())).sorted().toList(); // sorted: the order says nothing of who wrote first
            boolean hide = !complete || texts.size() < SurveyStatistics.MIN_GROUP;
            comments.add(new WaveResults.Comments(q.code(), q.text(), hide ? List.of() : texts, hide));
        }
        return comments;
    }

    /** The export's anonymised answers: one header per question (its text) and one row per written answer. */
    public record AnswerRows(List<String> headers, List<List<Object>> rows) {
    }

    /**
     * A closed wave's written answers for the export, in their stored (shuffled) order and without their project. A
     * question with fewer than five answers is left empty, as the results page hides it, and a row left with nothing
     * shown is dropped: the file never shows what the page suppresses.
     */
    public AnswerRows answers(CurrentUser user, long waveId) {
        SurveyWave wave = waves.visible(user, waveId);
        if (wave.status() != WaveStatus.CLOSED) {
            throw ProblemException.conflict("SURVEY_WAVE_NOT_CLOSED", "调查结束后才能导出作答。");
        }
        List<Question> questions = records.questionnaire(wave.questionnaireId()).orElseThrow().questions();
        List<WaveTally.Answer> answers = WaveTally.load(jdbc, waveId).answers().stream()
                .filter(a -> scope.seesProject(user, wave, a.project())).toList(); // an operator: its own projects' answers
        Set<String> shown = new HashSet<>();
        List<String> headers = new ArrayList<>();
        for (Question q : questions) {
            boolean enough = answers.stream().filter(a -> given(a, q) != null).count() >= SurveyStatistics.MIN_GROUP;
            if (enough) {
                shown.add(q.code());
            }
            headers.add(enough ? q.text() : q.text() + "（不足5份，不予导出）");
        }
        List<List<Object>> rows = new ArrayList<>();
        for (WaveTally.Answer a : answers) {
            List<Object> row = new ArrayList<>();
            for (Question q : questions) {
                JsonNode v = shown.contains(q.code()) ? given(a, q) : null;
                row.add(v == null ? null : v.isInt() ? (Object) v.asInt() : AnswerSheet.scrub(v.asString()));
            }
            if (row.stream().anyMatch(Objects::nonNull)) {
                rows.add(row);
            }
        }
        return new AnswerRows(headers, rows);
    }

    private static JsonNode given(WaveTally.Answer a, Question q) {
        JsonNode v = a.values().get(q.code());
        return v == null || v.isNull() ? null : v;
    }

    private static Double rate(int answered, int sent) {
        return sent == 0 ? null : round((double) answered / sent);
    }

    private static Double round(double v) {
        return Double.isNaN(v) ? null : Math.round(v * 10000) / 10000.0;
    }
}
