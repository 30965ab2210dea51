package cn.anju.disclosure;

import cn.anju.allocation.SelectionResults;
import cn.anju.shared.Districts;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Selection results (配租结果): a round once its order is drawn: its name, district and projects, the day drawn, how many
 * households and units took part, the lottery's published values (list digest, seed commitment, public value, revealed
 * seed, algorithm) and the link to the round's public page, which shows the masked order and each outcome. No household
 * and no unit is named here. Final on the day drawn.
 */
@Component
class SelectionResultSource implements DisclosureSource {

    private final SelectionResults results;
    private final Districts districts;
    private final Clock clock;

    SelectionResultSource(SelectionResults results, Districts districts, Clock clock) {
        this.results = results;
        this.districts = districts;
        this.clock = clock;
    }

    @Override
    public DisclosureType type() {
        return DisclosureType.SELECTION_RESULT;
    }

    @Override
    public List<DisclosureDraft> drafts() {
        return results.drawn().stream().map(r -> {
            LocalDate drawnOn = r.drawnAt().atZone(clock.getZone()).toLocalDate();
            Map<String, Object> content = new LinkedHashMap<>();
            content.put("title", r.name());
            content.put("district", districts.nameOf(r.districtCode()));
            content.put("housingProjects", r.projects());
            content.put("selectionMethod", r.byPoints() ? "积分排序（同分者以公开随机数摇号确定先后）" : "公开摇号（按优先组依次摇号）");
            content.put("drawnOn", drawnOn.toString());
            content.put("applicants", r.applicants());
            content.put("units", r.units());
            content.put("algorithm", r.algorithm());
            content.put("listDigest", r.listDigest());
            content.put("seedCommitment", r.seedCommitment());
            content.put("publicValue", r.publicValue());
            content.put("seed", r.seed());
            content.put("lotteryPage", r.publicPage());
            return new DisclosureDraft(DisclosureType.SELECTION_RESULT, r.id(), r.districtCode(),
                    districts.nameOf(r.districtCode()) + r.name() + "配租结果", drawnOn, content);
        }).toList();
    }
}
