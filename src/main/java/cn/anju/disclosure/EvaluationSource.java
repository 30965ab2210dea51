package cn.anju.disclosure;

import cn.anju.evaluation.EvaluationResults;
import cn.anju.identity.IdentityQueries;
import cn.anju.shared.Districts;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Evaluation results (绩效评价结果): the contract, the period, the total, the band and every leaf with its weight, effective
 * weight, value, curve and score and the digest of its inputs, so anyone can recompute the total
 * ({@code tools/evaluation-verifier}). Final on the day it was signed.
 */
@Component
class EvaluationSource implements DisclosureSource {

    private final EvaluationResults results;
    private final IdentityQueries identity;
    private final Districts districts;
    private final Clock clock;

    EvaluationSource(EvaluationResults results, IdentityQueries identity, Districts districts, Clock clock) {
        this.results = results;
        this.identity = identity;
        this.districts = districts;
        this.clock = clock;
    }

    @Override
    public DisclosureType type() {
        return DisclosureType.EVALUATION;
    }

    @Override
    public List<DisclosureDraft> drafts() {
        List<EvaluationResults.Result> signed = results.signed();
        Map<Long, String> operators = identity.organisationNames(signed.stream().map(EvaluationResults.Result::operatorId)
                .collect(java.util.stream.Collectors.toSet()));
        return signed.stream().map(r -> {
            Map<String, Object> content = new LinkedHashMap<>();
            content.put("contractNo", r.contractNo());
            content.put("district", districts.nameOf(r.districtCode()));
            content.put("operator", operators.getOrDefault(r.operatorId(), ""));
            content.put("period", r.period());
            content.put("periodLabel", r.periodLabel());
            content.put("treeVersion", r.treeVersion());
            content.put("total", r.total());
            content.put("band", r.band());
            content.put("leaves", r.leaves());
            String title = districts.nameOf(r.districtCode()) + " " + r.periodLabel() + "公租房运营服务绩效评价结果（" + r.contractNo() + "）";
            return new DisclosureDraft(DisclosureType.EVALUATION, r.evaluationId(), r.districtCode(), title,
                    r.signedAt().atZone(clock.getZone()).toLocalDate(), content);
        }).toList();
    }
}
