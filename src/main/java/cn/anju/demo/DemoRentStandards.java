package cn.anju.demo;

import cn.anju.housing.HousingQueries;
import cn.anju.rent.RentStandards;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

/**
 * Demo rent standards for every project, approved by each district's officer when the platform started, before any
 * lease: a lease states the rent its standard gives, so the standards come first. They have not changed since.
 */
@Component
@Profile("demo")
class DemoRentStandards {

    /** district → {public rental standard, market standard}, yuan per m² per month */
    private static final Map<String, String[]> STANDARDS = Map.of(
            "610802", new String[]{"6.50", "13.00"}, "610803", new String[]{"5.80", "11.50"}, "610881", new String[]{"7.20", "14.00"});

    private final DemoActs acts;
    private final RentStandards standards;
    private final HousingQueries housing;

    DemoRentStandards(DemoActs acts, RentStandards standards, HousingQueries housing) {
        this.acts = acts;
        this.standards = standards;
        this.housing = housing;
    }

    void approve() {
        LocalDate from = acts.platformStart();
        String reason = "榆政发〔" + (from.getYear() - 1) + "〕45号";
        DemoHousing.OFFICERS.forEach((district, officer) -> acts.run(acts.at(from, 11), officer, u -> {
            if (!standards.list(u).isEmpty()) {
                return;
            }
            String[] rates = STANDARDS.get(district);
            for (HousingQueries.ProjectRow p : housing.projects(u)) {
                standards.approve(u, new RentStandards.NewStandard(p.id(), RentStandards.Kind.STANDARD, new BigDecimal(rates[0]), from, reason));
                standards.approve(u, new RentStandards.NewStandard(p.id(), RentStandards.Kind.MARKET, new BigDecimal(rates[1]), from, reason));
            }
        }));
    }
}
