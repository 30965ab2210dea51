package cn.anju.evaluation;

import cn.anju.audit.AuditLog;
import cn.anju.audit.AuditOutcome;
import cn.anju.contract.ContractTerms;
import cn.anju.contract.ServiceContract;
import cn.anju.shared.state.StateChanges;
import org.springframework.modulith.NamedInterface;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
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
    private final SettlementRecords settlements;
    private final ContractTerms contracts;
    private final Clock clock;
    private final EvaluationViews views;
    private final StateChanges changes;
    private final AuditLog audit;

    EvaluationResults(EvaluationRecords records, SettlementRecords settlements, ContractTerms contracts, Clock clock, EvaluationViews views,
                      StateChanges changes, AuditLog audit) {
        this.records = records;
        this.settlements = settlements;
        this.contracts = contracts;
        this.clock = clock;
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

    /** A settlement as the public may read it: its signed lines (fees positive, deductions and holdbacks negative) and total. */
    public record PublicSettlement(long settlementId, long contractId, String contractNo, long operatorId, String districtCode,
                                   String period, String periodLabel, LocalDate approvedOn, String statusLabel, BigDecimal total,
                                   List<PublicLine> lines) {
    }

    public record PublicLine(String kind, String label, String basis, BigDecimal amount) {
    }

    /** Every approved (or paid) settlement, the oldest first. */
    public List<PublicSettlement> settled() {
        return settlements.approved().stream().map(s -> {
            var contract = contracts.contract(s.contractId()); // read once for its number and operator
            return new PublicSettlement(s.id(), s.contractId(), contract.map(ServiceContract::contractNo).orElse(""),
                contract.map(ServiceContract::operatorId).orElse(0L), s.districtCode(), s.period(),
                EvaluationPeriod.parse(s.period()).label(), settlements.approvedOn(s, clock.getZone()), s.status().label(),
                BigDecimal.valueOf(s.totalFen(), 2), s.lines().stream().map(l -> new PublicLine(l.kind().label(), l.label(), l.basis(),
                        BigDecimal.valueOf(l.amountFen(), 2))).toList());
        }).toList();
    }

    /** Published by disclosure: FINAL becomes PUBLISHED, once (a redelivered event, or a republished item, changes nothing). */
    @ApplicationModuleListener
    void on(EvaluationResultPublished event) {
        records.find(event.evaluationId()).filter(e -> e.status() == EvaluationStatus.FINAL).ifPresent(e ->
                changes.apply(e.published(), done -> audit.record(EvaluationAudit.EVALUATION_STATE, "evaluation", e.id(), AuditOutcome.SUCCESS,
                        Map.of("to", done.to().name(), "disclosureItem", event.itemId()))));
    }
}
