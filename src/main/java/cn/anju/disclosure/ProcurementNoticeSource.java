package cn.anju.disclosure;

import cn.anju.contract.ContractTerms;
import cn.anju.contract.Procurement;
import cn.anju.contract.ProcurementMethod;
import cn.anju.contract.ServiceItem;
import cn.anju.shared.Districts;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Procurement announcements (采购公告): the purchaser, the project, the method (with the written reason of a single
 * source), the budget as the finance bureau approved it, the service items and the day it was announced. Final on the
 * announcement day. The award is a separate item ({@link ProcurementAwardSource}).
 */
@Component
class ProcurementNoticeSource implements DisclosureSource {

    private final ContractTerms contracts;
    private final Districts districts;

    ProcurementNoticeSource(ContractTerms contracts, Districts districts) {
        this.contracts = contracts;
        this.districts = districts;
    }

    @Override
    public DisclosureType type() {
        return DisclosureType.PROCUREMENT_NOTICE;
    }

    @Override
    public List<DisclosureDraft> drafts() {
        return contracts.announcedProcurements().stream().map(p -> {
            Map<String, Object> content = about(p, districts);
            content.put("year", p.year());
            if (p.method() == ProcurementMethod.SINGLE_SOURCE) {
                content.put("singleSourceReason", p.singleSourceReason());
            }
            Procurement.Budget b = p.budget();
            if (b != null) {
                content.put("budgetYuan", BigDecimal.valueOf(b.amountFen(), 2));
                content.put("budget", ContractSource.yuan(b.amountFen()) + " 元（" + b.approvedBy() + " " + b.approvalNo() + "，"
                        + b.approvedOn() + " 批复）");
            }
            content.put("serviceItems", p.serviceItems().stream().map(ServiceItem::label).toList());
            content.put("announcedOn", p.announcedOn().toString());
            return new DisclosureDraft(DisclosureType.PROCUREMENT_NOTICE, p.id(), p.districtCode(), p.title() + "采购公告",
                    p.announcedOn(), content);
        }).toList();
    }

    /** What both items of a procurement begin with: the project, the district, the purchaser and the method. */
    static Map<String, Object> about(Procurement p, Districts districts) {
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("title", p.title());
        content.put("district", districts.nameOf(p.districtCode()));
        content.put("purchaser", p.purchasingUnit());
        content.put("method", p.method().label());
        return content;
    }
}
