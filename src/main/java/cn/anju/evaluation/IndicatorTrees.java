package cn.anju.evaluation;

import cn.anju.audit.AuditLog;
import cn.anju.audit.AuditOutcome;
import cn.anju.contract.ContractStatus;
import cn.anju.contract.ContractTerms;
import cn.anju.contract.ServiceContract;
import cn.anju.identity.CurrentUser;
import cn.anju.identity.DistrictOfficers;
import cn.anju.shared.measure.Measure;
import cn.anju.shared.measure.Measures;
import cn.anju.shared.web.ProblemException;
import org.springframework.stereotype.Service;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * A contract's indicator trees, version by version. A contract starts from the platform's default; the district revises
 * it (a new version) as the contract's quantified targets say; a period opened earlier keeps its version.
 */
@Service
public class IndicatorTrees {

    private final EvaluationRecords records;
    private final ContractTerms contracts;
    private final Measures measures;
    private final AuditLog audit;
    private final TransactionTemplate tx;
    private final Clock clock;

    IndicatorTrees(EvaluationRecords records, ContractTerms contracts, Measures measures, AuditLog audit, TransactionTemplate tx, Clock clock) {
        this.tx = tx;
        this.records = records;
        this.contracts = contracts;
        this.measures = measures;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * The contract's latest tree; the platform's default becomes its version 1 the first time one is needed, in a
     * transaction of its own (two first readers at once: the second finds the first's).
     */
    public IndicatorTree current(long contractId) {
        return records.latestTree(contractId).orElseGet(() -> {
            try {
                tx.executeWithoutResult(s -> records.insertTree(contractId, 1, "平台默认指标体系", null, clock.instant(), IndicatorTree.defaults()));
            } catch (DuplicateKeyException raced) {
                // another request wrote version 1 first
            }
            return records.latestTree(contractId).orElseThrow();
        });
    }

    /** The platform's default tree, as a template (version 0, of no contract). */
    public IndicatorTree platformDefault() {
        return new IndicatorTree(0, 0, 0, IndicatorTree.defaults());
    }

    public List<IndicatorTree> history(CurrentUser user, long contractId) {
        readable(user, contractId);
        current(contractId);
        return records.trees(contractId);
    }

    /** A new version of the contract's tree; the weights must add up to 100 and every measure exist. */
    @Transactional
    public IndicatorTree revise(CurrentUser user, long contractId, List<IndicatorLeaf> leaves, String note) {
        ServiceContract c = readable(user, contractId);
        if (!DistrictOfficers.mayMaintain(user, c.districtCode())) {
            throw ProblemException.forbidden("EVALUATION_NOT_YOURS", "只有该区县住房保障部门的经办人可以设置本区县合同的评价指标。");
        }
        if (c.status() == ContractStatus.DRAFT) {
            throw ProblemException.conflict("CONTRACT_NOT_SIGNED", "合同签订后方可设置评价指标。");
        }
        IndicatorTree.check(leaves, code -> measures.find(code).map(Measure::definition));
        int version = current(contractId).version() + 1;
        long id;
        try {
            id = records.insertTree(contractId, version, note == null || note.isBlank() ? null : note.strip(), user.id(), clock.instant(), leaves);
        } catch (DuplicateKeyException raced) {
            throw ProblemException.conflict("CONCURRENT_CHANGE", "该合同的评价指标刚被他人修订，请刷新后再试。");
        }
        audit.record(EvaluationAudit.INDICATORS_REVISE, "indicator_tree", id, AuditOutcome.SUCCESS,
                Map.of("contractId", contractId, "version", version));
        return records.tree(id);
    }

    private ServiceContract readable(CurrentUser user, long contractId) {
        return contracts.contract(contractId).filter(c -> contracts.reads(user, c))
                .orElseThrow(() -> ProblemException.notFound("CONTRACT_NOT_FOUND", "服务合同不存在，或不在您的数据范围内。"));
    }
}
