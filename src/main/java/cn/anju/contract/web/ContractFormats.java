package cn.anju.contract.web;

import cn.anju.contract.FeeTerms;
import org.springframework.stereotype.Component;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** How the contract pages list a fee's rates ({@code ${@contractFmt.rates(fees)}}): the usual layouts first, "其他" last. */
@Component("contractFmt")
class ContractFormats {

    private static final List<String> USUAL = List.of(ContractDraftPages.ONE_BED, ContractDraftPages.TWO_BED);

    public List<Map.Entry<String, Long>> rates(FeeTerms fees) {
        return fees.ratesFen().entrySet().stream().sorted(Comparator.comparing((Map.Entry<String, Long> e) -> rank(e.getKey()))
                .thenComparing(Map.Entry::getKey)).toList();
    }

    private static int rank(String layout) {
        int usual = USUAL.indexOf(layout);
        return usual >= 0 ? usual : FeeTerms.OTHER_LAYOUTS.equals(layout) ? USUAL.size() + 1 : USUAL.size();
    }
}
