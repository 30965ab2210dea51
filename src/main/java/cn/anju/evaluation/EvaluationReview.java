package cn.anju.evaluation;

import cn.anju.audit.AuditLog;
import cn.anju.audit.AuditOutcome;
import cn.anju.contract.ContractReviews;
import cn.anju.contract.ContractTerms;
import cn.anju.identity.CurrentUser;
import cn.anju.identity.FourEyes;
import cn.anju.shared.files.FileStore;
import cn.anju.shared.files.Upload;
import cn.anju.shared.state.StateChanges;
import cn.anju.shared.web.ProblemException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The operator's review and the signature. The operator's manager objects to a leaf within the window (reasons, a
 * file) or accepts the result; the purchaser accepts an objection, which freezes the leaf again from today's records as
 * a new version (or records the corrected manual score), or rejects it with a reason. A leader of the district who
 * neither submitted nor scored signs FINAL once no objection waits and the window has closed or the operator accepted.
 */
@NamedInterface("actions")
@Service
public class EvaluationReview {

    private final Evaluations evaluations;
    private final EvaluationRecords records;
    private final ScoreRecords scores;
    private final FrozenMeasures frozen;
    private final MeasureFreezer freezer;
    private final ContractTerms contracts;
    private final ContractReviews reviews;
    private final EvaluationScope scope;
    private final Evidence evidence;
    private final StateChanges changes;
    private final AuditLog audit;
    private final Clock clock;

