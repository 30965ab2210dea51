package cn.anju.disclosure;

import cn.anju.contract.ContractTerms;
import cn.anju.contract.Procurement;
import cn.anju.identity.IdentityQueries;
import cn.anju.shared.Districts;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Procurement results (采购结果): the organisation awarded, the award day and the organisations that took part
 * (organisations, not people). A procurement records no award amount: the amount agreed is the contract's, published
 * with it ({@link ContractSource}). Final on the award day.
 */
@Component
class ProcurementAwardSource implements DisclosureSource {

    private final ContractTerms contracts;
    private final IdentityQueries identity;
    private final Districts districts;

    ProcurementAwardSource(ContractTerms contracts, IdentityQueries identity, Districts districts) {
        this.contracts = contracts;
        this.identity = identity;
        this.districts = districts;
    }

    @Override
    public DisclosureType type() {
        return DisclosureType.PROCUREMENT_AWARD;
    }

    @Override
    public List<DisclosureDraft> drafts() {
        List<Procurement> awarded = contracts.announcedProcurements().stream()
                .filter(p -> p.awardedOn() != null && p.winnerId() != null).toList();
        Map<Long, String> winners = identity.organisationNames(awarded.stream().map(Procurement::winnerId).collect(Collectors.toSet()));
        return awarded.stream().map(p -> {
            Map<String, Object> content = ProcurementNoticeSource.about(p, districts);
            content.put("winner", winners.getOrDefault(p.winnerId(), ""));
            content.put("awardedOn", p.awardedOn().toString());
            content.put("bidders", p.bidders());
            return new DisclosureDraft(DisclosureType.PROCUREMENT_AWARD, p.id(), p.districtCode(), p.title() + "采购结果",
                    p.awardedOn(), content);
        }).toList();
    }
}
