package cn.anju.evaluation;

import cn.anju.contract.ContractTerms;
import cn.anju.contract.FeeTerms;
import cn.anju.contract.ServiceContract;
import cn.anju.housing.HousingStock;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.Year;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The fee a quarter earns before the score. Per unit: for every day, each unit under management that day (the covered
 * projects' units, those offline that day excluded, by the units' status history) earns its layout's monthly rate × 3 ÷
 * the quarter's days, so a project covered for part of the quarter, a unit taken offline, or a rate changed by an
 * amendment, counts day by day; a unit taken offline after the quarter still counts for it. A lump sum: its yearly amount × the days in
 * force within the quarter ÷ the days of the year. Rounded half-up to the fen once, at the end.
 */
@Component
class BaseFee {

    private final ContractTerms contracts;
    private final HousingStock housing;

    BaseFee(ContractTerms contracts, HousingStock housing) {
        this.contracts = contracts;
        this.housing = housing;
    }

    record Fee(long fen, String basis) {
    }

    Fee of(ServiceContract c, EvaluationPeriod p) {
        if (p.kind() == EvaluationPeriod.Kind.YEAR) {
            return new Fee(0, "年度评价不另计服务费（各季度已结算）");
        }
        List<ContractTerms.Place> places = contracts.places(c).stream().flatMap(x -> x.within(p.from(), p.to()).stream()).toList();
        Map<ContractTerms.Place, List<Long>> projects = new java.util.HashMap<>();
        places.forEach(place -> projects.put(place, place.projectId() == null
                ? List.copyOf(housing.projectsIn(place.districtCode()).keySet()) : List.of(place.projectId())));
        Map<Long, Map<LocalDate, Map<String, Long>>> units = housing.unitsByLayoutPerDay(
                projects.values().stream().flatMap(List::stream).distinct().toList(), p.from(), p.to());
        var feesOn = contracts.fees(c);
        long perUnit = 0; // Σ over days of units × the monthly rate in force, in fen
        long lumpSum = 0; // Σ over days in force of the yearly lump sum in force, in fen
        Map<String, Long> unitDays = new TreeMap<>(); // "layout @ rate" → unit-days, so a rate changed mid-quarter shows
        long lumpDays = 0;
        for (LocalDate day = p.from(); !day.isAfter(p.to()); day = day.plusDays(1)) {
            FeeTerms fees = feesOn.apply(day);
            boolean inForce = false;
            for (ContractTerms.Place place : places) {
                if (place.within(day, day).isEmpty()) {
                    continue;
                }
                inForce = true;
                if (fees.kind() == FeeTerms.Kind.PER_UNIT) {
                    for (Long project : projects.get(place)) {
                        for (Map.Entry<String, Long> u : units.getOrDefault(project, Map.of()).getOrDefault(day, Map.of()).entrySet()) {
                            long rate = fees.monthlyRate(u.getKey());
                            perUnit += u.getValue() * rate;
                            unitDays.merge(u.getKey() + " × " + SettlementMath.yuan(rate) + " 元/套·月", u.getValue(), Long::sum);
                        }
                    }
                }
            }
            if (inForce && fees.kind() == FeeTerms.Kind.LUMP_SUM) {
                lumpDays++;
                lumpSum += fees.lumpSumFen();
            }
        }
        // an amendment may switch the kind mid-quarter: each kind's days count under their own rule, rounded once at the end
        int yearDays = Year.of(p.year()).length();
        BigDecimal exact = BigDecimal.valueOf(perUnit).multiply(BigDecimal.valueOf(3)).divide(BigDecimal.valueOf(p.days()), 10, RoundingMode.HALF_UP)
                .add(BigDecimal.valueOf(lumpSum).divide(BigDecimal.valueOf(yearDays), 10, RoundingMode.HALF_UP));
        long fen = exact.setScale(0, RoundingMode.HALF_UP).longValueExact();
        List<String> parts = new ArrayList<>();
        if (!unitDays.isEmpty()) {
            List<String> layouts = new ArrayList<>();
            unitDays.forEach((rate, days) -> layouts.add(rate + " " + days + " 套·日"));
            parts.add("在管套·日 × 月单价 × 3 ÷ 本季度 " + p.days() + " 日：" + String.join("；", layouts));
        }
        if (lumpDays > 0) {
            parts.add("包干总价按日分摊：履行 " + lumpDays + " 日 ÷ 全年 " + yearDays + " 日");
        }
        return new Fee(fen, parts.isEmpty() ? "本季度无在管房屋" : String.join("；", parts));
    }
}
