package cn.anju.survey;

import cn.anju.shared.web.ProblemException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Loads and stores questionnaires and waves (the survey module's own tables). */
@Component
class SurveyRecords {

    private static final TypeReference<List<Question>> QUESTIONS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JsonMapper json = JsonMapper.builder().build();

    SurveyRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Questionnaire> questionnaire(long id) {
        return jdbc.sql("select * from questionnaire where id = ?").param(id).query(this::mapQuestionnaire).optional();
    }

    List<Questionnaire> questionnairesOf(long ownerOrgId) {
        return jdbc.sql("select * from questionnaire where owner_org_id = ? order by title, version_no desc")
                .param(ownerOrgId).query(this::mapQuestionnaire).list();
    }

    boolean superseded(long questionnaireId) {
        return jdbc.sql("select exists (select 1 from questionnaire where previous_id = ?)").param(questionnaireId)
                .query(Boolean.class).single();
    }

    long insert(Questionnaire q, long actorId, Instant now) {
        return jdbc.sql("""
                        insert into questionnaire (owner_org_id, run_by, title, version_no, previous_id, status, questions, created_by, created_at)
                        values (?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?) returning id""")
                .params(q.ownerOrgId(), q.runBy().name(), q.title(), q.versionNo(), q.previousId(), q.status().name(),
                        json.writeValueAsString(q.questions()), actorId, Timestamp.from(now))
                .query(Long.class).single();
    }

    /** Saves a draft's edit, refused when someone changed it since it was read. */
    void updateDraft(Questionnaire q) {
        int n = jdbc.sql("""
                        update questionnaire set title = ?, questions = ?::jsonb, version = version + 1
                         where id = ? and version = ? and status = ?""")
                .params(q.title(), json.writeValueAsString(q.questions()), q.id(), q.version(), QuestionnaireStatus.DRAFT.name()).update();
        if (n == 0) {
            throw ProblemException.conflict("CONCURRENT_CHANGE", "问卷刚被他人修改或已发布，请刷新后再试。");
        }
    }

    private Questionnaire mapQuestionnaire(ResultSet rs, int n) throws SQLException {
        return new Questionnaire(rs.getLong("id"), rs.getLong("owner_org_id"), RunBy.valueOf(rs.getString("run_by")),
                rs.getString("title"), rs.getInt("version_no"), (Long) rs.getObject("previous_id"),
                QuestionnaireStatus.valueOf(rs.getString("status")), json.readValue(rs.getString("questions"), QUESTIONS),
                rs.getInt("version"));
    }

    private static final String WAVE = """
            select w.*, array(select p.project_id from survey_wave_project p where p.wave_id = w.id order by 1) as projects
              from survey_wave w""";

    Optional<SurveyWave> wave(long id) {
        return jdbc.sql(WAVE + " where w.id = ?").param(id).query(SurveyRecords::wave).optional();
    }

    /** How a wave's row is held: a closing holds it alone, an answer shares it, so the two are serialised. */
    enum Lock {
        UPDATE(" for update of w"), SHARE(" for share of w");

        private final String clause;

        Lock(String clause) {
            this.clause = clause;
        }
    }

    Optional<SurveyWave> waveLocked(long id, Lock lock) {
        return jdbc.sql(WAVE + " where w.id = ?" + lock.clause).param(id).query(SurveyRecords::wave).optional();
    }

    List<SurveyWave> wavesIn(java.util.Set<String> districts) {
        return jdbc.sql(WAVE + " where w.district_code = any(?) order by w.starts_on desc, w.id desc")
                .param(districts.toArray(String[]::new)).query(SurveyRecords::wave).list();
    }

    long insert(SurveyWave w, long actorId, Instant now) {
        long id = jdbc.sql("""
                        insert into survey_wave (district_code, questionnaire_id, title, run_by, org_id, starts_on, ends_on, status,
                                                 created_by, created_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(w.districtCode(), w.questionnaireId(), w.title(), w.runBy().name(), w.orgId(), w.startsOn(), w.endsOn(),
                        WaveStatus.DRAFT.name(), actorId, Timestamp.from(now))
                .query(Long.class).single();
        w.projectIds().forEach(p -> jdbc.sql("insert into survey_wave_project (wave_id, project_id) values (?, ?)").params(id, p).update());
        return id;
    }

    static SurveyWave wave(ResultSet rs, int n) throws SQLException {
        Array projects = rs.getArray("projects");
        List<Long> ids = Arrays.stream((Object[]) projects.getArray()).map(o -> ((Number) o).longValue()).toList();
        return new SurveyWave(rs.getLong("id"), rs.getString("district_code"), rs.getLong("questionnaire_id"), rs.getString("title"),
                RunBy.valueOf(rs.getString("run_by")), rs.getLong("org_id"), rs.getObject("starts_on", LocalDate.class),
                rs.getObject("ends_on", LocalDate.class), WaveStatus.valueOf(rs.getString("status")), ids, rs.getInt("version"));
    }
}
