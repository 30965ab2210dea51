package cn.anju.demo;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Makes the Yulin demo city at the first start of the {@code demo} profile, in the order its history happened: the
 * organisations and accounts, the housing stock and the waiting households, the rent standards, years of leases, seven
 * months of rent, then today's events (move-outs, an exchange, a selection round), violation cases and field work.
 * Every record comes from a module's own action, taken by a demo account on its day ({@link DemoActs}). A later start
 * finds the city made and only checks the accounts.
 */
@Component
@Profile("demo")
@Order(10)
class DemoCity implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoCity.class);

    private final DemoActs acts;
    private final DemoData data;
    private final DemoHousing housing;
    private final DemoRentStandards standards;
    private final DemoLeases leases;
    private final DemoRound round;
    private final DemoRent rent;
    private final DemoCases cases;
    private final DemoFieldOperations field;
    private final DemoFeedback feedback;
    private final DemoSurveys surveys;
    private final DemoEvaluations evaluations;
    private final DemoDisclosures disclosures;
    private final DemoInformationRequests informationRequests;

    DemoCity(DemoActs acts, DemoData data, DemoHousing housing, DemoRentStandards standards, DemoLeases leases, DemoRound round,
             DemoRent rent, DemoCases cases, DemoFieldOperations field, DemoFeedback feedback, DemoSurveys surveys,
             DemoEvaluations evaluations, DemoDisclosures disclosures,
             DemoInformationRequests informationRequests) {
        this.acts = acts;
        this.data = data;
        this.housing = housing;
        this.standards = standards;
        this.leases = leases;
        this.round = round;
        this.rent = rent;
        this.cases = cases;
        this.field = field;
        this.feedback = feedback;
        this.surveys = surveys;
        this.evaluations = evaluations;
        this.disclosures = disclosures;
        this.informationRequests = informationRequests;
    }

    @Override
    public void run(ApplicationArguments args) {
        long started = System.nanoTime();
        data.make(acts.platformStart());
        if (housing.made()) {
            return;
        }
        DemoHouseholds.Registered registered = housing.make();
        standards.approve();
        List<DemoLeases.Let> lets = acts.together(() -> leases.let(registered.waiting(), registered.tenantHousehold()));
        log.info("Demo leases ready: {} leases, {} of them moving out", lets.size(), lets.stream().filter(DemoLeases.Let::movingOut).count());
        DemoRent.History history = rent.history(lets, registered.tenantHousehold());
        log.info("Demo rent ready: {} bills, {} payments, {} remittance batches", history.bills(), history.payments(), history.batches());
        leases.today(lets);
        round.finish();
        cases.open(lets, history.neverPaid());
        field.make(lets, registered.tenantHousehold());
        log.info("Demo complaints and suggestions ready: {} cases", feedback.make(lets));
        log.info("Demo surveys ready: {} answers", surveys.make(lets, registered.tenantHousehold()));
        log.info("Demo evaluations ready: {} quarters signed and settled", evaluations.make());
        log.info("Demo disclosure ready: {} items published", disclosures.make());
        log.info("Demo requests for information ready: {} requests", informationRequests.make());
        log.info("Demo city made in {} s", (System.nanoTime() - started) / 1_000_000_000);
    }
}
