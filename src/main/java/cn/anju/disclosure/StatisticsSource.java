package cn.anju.disclosure;

import cn.anju.shared.Districts;
import cn.anju.shared.measure.MeasurePeriod;
import cn.anju.shared.measure.MeasureScope;
import cn.anju.shared.measure.MeasureValue;
import cn.anju.shared.measure.Measures;
import cn.anju.shared.policy.PolicySettings;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A district's quarterly complaint and satisfaction statistics (季度投诉与满意度统计), from the shared measures on a
 * whitelist of codes: purely aggregate, so published as soon as drafted. A figure over fewer than
 * {@value Redaction#SMALL_GROUP} (complaints, answers) is withheld, so nobody is singled out of a small group; a quarter
 * with no figure at all has no item. Final once the quarter's on-time deadlines have passed
 * ({@code evaluation.compute-after-days} after its end); the last four such quarters are drafted.
 */
@Component
class StatisticsSource implements DisclosureSource {

    /** The measures an item may carry; anything else needs a person's review and is not statistics. */
    static final List<String> WHITELIST = List.of("COMPLAINT_REPLY_ON_TIME_RATE", "COMPLAINT_SATISFACTION_RATE", "SURVEY_RESPONSE_RATE",
            "SAT_OVERALL", "SAT_REPAIRS", "SAT_RENT_SERVICE", "SAT_COMPLAINTS", "SAT_ENVIRONMENT", "SAT_STAFF");

    private final Measures measures;
    private final DisclosureRecords records;
    private final Districts districts;
    private final PolicySettings policies;
    private final Clock clock;
    /**
     * Quarters of districts found without any figure (no complaints, no surveys): a past quarter stays so, so this node
     * does not compute their measures again every ten minutes; a restart looks once more.
     */
    private final java.util.Set<Long> empty = java.util.concurrent.ConcurrentHashMap.newKeySet();

    StatisticsSource(Measures measures, DisclosureRecords records, Districts districts, PolicySettings policies, Clock clock) {
        this.measures = measures;
        this.records = records;
        this.districts = districts;
        this.policies = policies;
        this.clock = clock;
    }

    @Override
    public DisclosureType type() {
        return DisclosureType.STATISTICS;
    }

    @Override
    public List<DisclosureDraft> drafts() {
        LocalDate today = LocalDate.now(clock);
        List<DisclosureDraft> drafts = new ArrayList<>();
        for (Districts.District d : districts.ofCity(districts.cityCode())) {
            int wait = policies.integer("evaluation.compute-after-days", d.code());
            LocalDate end = today.minusDays(wait + 1L).withDayOfMonth(1);
            end = end.withMonth((end.getMonthValue() - 1) / 3 * 3 + 1).minusDays(1); // the last quarter final by today
            for (int back = 0; back < 4; back++, end = end.withDayOfMonth(1).minusMonths(2).minusDays(1)) {
                long sourceId = sourceId(d.code(), end);
                if (!empty.contains(sourceId) && !records.exists(DisclosureType.STATISTICS, sourceId)) {
                    draft(d, end, wait, sourceId).ifPresentOrElse(drafts::add, () -> empty.add(sourceId));
                }
            }
        }
        return drafts;
    }

    /** One number per district and quarter: 610802 and 2026Q3 → 61080220263. */
    static long sourceId(String district, LocalDate quarterEnd) {
        return Long.parseLong(district + quarterEnd.getYear() + ((quarterEnd.getMonthValue() + 2) / 3));
    }

    private java.util.Optional<DisclosureDraft> draft(Districts.District d, LocalDate end, int wait, long sourceId) {
        LocalDate start = end.withDayOfMonth(1).minusMonths(2);
        MeasurePeriod.Range quarter = new MeasurePeriod.Range(start, end);
        List<Map<String, Object>> figures = new ArrayList<>();
        for (String code : WHITELIST) {
            var measure = measures.find(code);
            if (measure.isEmpty()) {
                continue;
            }
            MeasureValue v = measures.compute(code, MeasureScope.districts(d.code()), quarter);
            if (!v.applicable()) {
                continue;
            }
            boolean small = v.denominator().compareTo(java.math.BigDecimal.valueOf(Redaction.SMALL_GROUP)) < 0;
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("code", code);
            f.put("name", measure.get().definition().name());
            f.put("numerator", small ? null : v.numerator());
            f.put("denominator", small ? null : v.denominator());
            f.put("ratio", small ? null : v.ratio());
            f.put("withheld", small);
            figures.add(f);
        }
        if (figures.isEmpty()) {
            return java.util.Optional.empty();
        }
        String label = end.getYear() + "年第" + ((end.getMonthValue() + 2) / 3) + "季度";
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("district", d.name());
        content.put("periodLabel", label);
        content.put("figures", figures);
        return java.util.Optional.of(new DisclosureDraft(DisclosureType.STATISTICS, sourceId, d.code(),
                d.name() + label + "公租房投诉与满意度统计", end.plusDays(wait), content));
    }
}
