package cn.anju.evaluation;

import cn.anju.audit.AuditLog;
import cn.anju.audit.AuditOutcome;
import cn.anju.shared.state.StateChanges;
import org.springframework.modulith.NamedInterface;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Signed evaluation results as the public may read them (for the disclosure module): the total, the band and every
 * leaf's weight, value, curve, score and inputs' digest, and none of the free text (scoring bases, objections,
 * evidence names) or the records behind the figures. When disclosure reports the result published, the evaluation
 * becomes PUBLISHED.
 */
@NamedInterface("api")
@Service
public class EvaluationResults {

    private final EvaluationRecords records;
    private final EvaluationViews views;
    private final StateChanges changes;
    private final AuditLog audit;

    EvaluationResults(EvaluationRecords records, EvaluationViews views, StateChanges changes, AuditLog audit) {
        this.records = records;
        this.views = views;
        this.changes = changes;
        this.audit = audit;
    }

    /** A leaf as published: everything needed to recompute its score ({@code tools/evaluation-verifier}). */
    public record PublicLeaf(String code, String name, String level, String levelLabel, String kind, String measureCode, BigDecimal weight,
                             BigDecimal effectiveWeight, boolean applicable, BigDecimal target, BigDecimal floor, BigDecimal value,
                             BigDecimal percent, BigDecimal score, Number numerator, Number denominator, String unit, String inputsDigest) {
    }

    public record Result(long evaluationId, long contractId, String contractNo, long operatorId, String districtCode, String period,
                         String periodLabel, Instant signedAt, BigDecimal total, String band, int treeVersion, List<PublicLeaf> leaves) {
    }

    /** Every signed result, the oldest first. */
    public List<Result> signed() {
        return records.signed().stream().map(s -> result(s.evaluation(), s.at())).toList();
    }

    private Result result(Evaluation e, Instant at) {
        EvaluationViews.Detail d = views.detail(e);
        List<PublicLeaf> leaves = d.leaves().stream().map(l -> new PublicLeaf(l.code(), l.name(), l.level(), l.levelLabel(), l.kind(),
                l.measureCode(), l.weight(), l.effectiveWeight(), l.applicable(), l.target(), l.floor(), l.value(), l.percent(), l.score(),
                l.numerator(), l.denominator(), l.unit(), l.inputsDigest())).toList();
        return new Result(e.id(), e.contractId(), d.summary().contractNo(), e.operatorId(), e.districtCode(), e.period().code(), d.summary().periodLabel(),
                at, e.total(), e.band(), d.treeVersion(), leaves);
    }

    /** Published by disclosure: FINAL becomes PUBLISHED, once (a redelivered event, or a republished item, changes nothing). */
    @ApplicationModuleListener
    void on(EvaluationResultPublished event) {
        records.find(event.evaluationId()).filter(e -> e.status() == EvaluationStatus.FINAL).ifPresent(e ->
                changes.apply(e.published(), done -> audit.record(EvaluationAudit.EVALUATION_STATE, "evaluation", e.id(), AuditOutcome.SUCCESS,
                        Map.of("to", done.to().name(), "disclosureItem", event.itemId()))));
    }
}