    EvaluationReview(Evaluations evaluations, EvaluationRecords records, ScoreRecords scores, FrozenMeasures frozen, MeasureFreezer freezer,
                     ContractTerms contracts, ContractReviews reviews, EvaluationScope scope, Evidence evidence, StateChanges changes, AuditLog audit, Clock clock) {
        this.evaluations = evaluations;
        this.records = records;
        this.scores = scores;
        this.frozen = frozen;
        this.freezer = freezer;
        this.contracts = contracts;
        this.reviews = reviews;
        this.scope = scope;
        this.evidence = evidence;
        this.changes = changes;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public long object(CurrentUser user, long id, String leafCode, String reasons, Upload file) {
        Evaluation e = evaluations.visible(user, id);
        scope.requireOperator(user, e);
        if (!e.objectionsOpen(LocalDate.now(clock))) {
            throw ProblemException.conflict("OBJECTION_WINDOW_CLOSED", e.reviewUntil() == null ? "该评价尚未送承接主体复核。"
                    : "异议期限已过（" + e.reviewUntil() + "）或已确认评价结果，不能再提出异议。");
        }
        IndicatorLeaf leaf = leaf(e, leafCode);
        if (reasons == null || reasons.isBlank()) {
            throw ProblemException.badRequest("OBJECTION_REASONS_REQUIRED", "请写明对指标「" + leaf.name() + "」的异议理由。");
        }
        if (scores.objections(id).stream().anyMatch(o -> o.leafCode().equals(leaf.code()) && o.status() != Objection.Status.RAISED)) {
            throw ProblemException.conflict("OBJECTION_DECIDED", "对指标「" + leaf.name() + "」的异议已经处理，同一指标每期只能提出一次异议。");
        }
        FileStore.StoredFile stored = evidence.store(file, false, "异议");
        e.requireSeen(null, records.touch(e)); // a leader's signature on the version before the objection now fails
        try {
            long objection = scores.object(id, leafCode, reasons.strip(), stored, file == null ? null : file.safeName("evidence"), user.id(),
                    clock.instant());
            audit.record(EvaluationAudit.OBJECTION_RAISE, "evaluation_objection", objection, AuditOutcome.SUCCESS, Map.of("leaf", leafCode));
            return objection;
        } catch (DuplicateKeyException dup) {
            throw ProblemException.conflict("OBJECTION_PENDING", "对指标「" + leaf.name() + "」的异议尚待处理，请勿重复提出。");
        }
    }

    /** Accepting: a computed leaf is frozen again (a new version, the old kept); a manual one takes {@code percent}. */
    @Transactional
    public void accept(CurrentUser user, long objectionId, String decision, BigDecimal percent) {
        Objection o = pending(user, objectionId, decision);
        Evaluation e = records.find(o.evaluationId()).orElseThrow();
        IndicatorLeaf leaf = leaf(e, o.leafCode());
        if (!leaf.computed() && (percent == null || percent.signum() < 0 || percent.compareTo(BigDecimal.valueOf(100)) > 0)) {
            throw ProblemException.badRequest("SCORE_INVALID", "采纳对人工评分指标的异议须填写更正后的得分率（0到100）。");
        }
        decide(o, e, Objection.Status.ACCEPTED, decision, user);
        String reason = "采纳异议 #" + o.id() + "：" + decision.strip();
        if (leaf.computed()) {
            int version = frozen.all(e.id()).stream().filter(m -> m.leafCode().equals(leaf.code())).mapToInt(FrozenMeasure::version).max().orElse(0) + 1;
            freezer.freeze(e, contracts.places(scope.contractOf(e)), leaf, version, user.id(), reason);
        } else {
            scores.score(e.id(), leaf.code(), percent, reason, null, null, user.id(), clock.instant());
        }
    }

    @Transactional
    public void reject(CurrentUser user, long objectionId, String decision) {
        Objection o = pending(user, objectionId, decision);
        decide(o, records.find(o.evaluationId()).orElseThrow(), Objection.Status.REJECTED, decision, user);
    }

    /** The operator's manager accepts the result: no more objections, the leader may sign before the window closes. */
    public void acceptResult(CurrentUser user, long id) {
        Evaluation e = evaluations.visible(user, id);
        scope.requireOperator(user, e);
        if (!e.objectionsOpen(LocalDate.now(clock))) {
            throw ProblemException.conflict("OBJECTION_WINDOW_CLOSED", "该评价当前不在承接主体复核期内。");
        }
        e.requireSeen(null, records.acceptByOperator(e));
        audit.record(EvaluationAudit.OPERATOR_ACCEPT, "evaluation", id, AuditOutcome.SUCCESS, Map.of());
    }

    /** FINAL under four eyes: a leader of the district who did not submit or score the evaluation. */
    public void sign(CurrentUser user, long id, Integer seenVersion) {
        Evaluation e = evaluations.visible(user, id);
        FourEyes.requireSecondPerson(user, e.districtCode(), e.submittedBy(), "绩效评价定稿");
        if (records.scorers(id).contains(user.id())) {
            throw ProblemException.forbidden(FourEyes.SAME_PERSON, "绩效评价定稿须由未参与评分的分管领导签署（四眼原则）。");
        }
        if (e.status() == EvaluationStatus.OPERATOR_REVIEW) {
            if (scores.objections(id).stream().anyMatch(o -> o.status() == Objection.Status.RAISED)) {
                throw ProblemException.conflict("OBJECTIONS_PENDING", "尚有承接主体的异议未处理，请先采纳或驳回。");
            }
            if (e.objectionsOpen(LocalDate.now(clock))) {
                throw ProblemException.conflict("REVIEW_WINDOW_OPEN", "承接主体异议期至 " + e.reviewUntil() + "，期满或其确认评价结果后方可定稿。");
            }
        }
        ScoreSheet sheet = evaluations.sheet(e);
        Optional<EvaluationPeriod> poorNeighbour = sheet.band() == Band.POOR ? poorNeighbour(e) : Optional.empty();
        boolean termination = poorNeighbour.isPresent();
        changes.apply(e.sign(sheet.result(), termination, user.id(), clock.instant()).asSeen(seenVersion), done -> {
            records.keepScores(id, sheet);
            poorNeighbour.ifPresent(other -> reviews.flagForTermination(user.id(), e.contractId(), pair(e.period(), other),
                    "连续两个季度绩效评价为「差」（" + pair(e.period(), other) + "），本季度总分 " + sheet.total().toPlainString() + " 分"));
            audit.record(EvaluationAudit.EVALUATION_STATE, "evaluation", id, AuditOutcome.SUCCESS,
                    Map.of("to", done.to().name(), "total", sheet.total(), "terminationReview", termination));
        });
    }

    /**
     * The quarter next to this one, before or after, that was signed 差 too: quarters may be signed out of order (an
     * objection holds one back), so the second of two poor quarters to be signed raises the review, whichever it is.
     */
    private Optional<EvaluationPeriod> poorNeighbour(Evaluation e) {
        if (e.period().kind() != EvaluationPeriod.Kind.QUARTER) {
            return Optional.empty();
        }
        return Stream.of(e.period().previous(), e.period().next())
                .filter(p -> records.find(e.contractId(), p.code())
                        .filter(x -> x.status().signed() && Band.POOR.label().equals(x.band())).isPresent())
                .findFirst();
    }

    private static String pair(EvaluationPeriod a, EvaluationPeriod b) {
        return a.from().isBefore(b.from()) ? a.code() + "、" + b.code() : b.code() + "、" + a.code();
    }

    private Objection pending(CurrentUser user, long objectionId, String decision) {
        ProblemException missing = ProblemException.notFound("OBJECTION_NOT_FOUND", "异议不存在，或不在您的数据范围内。");
        Objection o = scores.objection(objectionId).orElseThrow(() -> missing);
        Evaluation e = records.find(o.evaluationId()).filter(x -> scope.reads(user, x)).orElseThrow(() -> missing);
        scope.requirePurchaser(user, e);
        if (o.status() != Objection.Status.RAISED || e.status() != EvaluationStatus.OPERATOR_REVIEW) {
            throw ProblemException.conflict("OBJECTION_DECIDED", "该异议已处理（" + o.status().label() + "）。");
        }
        if (decision == null || decision.isBlank()) {
            throw ProblemException.badRequest("OBJECTION_DECISION_REQUIRED", "请写明采纳或驳回的理由。");
        }
        return o;
    }

    private void decide(Objection o, Evaluation e, Objection.Status to, String decision, CurrentUser user) {
        if (!scores.decide(o, to, decision.strip(), user.id(), clock.instant()) || !records.touch(e)) {
            throw ProblemException.conflict(StateChanges.CONCURRENT_CHANGE, "该异议刚被他人处理，请刷新后再试。");
        }
        audit.record(EvaluationAudit.OBJECTION_DECIDE, "evaluation_objection", o.id(), AuditOutcome.SUCCESS, Map.of("to", to.name()));
    }

    private IndicatorLeaf leaf(Evaluation e, String code) {
        if (code == null || code.isBlank()) {
            throw ProblemException.badRequest("INDICATOR_REQUIRED", "请选择提出异议的指标（leafCode）。");
        }
        return records.tree(e.treeId()).leaf(code)
                .orElseThrow(() -> ProblemException.notFound("INDICATOR_NOT_FOUND", "该评价没有指标「" + code + "」。"));
    }
}
