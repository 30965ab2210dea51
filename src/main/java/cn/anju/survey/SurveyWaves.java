package cn.anju.survey;

import org.springframework.modulith.NamedInterface;
import cn.anju.audit.AuditLog;
import cn.anju.audit.AuditOutcome;
import cn.anju.household.HouseholdQueries;
import cn.anju.housing.HousingStock;
import cn.anju.identity.CurrentUser;
import cn.anju.lease.LeaseFacts;
import cn.anju.notification.Notifications;
import cn.anju.shared.state.StateChanges;
import cn.anju.shared.web.ProblemException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Setting up, opening and closing waves. Opening finds the households holding an active lease in the wave's projects
 * on its start date, gives each one token and invites it on every channel it can be reached on; closing first writes
 * every waiting answer, so a closed wave's results are complete.
 */
@NamedInterface("actions")
@Service
public class SurveyWaves {

    private final SurveyRecords records;
    private final SurveyScope scope;
    private final LeaseFacts leases;
    private final HousingStock housing;
    private final HouseholdQueries households;
    private final Notifications notifications;
    private final SurveyTokens tokens;
    private final AnswerBatches batches;
    private final StateChanges changes;
    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Clock clock;
    private final TransactionTemplate tx;

    SurveyWaves(SurveyRecords records, SurveyScope scope, LeaseFacts leases, HousingStock housing, HouseholdQueries households,
                Notifications notifications, SurveyTokens tokens, AnswerBatches batches, StateChanges changes, JdbcClient jdbc,
                AuditLog audit, Clock clock, TransactionTemplate tx) {
        this.records = records;
        this.scope = scope;
        this.leases = leases;
        this.housing = housing;
        this.households = households;
        this.notifications = notifications;
        this.tokens = tokens;
        this.batches = batches;
        this.changes = changes;
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
        this.tx = tx;
    }

    @NamedInterface("actions")
    public record NewWave(Long questionnaireId, String title, String districtCode, List<Long> projectIds, LocalDate startsOn,
                          LocalDate endsOn) {
    }

    @Transactional
    public long create(CurrentUser user, NewWave command) {
        scope.authorAs(user);
        Questionnaire q = records.questionnaire(command.questionnaireId() == null ? -1 : command.questionnaireId())
                .filter(x -> x.ownerOrgId() == user.organisationId())
                .orElseThrow(() -> ProblemException.badRequest("QUESTIONNAIRE_NOT_FOUND", "请选择本单位已发布的问卷。"));
        String district = command.districtCode();
        for (Long p : command.projectIds() == null ? List.<Long>of() : command.projectIds()) {
            if (p == null || !housing.projectDistrict(p).map(d -> d.equals(district)).orElse(false)) {
                throw ProblemException.badRequest("SURVEY_WAVE_PROJECTS", "所选项目须都属于所选区县。");
            }
            if (!scope.maySurvey(user, district, p)) {
                throw ProblemException.forbidden("SURVEY_PROJECT_NOT_YOURS", "所选项目不在您的调查范围内（本区县、受托测评的项目或承接的项目）。");
            }
        }
        SurveyWave wave = SurveyWave.draft(district, q, command.title(), user.organisationId(), command.startsOn(),
                command.endsOn(), command.projectIds(), LocalDate.now(clock));
        long id = records.insert(wave, user.id(), clock.instant());
        audit.record(SurveyAudit.SURVEY_WAVE_CREATE, "survey_wave", id, AuditOutcome.SUCCESS,
                Map.of("projects", wave.projectIds().size(), "runBy", wave.runBy().name()));
        return id;
    }

