package cn.anju.disclosure;

import cn.anju.contract.ContractTerms;
import cn.anju.contract.FeeTerms;
import cn.anju.contract.Procurement;
import cn.anju.contract.ServiceContract;
import cn.anju.contract.ServiceItem;
import cn.anju.housing.HousingStock;
import cn.anju.identity.IdentityQueries;
import cn.anju.shared.Districts;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Contract summaries (服务合同): parties, period, amount, method and covered projects of every signed contract. Contracts
 * converted from hand-typed coverage (LEGACY) have no procurement or signed document behind them and are not drafted.
 * Final on the day it was signed.
 */
@Component
class ContractSource implements DisclosureSource {

    private final ContractTerms contracts;
    private final IdentityQueries identity;
    private final HousingStock housing;
    private final Districts districts;

    ContractSource(ContractTerms contracts, IdentityQueries identity, HousingStock housing, Districts districts) {
        this.contracts = contracts;
        this.identity = identity;
        this.housing = housing;
        this.districts = districts;
    }

    @Override
    public DisclosureType type() {
        return DisclosureType.CONTRACT;
    }

    @Override
    public List<DisclosureDraft> drafts() {
        List<ServiceContract> signed = contracts.signedReaching(LocalDate.of(2000, 1, 1)).stream()
                .filter(c -> !c.legacy() && c.signedOn() != null).toList();
        Map<Long, String> operators = identity.organisationNames(signed.stream().map(ServiceContract::operatorId).collect(Collectors.toSet()));
        return signed.stream().map(c -> draft(c, operators.getOrDefault(c.operatorId(), ""))).toList();
    }

    private DisclosureDraft draft(ServiceContract c, String operator) {
        Optional<Procurement> procurement = contracts.procurementOf(c);
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("contractNo", c.contractNo());
        content.put("title", c.title());
        content.put("purchaser", procurement.map(Procurement::purchasingUnit).orElse(districts.nameOf(c.districtCode())));
        content.put("operator", operator);
        content.put("method", procurement.map(p -> p.method().label()).orElse(""));
        content.put("startsOn", c.startsOn().toString());
        content.put("endsOn", c.endsOn() == null ? null : c.endsOn().toString());
        content.put("signedOn", c.signedOn().toString());
        content.put("serviceItems", c.serviceItems().stream().map(ServiceItem::label).toList());
        content.put("fees", fees(c.fees()));
        content.put("projects", c.allProjects() ? List.of(districts.nameOf(c.districtCode()) + "全部公租房项目（含新增项目）")
                : List.copyOf(housing.projectNames(contracts.places(c).stream().map(ContractTerms.Place::projectId).distinct().toList()).values()));
        String title = districts.nameOf(c.districtCode()) + "公租房运营服务合同（" + c.contractNo() + "）";
        return new DisclosureDraft(DisclosureType.CONTRACT, c.id(), c.districtCode(), title, c.signedOn(), content);
    }

    /** The amount as the contract states it, in words: a yearly lump sum, or the monthly rate per unit by layout. */
    static String fees(FeeTerms f) {
        if (f.kind() == FeeTerms.Kind.LUMP_SUM) {
            return f.kind().label() + " " + yuan(f.lumpSumFen()) + " 元/年，" + f.cycle().label() + "支付";
        }
        String rates = f.ratesFen().entrySet().stream().map(e -> e.getKey() + " " + yuan(e.getValue()) + " 元/套·月")
                .collect(Collectors.joining("、"));
        return f.kind().label() + "：" + rates + "；" + f.cycle().label() + "支付";
    }

    static String yuan(Long fen) {
        return fen == null ? "—" : String.format(java.util.Locale.ROOT, "%,.2f", java.math.BigDecimal.valueOf(fen, 2));
    }
}
