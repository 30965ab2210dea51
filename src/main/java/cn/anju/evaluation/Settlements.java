package cn.anju.evaluation;

import cn.anju.audit.AuditLog;
import cn.anju.audit.AuditOutcome;
import cn.anju.contract.ContractLedger;
import cn.anju.contract.ContractTerms;
import cn.anju.contract.ServiceContract;
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

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Settlement by the score: drafted by the district from a signed evaluation (base fee, the score's reduction, the
 * holdback, the recorded fixed deductions; for a year the release of its quarters' holdbacks), approved by a leader who
 * did not draft it, paid by the district's finance bureau. Approval and payment are written to the contract's ledger.
 */
@NamedInterface("actions")
@Service
public class Settlements {

    private final Evaluations evaluations;
    private final SettlementRecords records;
    private final ScoreRecords scores;
    private final EvaluationScope scope;
    private final BaseFee baseFee;
    private final Evidence evidence;
    private final ContractLedger ledger;
    private final ContractTerms contracts;
    private final EvaluationRecords evaluationRecords;
    private final StateChanges changes;
    private final AuditLog audit;
    private final Clock clock;

    Settlements(Evaluations evaluations, SettlementRecords records, ScoreRecords scores, EvaluationScope scope, BaseFee baseFee,
                Evidence evidence, ContractLedger ledger, ContractTerms contracts, EvaluationRecords evaluationRecords, StateChanges changes, AuditLog audit, Clock clock) {
        this.contracts = contracts;
        this.evaluationRecords = evaluationRecords;
        this.evaluations = evaluations;
        this.records = records;
        this.scores = scores;
        this.scope = scope;
        this.baseFee = baseFee;
        this.evidence = evidence;
        this.ledger = ledger;
        this.changes = changes;
        this.audit = audit;
        this.clock = clock;
    }

    public List<Settlement> list(CurrentUser user) {
        return records.ofEvaluations(evaluations.list(user).stream().map(Evaluation::id).toList());
    }

    public Settlement visible(CurrentUser user, long id) {
        Settlement s = records.find(id).orElseThrow(Settlements::notFound);
        try {
            evaluations.visible(user, s.evaluationId());
        } catch (ProblemException hidden) {
            throw notFound();
        }
        return s;
    }

    private static ProblemException notFound() {
        return ProblemException.notFound("SETTLEMENT_NOT_FOUND", "结算单不存在，或不在您的数据范围内。");
    }

    /** A fixed deduction of the contract against the period, with its evidence, before the settlement is drafted. */
    @Transactional
    public long deduct(CurrentUser user, long evaluationId, String item, Long amountFen, Upload file) {
        Evaluation e = evaluations.visible(user, evaluationId);
        scope.requirePurchaser(user, e);
        if (records.ofEvaluation(e.id()).isPresent()) {
            throw ProblemException.conflict("SETTLEMENT_DRAFTED", "本期结算单已生成；如需增加扣款，请先作废结算单草稿。");
        }
        if (item == null || item.isBlank() || amountFen == null || amountFen <= 0) {
            throw ProblemException.badRequest("DEDUCTION_INVALID", "固定扣款须写明事项和大于0的金额（分）。");
        }
        FileStore.StoredFile stored = evidence.store(file, true, "固定扣款");
        e.requireSeen(null, evaluationRecords.touch(e)); // a draft computed at the same time fails rather than miss it
        long id = scores.deduct(e.id(), item.strip(), amountFen, stored, file.safeName("evidence"), user.id(), clock.instant());
        audit.record(EvaluationAudit.DEDUCTION_RECORD, "evaluation_deduction", id, AuditOutcome.SUCCESS, Map.of("amountFen", amountFen));
        return id;
    }

    @Transactional
    public long draft(CurrentUser user, long evaluationId) {
        Evaluation e = evaluations.visible(user, evaluationId);
        scope.requirePurchaser(user, e);
        if (!e.status().signed()) {
            throw ProblemException.conflict("EVALUATION_NOT_FINAL", "绩效评价定稿后方可结算。");
        }
        e.requireSeen(null, evaluationRecords.touch(e)); // a deduction recorded at the same time fails rather than be missed
        ServiceContract c = scope.contractOf(e);
        BaseFee.Fee fee = baseFee.of(c, e.period());
        long withheld = 0;
        if (e.period().kind() == EvaluationPeriod.Kind.YEAR) {
            requireQuartersSettled(c, e.period().year());
            withheld = records.withheld(c.id(), e.period().year());
        }
        List<SettlementMath.Deduction> deductions = scores.deductions(e.id()).stream()
                .map(d -> new SettlementMath.Deduction(d.item(), d.amountFen())).toList();
        SettlementMath.Statement statement = SettlementMath.settle(new SettlementMath.Terms(fee.fen(), fee.basis(), e.total(),
                c.paymentRule(), c.holdbackPercent(), deductions, withheld));
        try {
            long id = records.insert(e, statement, user.id(), clock.instant());
            audit.record(EvaluationAudit.SETTLEMENT_DRAFT, "settlement", id, AuditOutcome.SUCCESS, Map.of("totalFen", statement.totalFen()));
            return id;
        } catch (DuplicateKeyException dup) {
            throw ProblemException.conflict("SETTLEMENT_EXISTS", "本期结算单已生成。");
        }
    }

    /** The year's release needs every quarter's holdback known: each quarter the contract served settled (approved or paid). */
    private void requireQuartersSettled(ServiceContract c, int year) {
        List<String> settled = records.settledPeriods(c.id(), year);
        List<String> missing = new java.util.ArrayList<>();
        for (int q = 1; q <= 4; q++) {
            EvaluationPeriod p = EvaluationPeriod.parse(year + "Q" + q);
            boolean served = contracts.places(c).stream().anyMatch(place -> place.within(p.from(), p.to()).isPresent());
            if (served && !settled.contains(p.code())) {
                missing.add(p.label());
            }
        }
        if (!missing.isEmpty()) {
            throw ProblemException.conflict("QUARTERS_UNSETTLED", "年度结算须在各季度结算审批之后办理，尚未结算：" + String.join("、", missing) + "。");
        }
    }

    @Transactional
    public void discard(CurrentUser user, long id, Integer seenVersion) {
        Settlement s = visible(user, id);
        scope.requirePurchaser(user, evaluations.visible(user, s.evaluationId()));
        if (s.status() != SettlementStatus.DRAFT) {
            throw ProblemException.conflict("SETTLEMENT_NOT_DRAFT", "只能作废草稿状态的结算单。");
        }
        if (seenVersion != null && seenVersion != s.version() || !records.deleteDraft(s)) {
            throw ProblemException.conflict(StateChanges.CONCURRENT_CHANGE, "结算单刚被他人办理或修改，请刷新后再试。");
        }
    }

    /** Four eyes: a leader of the district who did not draft it; the contract's ledger records the amount settled. */
    public void approve(CurrentUser user, long id, Integer seenVersion) {
        Settlement s = visible(user, id);
        FourEyes.requireSecondPerson(user, s.districtCode(), s.preparedBy(), "结算审批");
        Evaluation e = evaluations.visible(user, s.evaluationId());
        changes.apply(s.approve(user.id(), clock.instant()).asSeen(seenVersion), done -> {
            ledger.record(user.id(), new ContractLedger.Entry(s.contractId(), ContractLedger.Kind.SETTLED, e.period().year(), s.period(),
                    s.totalFen(), e.total(), e.band(), "SETTLEMENT-" + s.id()));
            audit.record(EvaluationAudit.SETTLEMENT_STATE, "settlement", id, AuditOutcome.SUCCESS, Map.of("to", done.to().name()));
        });
    }

    /** The district's finance bureau records the payment: voucher number and day; the ledger records it paid. */
    public void pay(CurrentUser user, long id, String voucherNo, LocalDate paidOn, Integer seenVersion) {
        Settlement s = visible(user, id);
        scope.requireFinance(user, s.districtCode());
        Evaluation e = evaluations.visible(user, s.evaluationId());
        LocalDate approvedOn = records.approvedOn(s, clock.getZone());
        changes.apply(s.pay(voucherNo, paidOn, approvedOn, LocalDate.now(clock), user.id()).asSeen(seenVersion), done -> {
            ledger.record(user.id(), new ContractLedger.Entry(s.contractId(), ContractLedger.Kind.PAID, e.period().year(), s.period(),
                    s.totalFen(), null, null, voucherNo.strip()));
            audit.record(EvaluationAudit.SETTLEMENT_STATE, "settlement", id, AuditOutcome.SUCCESS, Map.of("to", done.to().name()));
        });
    }
}
