package cn.anju.disclosure;

import cn.anju.evaluation.EvaluationResults;
import cn.anju.identity.IdentityQueries;
import cn.anju.shared.Districts;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Settlements (服务费结算): what the operator is paid for a period and why, line by line (base fee, the reduction by
 * score, each fixed deduction, the holdback), the lines adding up to the total. Final on the day it was approved.
 */
@Component
class SettlementSource implements DisclosureSource {

    private final EvaluationResults results;
    private final IdentityQueries identity;
    private final Districts districts;

    SettlementSource(EvaluationResults results, IdentityQueries identity, Districts districts) {
        this.results = results;
        this.identity = identity;
        this.districts = districts;
    }

    @Override
    public DisclosureType type() {
        return DisclosureType.SETTLEMENT;
    }

    @Override
    public List<DisclosureDraft> drafts() {
        List<EvaluationResults.PublicSettlement> settled = results.settled().stream().filter(s -> s.approvedOn() != null).toList();
        Map<Long, String> operators = identity.organisationNames(settled.stream().map(EvaluationResults.PublicSettlement::operatorId)
                .collect(Collectors.toSet()));
        return settled.stream().map(s -> {
            Map<String, Object> content = new LinkedHashMap<>();
            content.put("contractNo", s.contractNo());
            content.put("district", districts.nameOf(s.districtCode()));
            content.put("operator", operators.getOrDefault(s.operatorId(), ""));
            content.put("periodLabel", s.periodLabel());
            content.put("approvedOn", s.approvedOn().toString());
            content.put("totalYuan", s.total());
            content.put("lines", s.lines().stream().map(l -> l.label() + " " + l.amount().toPlainString() + " 元"
                    + (l.basis() == null || l.basis().isBlank() ? "" : "（" + l.basis() + "）")).toList());
            content.put("settlementLines", s.lines());
            String title = districts.nameOf(s.districtCode()) + " " + s.periodLabel() + "公租房运营服务费结算（" + s.contractNo() + "）";
            return new DisclosureDraft(DisclosureType.SETTLEMENT, s.settlementId(), s.districtCode(), title, s.approvedOn(), content);
        }).toList();
    }
}
