package cn.anju.demo;

import cn.anju.allocation.RoundQueries;
import cn.anju.allocation.SelectionChoices;
import cn.anju.allocation.SelectionRounds;
import cn.anju.housing.HousingQueries;
import cn.anju.housing.HousingStock;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * 神木's first round of the year, through the real allocation steps: the officer creates it for 滨河新区's vacant
 * units and publishes the waiting list, reads out the public value, draws; the first households in draw order chose
 * (one skipped, one did not come). Its results are public.
 */
@Component
@Profile("demo")
class DemoRound {

    private final DemoActs acts;
    private final SelectionRounds rounds;
    private final SelectionChoices choices;
    private final RoundQueries queries;
    private final HousingQueries housing;
    private final HousingStock stock;

    DemoRound(DemoActs acts, SelectionRounds rounds, SelectionChoices choices, RoundQueries queries, HousingQueries housing,
              HousingStock stock) {
        this.acts = acts;
        this.rounds = rounds;
        this.choices = choices;
        this.queries = queries;
        this.housing = housing;
        this.stock = stock;
    }

    void finish() {
        long project = acts.now("shenmu.gov", housing::projects).stream().filter(p -> p.name().equals("滨河新区公租房")).findFirst()
                .orElseThrow().id();
        long round = acts.now("shenmu.gov", officer -> {
            long id = rounds.create(officer, new SelectionRounds.NewRound("2026年第一批滨河新区公租房选房", project, List.of()));
            rounds.publish(officer, id);
            rounds.recordPublicValue(officer, id, "3719");
            rounds.draw(officer, id);
            return id;
        });
        List<Long> applicants = acts.now("shenmu.op", u -> queries.places(u, round)).stream().limit(8).map(RoundQueries.Place::applicantId).toList();
        List<Long> units = stock.vacantUnits("610881", project);
        acts.now("shenmu.op", clerk -> {
            for (int i = 0; i < applicants.size() && i < units.size(); i++) {
                SelectionChoices.Outcome outcome = i == 3 ? SelectionChoices.Outcome.SKIPPED : i == 6 ? SelectionChoices.Outcome.NO_SHOW
                        : SelectionChoices.Outcome.CHOSEN;
                choices.record(clerk, round, applicants.get(i), outcome, outcome == SelectionChoices.Outcome.CHOSEN ? units.get(i) : null);
            }
            return null;
        });
    }
}
