package cn.anju.survey;

import org.springframework.modulith.NamedInterface;
import cn.anju.shared.web.ProblemException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The answer path, with no account: the token opens the questionnaire once. Submitting marks the token answered and
 * leaves the answer waiting under a random id with the day only; {@link AnswerBatches} writes it later among others.
 * Nothing here is audited one by one, and nothing logs the token.
 */
@NamedInterface("actions")
@Service
public class SurveyAnswering {

    private final JdbcClient jdbc;
    private final SurveyRecords records;
    private final Clock clock;
    private final SurveyTokens tokens;
    private final JsonMapper json = JsonMapper.builder().build();

    SurveyAnswering(JdbcClient jdbc, SurveyRecords records, Clock clock, SurveyTokens tokens) {
        this.tokens = tokens;
        this.jdbc = jdbc;
        this.records = records;
        this.clock = clock;
    }

    /** What the answer page shows: the wave, its questions, and whether this token can still answer. */
    @NamedInterface("actions")
    public record Invitation(String title, String organiser, LocalDate endsOn, List<Question> questions, boolean answered,
                             boolean open) {
    }

    private record Door(long tokenId, long waveId, long projectId, boolean answered) {
    }

    public Invitation invitation(String token) {
        Door door = door(token, false);
        SurveyWave wave = records.wave(door.waveId()).orElseThrow();
        Questionnaire q = records.questionnaire(wave.questionnaireId()).orElseThrow();
        return new Invitation(wave.title(), wave.runBy().label(), wave.endsOn(), q.questions(), door.answered(),
                wave.takesAnswersOn(LocalDate.now(clock)));
    }

    /** Takes one household's answer: 409 when its token has answered, even for two submissions at the same moment. */
    @Transactional
    public void submit(String token, Map<String, String> given) {
        Door door = door(token, true); // the token's row stays locked until this commits: a second submission waits, then sees it answered
        if (door.answered()) {
            throw ProblemException.conflict("SURVEY_ALREADY_ANSWERED", "本户已提交过这份问卷，每户只能作答一次。感谢您的参与！");
        }
        SurveyWave wave = records.waveLocked(door.waveId(), SurveyRecords.Lock.SHARE).orElseThrow(); // a closing waits for this answer, or this sees it closed
        LocalDate today = LocalDate.now(clock);
        if (!wave.takesAnswersOn(today)) {
            throw ProblemException.conflict("SURVEY_WAVE_NOT_OPEN", "本次调查不在作答期内（" + wave.startsOn() + " 至 " + wave.endsOn() + "）。");
        }
        Questionnaire q = records.questionnaire(wave.questionnaireId()).orElseThrow();
        Map<String, Object> answers = AnswerSheet.read(q.questions(), given);
        jdbc.sql("update survey_token set answered = true where id = ?").param(door.tokenId()).update();
        jdbc.sql("insert into survey_answer_pending (id, wave_id, project_id, answers) values (?, ?, ?, ?::jsonb)")
                .params(UUID.randomUUID(), door.waveId(), door.projectId(), json.writeValueAsString(new LinkedHashMap<>(answers)))
                .update();
    }

    private Door door(String token, boolean lock) {
        if (token == null || !token.strip().matches("[0-9a-fA-F]{32}")) {
            throw unknown();
        }
        return jdbc.sql("select id, wave_id, project_id, answered from survey_token where token_digest = any(?)" + (lock ? " for update" : ""))
                .param(tokens.stored(token))
                .query((rs, n) -> new Door(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getBoolean(4)))
                .optional().orElseThrow(SurveyAnswering::unknown);
    }

    private static ProblemException unknown() {
        return ProblemException.notFound("SURVEY_TOKEN_UNKNOWN", "问卷链接无效，请核对短信或调查表上的二维码。");
    }
}
