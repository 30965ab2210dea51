package cn.anju.survey;

import org.springframework.modulith.NamedInterface;
import cn.anju.audit.AuditLog;
import cn.anju.audit.AuditOutcome;
import cn.anju.identity.CurrentUser;
import cn.anju.shared.state.StateChanges;
import org.springframework.dao.DuplicateKeyException;
import cn.anju.shared.web.ProblemException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.List;
import java.util.Map;

/** Writing questionnaires: an organisation's authors draft, edit and publish its own; a published version is frozen. */
@NamedInterface("actions")
@Service
public class QuestionnaireAuthoring {

    private final SurveyRecords records;
    private final SurveyScope scope;
    private final StateChanges changes;
    private final AuditLog audit;
    private final Clock clock;

    QuestionnaireAuthoring(SurveyRecords records, SurveyScope scope, StateChanges changes, AuditLog audit, Clock clock) {
        this.records = records;
        this.scope = scope;
        this.changes = changes;
        this.audit = audit;
        this.clock = clock;
    }

    /** What an author sends: the title and the questions in order (codes are assigned, never sent). */
    @NamedInterface("actions")
    public record Draft(String title, List<Question> questions) {
    }

    @Transactional
    public long create(CurrentUser user, Draft draft) {
        RunBy runBy = scope.authorAs(user);
        Questionnaire q = Questionnaire.draft(user.organisationId(), runBy, draft.title(), draft.questions());
        long id = records.insert(q, user.id(), clock.instant());
        audit.record(SurveyAudit.QUESTIONNAIRE_SAVE, "questionnaire", id, AuditOutcome.SUCCESS, Map.of("versionNo", 1));
        return id;
    }

    /** Edits a draft in place, or drafts the next version of a published one; answers the id of what was saved. */
    @Transactional
    public long revise(CurrentUser user, long id, Draft draft) {
        Questionnaire q = own(user, id);
        if (q.status() == QuestionnaireStatus.PUBLISHED && records.superseded(id)) {
            throw ProblemException.conflict("QUESTIONNAIRE_SUPERSEDED", "该版本已有新版本，请修改最新版本。");
        }
        Questionnaire revised = q.revise(draft.title(), draft.questions());
        long saved;
        if (revised == q) {
            records.updateDraft(q);
            saved = id;
        } else {
            try {
                saved = records.insert(revised, user.id(), clock.instant());
            } catch (DuplicateKeyException raced) { // another edit of the same version drafted its successor first
                throw ProblemException.conflict("QUESTIONNAIRE_SUPERSEDED", "该版本刚被他人修改并生成了新版本，请修改最新版本。");
            }
        }
        audit.record(SurveyAudit.QUESTIONNAIRE_SAVE, "questionnaire", saved, AuditOutcome.SUCCESS, Map.of("versionNo", revised.versionNo()));
        return saved;
    }

    @Transactional
    public void publish(CurrentUser user, long id, Integer seenVersion) {
        Questionnaire q = own(user, id);
        changes.apply(q.publish(clock.instant()).asSeen(seenVersion), c -> audit.record(SurveyAudit.QUESTIONNAIRE_PUBLISH,
                "questionnaire", id, AuditOutcome.SUCCESS, Map.of("versionNo", q.versionNo())));
    }

    /** The user's organisation's questionnaire, or 404: another organisation's is not even shown to exist. */
    Questionnaire own(CurrentUser user, long id) {
        scope.authorAs(user);
        return records.questionnaire(id).filter(q -> user.organisationId() != null && q.ownerOrgId() == user.organisationId())
                .orElseThrow(() -> ProblemException.notFound("QUESTIONNAIRE_NOT_FOUND", "问卷不存在，或不是本单位的问卷。"));
    }

    public List<Questionnaire> mine(CurrentUser user) {
        scope.authorAs(user);
        return records.questionnairesOf(user.organisationId());
    }

    public Questionnaire show(CurrentUser user, long id) {
        return own(user, id);
    }

    /** Whether the user writes questionnaires and runs waves: the pages offer the builder and the set-up only then. */
    public boolean authors(CurrentUser user) {
        return scope.author(user).isPresent();
    }
}