    /** Opens the wave: one token per household of the start date, invitations queued; answers how many were sent. */
    @Transactional
    public int open(CurrentUser user, long id, Integer seenVersion) {
        SurveyWave wave = runBy(user, id);
        changes.apply(wave.open(LocalDate.now(clock), clock.instant()).asSeen(seenVersion), c -> {
        });
        List<LeaseFacts.Tenancy> targets = leases.activeOn(wave.projectIds(), wave.startsOn());
        for (LeaseFacts.Tenancy t : targets) {
            String token = tokens.token(id, t.householdId());
            jdbc.sql("insert into survey_token (wave_id, project_id, household_id, token_digest) values (?, ?, ?, ?)")
                    .params(id, t.projectId(), t.householdId(), tokens.digest(token)).update();
            households.headMemberId(t.householdId()).ifPresent(head -> notifications.notify("household_member", head,
                    "SURVEY_INVITATION", Map.of("title", wave.title(), "endsOn", wave.endsOn().toString(), "link", tokens.link(token))));
        }
        Map<Long, Long> perProject = targets.stream().collect(Collectors.groupingBy(LeaseFacts.Tenancy::projectId, Collectors.counting()));
        for (Long p : wave.projectIds()) {
            jdbc.sql("update survey_wave_project set households = ? where wave_id = ? and project_id = ?")
                    .params(perProject.getOrDefault(p, 0L).intValue(), id, p).update();
        }
        audit.record(SurveyAudit.SURVEY_WAVE_OPEN, "survey_wave", id, AuditOutcome.SUCCESS, Map.of("households", targets.size()));
        return targets.size();
    }

    /** Closes the wave after writing every waiting answer. */
    public void close(CurrentUser user, long id, Integer seenVersion) {
        SurveyWave wave = runBy(user, id);
        closeWave(wave, seenVersion);
    }

    /** Closes a wave whose window has ended (the nightly job), without a user. */
    void closeEnded(SurveyWave wave) {
        closeWave(wave, null);
    }

    /**
     * In one transaction holding the wave's row: no answer can be taken meanwhile (a submission holds the row shared),
     * every waiting answer is written, then the wave closes; nothing is left waiting on a closed wave.
     */
    private void closeWave(SurveyWave seen, Integer seenVersion) {
        tx.executeWithoutResult(status -> {
            SurveyWave wave = records.waveLocked(seen.id(), SurveyRecords.Lock.UPDATE).orElseThrow();
            var change = wave.close(clock.instant()).asSeen(seenVersion == null ? seen.version() : seenVersion);
            batches.flush(wave.id(), true);
            changes.apply(change, c -> audit.record(SurveyAudit.SURVEY_WAVE_CLOSE, "survey_wave", wave.id(), AuditOutcome.SUCCESS, Map.of()));
        });
        batches.sweep();
    }

    /** A wave the user's organisation runs, or 404 when the user cannot see it, 403 when it only sees it. */
    SurveyWave runBy(CurrentUser user, long id) {
        SurveyWave wave = visible(user, id);
        if (!scope.runs(user, wave)) {
            throw ProblemException.forbidden("SURVEY_WAVE_NOT_YOURS", "只有组织该调查的单位可以办理此项。");
        }
        return wave;
    }

    public SurveyWave visible(CurrentUser user, long id) {
        return records.wave(id).filter(w -> scope.sees(user, w))
                .orElseThrow(() -> ProblemException.notFound("SURVEY_WAVE_NOT_FOUND", "调查不存在，或不在您的数据范围内。"));
    }

    public List<SurveyWave> list(CurrentUser user, WaveStatus status) {
        return records.wavesIn(scope.candidateDistricts(user)).stream()
                .filter(w -> scope.sees(user, w) && (status == null || w.status() == status)).toList();
    }

    /** Whether the user's organisation runs the wave (opens, closes, prints it): the pages offer those actions then. */
    public boolean runs(CurrentUser user, SurveyWave wave) {
        return scope.runs(user, wave);
    }

    /** The districts the user may send a wave into (with at least one project it may survey), by code. */
    public List<String> districtsToSurvey(CurrentUser user) {
        return scope.candidateDistricts(user).stream().sorted().filter(d -> !projectsToSurvey(user, d).isEmpty()).toList();
    }

    /** The district's projects the user may send a wave to (id → name), for the set-up's checkboxes. */
    public Map<Long, String> projectsToSurvey(CurrentUser user, String districtCode) {
        Map<Long, String> projects = new LinkedHashMap<>();
        housing.projectsIn(districtCode).forEach((id, name) -> {
            if (scope.maySurvey(user, districtCode, id)) {
                projects.put(id, name);
            }
        });
        return projects;
    }
}
