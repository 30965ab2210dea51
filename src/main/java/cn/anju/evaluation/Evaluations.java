package cn.anju.evaluation;

import cn.anju.audit.AuditLog;
import cn.anju.audit.AuditOutcome;
import cn.anju.contract.ContractStatus;
import cn.anju.contract.ContractTerms;
import cn.anju.contract.ServiceContract;
import cn.anju.identity.CurrentUser;
import cn.anju.shared.policy.PolicySettings;
import cn.anju.shared.state.StateChange;
import cn.anju.shared.state.StateChanges;
import cn.anju.shared.web.ProblemException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Opening and computing evaluations, and reading them within scope. A period is opened for a contract whose days reach
 * into it (by the district, or by the daily job once a quarter or a year has ended) and computed after its last day:
 * every computed leaf is frozen with the records behind it, in one transaction with the state change.
 */
@NamedInterface("actions")
@Service
public class Evaluations {

    static final String SETTLE_DAYS = "evaluation.compute-after-days";
    private static final Logger log = LoggerFactory.getLogger(Evaluations.class);

    private final EvaluationRecords records;
    private final FrozenMeasures frozen;
    private final ScoreRecords scores;
    private final IndicatorTrees trees;
    private final MeasureFreezer freezer;
    private final ContractTerms contracts;
    private final EvaluationScope scope;
    private final StateChanges changes;
    private final AuditLog audit;
    private final PolicySettings policy;
    private final Clock clock;

    Evaluations(EvaluationRecords records, FrozenMeasures frozen, ScoreRecords scores, IndicatorTrees trees, MeasureFreezer freezer,
                ContractTerms contracts, EvaluationScope scope, StateChanges changes, AuditLog audit, PolicySettings policy, Clock clock) {
        this.policy = policy;
        this.records = records;
        this.frozen = frozen;
        this.scores = scores;
        this.trees = trees;
        this.freezer = freezer;
        this.contracts = contracts;
        this.scope = scope;
        this.changes = changes;
        this.audit = audit;
        this.clock = clock;
    }

    public List<Evaluation> list(CurrentUser user) {
        return scope.list(user, records);
    }

    public Evaluation visible(CurrentUser user, long id) {
        return scope.visible(user, records.find(id).orElseThrow(EvaluationScope::notFound));
    }

    /** The leaves as they stand; once signed, as they were signed (never recomputed). */
    public ScoreSheet sheet(Evaluation e) {
        ScoreSheet sheet = ScoreSheet.of(records.tree(e.treeId()), frozen.all(e.id()), scores.latestScores(e.id()));
        return e.status().signed() ? sheet.asSigned(records.keptScores(e.id()), e.total(), e.band()) : sheet;
    }

    /** The district opens a contract's period by hand (the job opens ended ones by itself). */
    @Transactional
    public long open(CurrentUser user, long contractId, String periodCode) {
        ServiceContract c = contracts.contract(contractId).filter(x -> contracts.reads(user, x))
                .orElseThrow(() -> ProblemException.notFound("CONTRACT_NOT_FOUND", "服务合同不存在，或不在您的数据范围内。"));
        if (!scope.isPurchaser(user, c.districtCode())) {
            throw ProblemException.forbidden("EVALUATION_NOT_YOURS", "只有该区县住房保障部门的经办人可以办理本区县的绩效评价。");
        }
        long id = open(c, EvaluationPeriod.parse(periodCode));
        if (id < 0) {
            throw ProblemException.conflict("EVALUATION_EXISTS", "该合同" + EvaluationPeriod.parse(periodCode).label() + "的绩效评价已建立。");
        }
        return id;
    }

    /** Opens the period for the contract when their days meet; -1 when it is open already. */
    long open(ServiceContract c, EvaluationPeriod p) {
        if (c.status() == ContractStatus.DRAFT) {
            throw ProblemException.conflict("CONTRACT_NOT_SIGNED", "合同签订后方可开展绩效评价。");
        }
        if (contracts.places(c).stream().noneMatch(place -> place.within(p.from(), p.to()).isPresent())) {
            throw ProblemException.badRequest("PERIOD_OUTSIDE_CONTRACT", p.label() + "不在合同履行期内（或合同在该期间未覆盖任何项目）。");
        }
        long id = records.insert(c.id(), c.districtCode(), c.operatorId(), p, trees.current(c.id()).id());
        if (id > 0) {
            audit.record(EvaluationAudit.EVALUATION_OPEN, "evaluation", id, AuditOutcome.SUCCESS, Map.of("contractId", c.id(), "period", p.code()));
        }
        return id;
    }

    /** Freezes every computed leaf (version 1) once the period has ended. */
    public void compute(CurrentUser user, long id, Integer seenVersion) {
        Evaluation e = visible(user, id);
        scope.requirePurchaser(user, e);
        compute(e, user.id(), seenVersion);
    }

    void compute(Evaluation e, Long by, Integer seenVersion) {
        StateChange<EvaluationStatus> change = e.compute(LocalDate.now(clock), settleDays(e.districtCode()), clock.instant()).asSeen(seenVersion);
        ServiceContract c = scope.contractOf(e);
        List<ContractTerms.Place> places = contracts.places(c);
        changes.apply(change, done -> {
            for (IndicatorLeaf leaf : records.tree(e.treeId()).leaves()) {
                if (leaf.computed()) {
                    freezer.freeze(e, places, leaf, 1, by, null);
                }
            }
            audit.record(EvaluationAudit.EVALUATION_STATE, "evaluation", e.id(), AuditOutcome.SUCCESS, Map.of("to", done.to().name()));
        });
    }

    /** The days after a period's end before its figures are final (the longest deadline an on-time rate waits for). */
    int settleDays(String districtCode) {
        return policy.integer(SETTLE_DAYS, districtCode);
    }

    /**
     * The daily job's work: open and compute, for every signed contract, the last quarter (and its year, when it was
     * the fourth) whose deadlines have all passed. A contract that fails is logged and the others go on.
     */
    int computeEnded(LocalDate today) {
        int computed = 0;
        for (ServiceContract c : contracts.signedReaching(today.minusYears(1))) {
            EvaluationPeriod quarter = EvaluationPeriod.quarterOf(today.minusDays(settleDays(c.districtCode()) + 1L)).previous();
            List<EvaluationPeriod> periods = quarter.code().endsWith("Q4")
                    ? List.of(quarter, EvaluationPeriod.parse(String.valueOf(quarter.year()))) : List.of(quarter);
            for (EvaluationPeriod p : periods) {
                try {
                    if (contracts.places(c).stream().anyMatch(place -> place.within(p.from(), p.to()).isPresent())) {
                        open(c, p);
                        Evaluation e = records.find(c.id(), p.code()).orElseThrow();
                        if (e.status() == EvaluationStatus.OPEN) {
                            compute(e, null, null);
                            computed++;
                        }
                    }
                } catch (RuntimeException ex) {
                    log.warn("evaluation of contract {} for {} not computed: {}", c.id(), p.code(), ex.getMessage());
                }
            }
        }
        return computed;
    }
}
