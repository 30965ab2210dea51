package cn.anju.survey;

import cn.anju.shared.state.Column;
import cn.anju.shared.state.StateChange;
import cn.anju.shared.state.StateTable;
import cn.anju.shared.web.ProblemException;

import java.time.Instant;
import java.util.List;

/**
 * One version of a questionnaire. A draft is edited in place; a published version is frozen, so the waves that asked
 * it keep exactly its questions, and editing it drafts the next version.
 */
public final class Questionnaire {

    static final StateTable<QuestionnaireStatus> TABLE = StateTable.of("questionnaire", "status", QuestionnaireStatus.class, "问卷");
    static final Column<Instant> PUBLISHED_AT = Column.of("published_at", Instant.class);

    private final Long id;
    private final long ownerOrgId;
    private final RunBy runBy;
    private String title;
    private final int versionNo;
    private final Long previousId;
    private final QuestionnaireStatus status;
    private List<Question> questions;
    private final int version;

    Questionnaire(Long id, long ownerOrgId, RunBy runBy, String title, int versionNo, Long previousId,
                  QuestionnaireStatus status, List<Question> questions, int version) {
        this.id = id;
        this.ownerOrgId = ownerOrgId;
        this.runBy = runBy;
        this.title = title;
        this.versionNo = versionNo;
        this.previousId = previousId;
        this.status = status;
        this.questions = List.copyOf(questions);
        this.version = version;
    }

    static Questionnaire draft(long ownerOrgId, RunBy runBy, String title, List<Question> written) {
        return new Questionnaire(null, ownerOrgId, runBy, checkedTitle(title), 1, null, QuestionnaireStatus.DRAFT,
                Question.numbered(written), 0);
    }

    /** The edit: a draft takes it in place; a published version stays as it was and the edit becomes the next draft. */
    Questionnaire revise(String newTitle, List<Question> written) {
        if (status == QuestionnaireStatus.DRAFT) {
            this.title = checkedTitle(newTitle);
            this.questions = Question.numbered(written);
            return this;
        }
        return new Questionnaire(null, ownerOrgId, runBy, checkedTitle(newTitle), versionNo + 1, id, QuestionnaireStatus.DRAFT,
                Question.numbered(written), 0);
    }

    StateChange<QuestionnaireStatus> publish(Instant now) {
        return TABLE.change(id, version, status, QuestionnaireStatus.PUBLISHED, PUBLISHED_AT.set(now));
    }

    private static String checkedTitle(String title) {
        String t = title == null ? "" : title.strip();
        if (t.isEmpty() || t.length() > 100) {
            throw ProblemException.badRequest("QUESTIONNAIRE_TITLE", "请填写问卷名称（1 至 100 个字）。");
        }
        return t;
    }

    public Long id() {
        return id;
    }

    public long ownerOrgId() {
        return ownerOrgId;
    }

    public RunBy runBy() {
        return runBy;
    }

    public String title() {
        return title;
    }

    public int versionNo() {
        return versionNo;
    }

    public Long previousId() {
        return previousId;
    }

    public QuestionnaireStatus status() {
        return status;
    }

    public List<Question> questions() {
        return questions;
    }

    public int version() {
        return version;
    }
}
