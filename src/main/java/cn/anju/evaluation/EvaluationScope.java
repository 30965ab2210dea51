package cn.anju.evaluation;

import cn.anju.contract.ContractTerms;
import cn.anju.contract.ServiceContract;
import cn.anju.identity.CurrentUser;
import cn.anju.identity.DataScope;
import cn.anju.identity.DataScopes;
import cn.anju.identity.DistrictOfficers;
import cn.anju.identity.OrganisationType;
import cn.anju.shared.Role;
import cn.anju.shared.web.ProblemException;
import org.springframework.stereotype.Component;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Who reads and who does what in an evaluation. Reading follows the contract (its district's government and finance,
 * the city, its operator's manager while the contract is open to it) and the evaluator's engagement (its districts, or
 * the contracts covering its projects). The district's housing officers prepare and score the purchaser's leaves, the
 * engaged evaluator scores its own, the operator's manager objects, a leader who did not score signs, the district's
 * finance bureau records the payment.
 */
@Component
class EvaluationScope {

    private final ContractTerms contracts;
    private final DataScopes scopes;

    EvaluationScope(ContractTerms contracts, DataScopes scopes) {
        this.contracts = contracts;
        this.scopes = scopes;
    }

    ServiceContract contractOf(Evaluation e) {
        return contracts.contract(e.contractId()).orElseThrow();
    }

    boolean reads(CurrentUser user, Evaluation e) {
        ServiceContract c = contractOf(e);
        return contracts.reads(user, c) || engaged(user, e, c);
    }

    Evaluation visible(CurrentUser user, Evaluation e) {
        if (!reads(user, e)) {
            throw notFound();
        }
        return e;
    }

    static ProblemException notFound() {
        return ProblemException.notFound("EVALUATION_NOT_FOUND", "绩效评价不存在，或不在您的数据范围内。");
    }

    /** The evaluations a user may list, from the candidates of its districts, contracts or engagements. */
    List<Evaluation> list(CurrentUser user, EvaluationRecords records) {
        if (user.organisationType() == OrganisationType.OPERATOR && user.has(Role.OPERATOR_MANAGER)) {
            return records.ofOperator(user.organisationId()).stream().filter(e -> reads(user, e)).toList();
        }
        if (scopes.of(user) instanceof DataScope.Evaluator ev) {
            Set<String> candidate = new HashSet<>(ev.wholeDistricts());
            candidate.addAll(ev.projectDistricts());
            return records.where(candidate).stream().filter(e -> reads(user, e)).toList();
        }
        return records.where(contracts.districtsRead(user));
    }

    private boolean engaged(CurrentUser user, Evaluation e, ServiceContract c) {
        if (!(scopes.of(user) instanceof DataScope.Evaluator ev)) {
            return false;
        }
        return ev.wholeDistricts().contains(e.districtCode()) || contracts.places(c).stream()
                .anyMatch(p -> p.projectId() == null ? ev.projectDistricts().contains(p.districtCode()) : ev.projectIds().contains(p.projectId()));
    }

    /** The district's housing officers (or the city's administrators): they open, compute, score and send for review. */
    void requirePurchaser(CurrentUser user, Evaluation e) {
        if (!DistrictOfficers.mayMaintain(user, e.districtCode())) {
            throw ProblemException.forbidden("EVALUATION_NOT_YOURS", "只有该区县住房保障部门的经办人可以办理本区县的绩效评价。");
        }
    }

    boolean isPurchaser(CurrentUser user, String districtCode) {
        return DistrictOfficers.mayMaintain(user, districtCode);
    }

    /** An evaluator's user engaged for the evaluation's district or one of its contract's projects. */
    void requireEvaluator(CurrentUser user, Evaluation e) {
        if (!user.has(Role.EVALUATOR) || !engaged(user, e, contractOf(e))) {
            throw ProblemException.forbidden("EVALUATOR_NOT_ENGAGED", "第三方评分须由受托对该区县（项目）开展测评的评估机构人员填写。");
        }
    }

    /** The manager of the evaluated operator: only it objects or accepts the result. */
    void requireOperator(CurrentUser user, Evaluation e) {
        if (user.organisationType() != OrganisationType.OPERATOR || !user.has(Role.OPERATOR_MANAGER)
                || user.organisationId() == null || user.organisationId() != e.operatorId()) {
            throw ProblemException.forbidden("OBJECTION_NOT_YOURS", "只有被评价的承接主体负责人可以对评价结果提出异议或确认。");
        }
    }

    /** The district's finance bureau: it records the payment of a settlement. */
    void requireFinance(CurrentUser user, String districtCode) {
        if (!user.has(Role.FINANCE) || user.organisationType() != OrganisationType.DISTRICT_FINANCE || !districtCode.equals(user.regionCode())) {
            throw ProblemException.forbidden("PAYMENT_NOT_YOURS", "结算支付只能由本区县财政局的财政人员登记。");
        }
    }
}
