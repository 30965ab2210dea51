package cn.anju.survey;

import cn.anju.shared.state.Column;
import cn.anju.shared.state.StateChange;
import cn.anju.shared.state.StateTable;
import cn.anju.shared.web.ProblemException;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A wave: one published questionnaire version sent to every household holding an active lease in the chosen projects
 * of one district on its start date, answered within its window. It opens on or after its start date and closes
 * when its window ends (or earlier, by its organiser).
 */
public record SurveyWave(Long id, String districtCode, long questionnaireId, String title, RunBy runBy, long orgId,
                         LocalDate startsOn, LocalDate endsOn, WaveStatus status, List<Long> projectIds, int version) {

    static final StateTable<WaveStatus> TABLE = StateTable.of("survey_wave", "status", WaveStatus.class, "调查波次");
    static final Column<Instant> OPENED_AT = Column.of("opened_at", Instant.class);
    static final Column<Instant> CLOSED_AT = Column.of("closed_at", Instant.class);

    public SurveyWave {
        projectIds = List.copyOf(projectIds);
    }

    static SurveyWave draft(String districtCode, Questionnaire questionnaire, String title, long orgId, LocalDate startsOn,
                            LocalDate endsOn, List<Long> projectIds, LocalDate today) {
        if (questionnaire.status() != QuestionnaireStatus.PUBLISHED) {
            throw ProblemException.conflict("QUESTIONNAIRE_NOT_PUBLISHED", "问卷“" + questionnaire.title() + "”尚未发布，发布后才能用于调查。");
        }
        String t = title == null ? "" : title.strip();
        if (t.isEmpty() || t.length() > 100) {
            throw ProblemException.badRequest("SURVEY_WAVE_TITLE", "请填写调查名称（1 至 100 个字）。");
        }
        if (startsOn == null || endsOn == null || endsOn.isBefore(startsOn)) {
            throw ProblemException.badRequest("SURVEY_WAVE_WINDOW", "请填写调查的开始和结束日期，结束不早于开始。");
        }
        if (endsOn.isBefore(today)) {
            throw ProblemException.badRequest("SURVEY_WAVE_WINDOW", "调查结束日期不能早于今天（" + today + "）。");
        }
        if (projectIds == null || projectIds.isEmpty()) {
            throw ProblemException.badRequest("SURVEY_WAVE_PROJECTS", "请至少选择一个项目。");
        }
        return new SurveyWave(null, districtCode, questionnaire.id(), t, questionnaire.runBy(), orgId, startsOn, endsOn,
                WaveStatus.DRAFT, projectIds.stream().distinct().sorted().toList(), 0);
    }

    /** Opening sends the tokens: only within the window, so the households are those of a day that has come. */
    StateChange<WaveStatus> open(LocalDate today, Instant now) {
        if (status == WaveStatus.DRAFT && (today.isBefore(startsOn) || today.isAfter(endsOn))) {
            throw ProblemException.conflict("SURVEY_WAVE_WINDOW", "调查期为 " + startsOn + " 至 " + endsOn + "，只能在调查期内开始。");
        }
        return TABLE.change(id, version, status, WaveStatus.OPEN, OPENED_AT.set(now));
    }

    StateChange<WaveStatus> close(Instant now) {
        return TABLE.change(id, version, status, WaveStatus.CLOSED, CLOSED_AT.set(now));
    }

    /** Whether an answer is taken today: open, and within the window. */
    boolean takesAnswersOn(LocalDate day) {
        return status == WaveStatus.OPEN && !day.isBefore(startsOn) && !day.isAfter(endsOn);
    }
}
