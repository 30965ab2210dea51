package cn.anju.disclosure;

import cn.anju.housing.HousingStock;
import cn.anju.rent.RentStandards;
import cn.anju.shared.Districts;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Rent standards (租金标准): every version a district approved for a project, the public rental standard and the market
 * standard alike: the rate in yuan per m² of rent area per month, the project it applies to, the day it takes effect and
 * the document it was approved by. A standard is never changed (a new one takes effect from its own day), so each
 * version is an item. Final on the day it was approved, not the day it takes effect: tenants learn a new rent before
 * they pay it. Who approved it is not published.
 */
@Component
class RentStandardSource implements DisclosureSource {

    private final RentStandards standards;
    private final HousingStock housing;
    private final Districts districts;
    private final Clock clock;

    RentStandardSource(RentStandards standards, HousingStock housing, Districts districts, Clock clock) {
        this.standards = standards;
        this.housing = housing;
        this.districts = districts;
        this.clock = clock;
    }

    @Override
    public DisclosureType type() {
        return DisclosureType.RENT_STANDARD;
    }

    @Override
    public List<DisclosureDraft> drafts() {
        List<RentStandards.Standard> all = standards.all();
        Map<Long, String> projects = housing.projectNames(all.stream().map(RentStandards.Standard::projectId).distinct().toList());
        return all.stream().map(s -> {
            String district = districts.nameOf(s.districtCode());
            String project = projects.getOrDefault(s.projectId(), "");
            boolean market = s.kind() == RentStandards.Kind.MARKET;
            LocalDate approvedOn = s.approvedAt().atZoneSameInstant(clock.getZone()).toLocalDate();
            Map<String, Object> content = new LinkedHashMap<>();
            content.put("district", district);
            content.put("project", project);
            content.put("standardKind", market ? "市场租金标准（市场租金档及过渡期满家庭适用）" : "公租房租金标准");
            content.put("yuanPerSqm", s.yuanPerSqm());
            content.put("rate", s.yuanPerSqm().toPlainString() + " 元/㎡·月（按租赁面积计）");
            content.put("effectiveFrom", s.effectiveFrom().toString());
            content.put("basis", s.reason());
            content.put("approvedOn", approvedOn.toString());
            String title = district + project + (market ? "市场租金标准" : "租金标准") + "（" + s.effectiveFrom() + "起执行）";
            return new DisclosureDraft(DisclosureType.RENT_STANDARD, s.id(), s.districtCode(), title, approvedOn, content);
        }).toList();
    }
}
