package cn.anju.evaluation;

import cn.anju.audit.AuditLog;
import cn.anju.audit.AuditOutcome;
import cn.anju.identity.CurrentUser;
import cn.anju.shared.calendar.WorkingDays;
import cn.anju.shared.files.FileStore;
import cn.anju.shared.files.Upload;
import cn.anju.shared.policy.PolicySettings;
import cn.anju.shared.state.StateChange;
import cn.anju.shared.state.StateChanges;
import cn.anju.shared.web.ProblemException;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;

/**
 * Scoring the manual leaves (the purchaser its own, the engaged evaluator its own, each with a written basis and
 * optional evidence), submitting the scores, and sending the result to the operator for review with its deadline in
 * working days. The operator never scores: the role gate and {@link EvaluationScope} refuse it.
 */
@NamedInterface("actions")
@Service
public class EvaluationScoring {

    static final String OBJECTION_DAYS = "evaluation.objection-working-days";

    private final Evaluations evaluations;
    private final EvaluationRecords records;
    private final ScoreRecords scores;
    private final EvaluationScope scope;
    private final Evidence evidence;
    private final StateChanges changes;
    private final WorkingDays workingDays;
    private final PolicySettings policy;
    private final AuditLog audit;
    private final Clock clock;

    EvaluationScoring(Evaluations evaluations, EvaluationRecords records, ScoreRecords scores, EvaluationScope scope, Evidence evidence,
                      StateChanges changes, WorkingDays workingDays, PolicySettings policy, AuditLog audit, Clock clock) {
        this.evaluations = evaluations;
        this.records = records;
        this.scores = scores;
        this.scope = scope;
        this.evidence = evidence;
        this.changes = changes;
        this.workingDays = workingDays;
        this.policy = policy;
        this.audit = audit;
        this.clock = clock;
    }

    /** A manual leaf's score, 0-100 % of the leaf, by its scorer, while the period is being scored. */
    @Transactional
    public void score(CurrentUser user, long id, String leafCode, BigDecimal percent, String basis, Upload file, Integer seenVersion) {
        Evaluation e = evaluations.visible(user, id);
        IndicatorLeaf leaf = records.tree(e.treeId()).leaf(leafCode)
                .orElseThrow(() -> ProblemException.notFound("INDICATOR_NOT_FOUND", "该评价没有指标「" + leafCode + "」。"));
        if (leaf.computed()) {
            throw ProblemException.badRequest("INDICATOR_COMPUTED", "指标「" + leaf.name() + "」由平台根据业务记录计算，不能人工评分；如有异议请走异议程序。");
        }
        if (leaf.scorer() == Scorer.PURCHASER) {
            scope.requirePurchaser(user, e);
        } else {
            scope.requireEvaluator(user, e);
        }
        if (e.status() != EvaluationStatus.COMPUTED) {
            throw ProblemException.conflict("SCORING_CLOSED", "绩效评价当前为“" + e.status().label() + "”，只有“评分中”时可以评分。");
        }
        if (percent == null || percent.signum() < 0 || percent.compareTo(BigDecimal.valueOf(100)) > 0 || percent.stripTrailingZeros().scale() > 2) {
            throw ProblemException.badRequest("SCORE_INVALID", "得分率须在0到100之间（最多两位小数）。");
        }
        if (basis == null || basis.isBlank()) {
            throw ProblemException.badRequest("SCORE_BASIS_REQUIRED", "请写明评分依据。");
        }
        FileStore.StoredFile stored = evidence.store(file, false, "评分");
        e.requireSeen(seenVersion, records.touch(e));
        scores.score(id, leafCode, percent, basis.strip(), stored, file == null ? null : file.safeName("evidence"), user.id(), clock.instant());
        audit.record(EvaluationAudit.EVALUATION_SCORE, "evaluation", id, AuditOutcome.SUCCESS, Map.of("leaf", leafCode, "percent", percent));
    }

    /** The purchaser submits when every manual leaf has a score. */
    public void submit(CurrentUser user, long id, Integer seenVersion) {
        Evaluation e = evaluations.visible(user, id);
        scope.requirePurchaser(user, e);
        var missing = evaluations.sheet(e).unscored();
        if (e.status() == EvaluationStatus.COMPUTED && !missing.isEmpty()) {
            throw ProblemException.conflict("SCORES_MISSING", "以下指标尚未评分：" + String.join("、", missing) + "。");
        }
        apply(e, e.submitScores(user.id()).asSeen(seenVersion));
    }

    /** Back to scoring before the operator has seen it (a score to correct). */
    public void reopen(CurrentUser user, long id, Integer seenVersion) {
        Evaluation e = evaluations.visible(user, id);
        scope.requirePurchaser(user, e);
        apply(e, e.reopenScoring().asSeen(seenVersion));
    }

    /** Sends the scored result to the operator, who may object within the configured working days. */
    public void sendForReview(CurrentUser user, long id, Integer seenVersion) {
        Evaluation e = evaluations.visible(user, id);
        scope.requirePurchaser(user, e);
        LocalDate until = workingDays.plusWorkingDays(LocalDate.now(clock), policy.integer(OBJECTION_DAYS, e.districtCode()));
        apply(e, e.sendForReview(until).asSeen(seenVersion));
    }

    private void apply(Evaluation e, StateChange<EvaluationStatus> change) {
        changes.apply(change, done -> audit.record(EvaluationAudit.EVALUATION_STATE, "evaluation", e.id(), AuditOutcome.SUCCESS,
                Map.of("to", done.to().name())));
    }
}
