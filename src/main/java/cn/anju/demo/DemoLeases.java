package cn.anju.demo;

import cn.anju.allocation.SelectionChoices;
import cn.anju.allocation.SelectionRounds;
import cn.anju.housing.HousingStock;
import cn.anju.identity.CurrentUser;
import cn.anju.identity.IdentitySeeding;
import cn.anju.lease.Amendments;
import cn.anju.lease.LeaseSeeding;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Random;

/**
 * Demo leases and a finished selection round: about 1,200 households housed across the three districts (some
 * leases ending within three months, some households moving out, a few filings overdue), one unit exchange made
 * through the real amendment, and in 神木 a round drawn and chosen through the real allocation steps, its results
 * public. Enough households stay on the 榆阳 waitlist for new rounds.
 */
@Component
@Profile("demo")
@Order(30)
class DemoLeases implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoLeases.class);

    private final LeaseSeeding leases;
    private final IdentitySeeding identity;
    private final Amendments amendments;
    private final SelectionRounds rounds;
    private final SelectionChoices choices;
    private final HousingStock housing;
    private final JdbcClient jdbc;

    DemoLeases(LeaseSeeding leases, IdentitySeeding identity, Amendments amendments, SelectionRounds rounds,
               SelectionChoices choices, HousingStock housing, JdbcClient jdbc) {
        this.leases = leases;
        this.identity = identity;
        this.amendments = amendments;
        this.rounds = rounds;
        this.choices = choices;
        this.housing = housing;
        this.jdbc = jdbc;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (leases.hasLeases("610802")) {
            return;
        }
        Random random = new Random(2027);
        long clerk = identity.userId("anju.staff");
        Long tenantHousehold = jdbc.sql("select household_id from app_user where username = 'tenant.demo'").query(Long.class).optional().orElse(null);
        LeaseSeeding.Seeded yuyang = leases.seed("610802", 540, tenantHousehold, clerk, identity.userId("yuyang.gov"), random);
        LeaseSeeding.Seeded hengshan = leases.seed("610803", 215, null, clerk, identity.userId("hengshan.gov"), random);
        LeaseSeeding.Seeded shenmu = leases.seed("610881", 470, null, identity.userId("shenmu.op"), identity.userId("shenmu.gov"), random);
        exchangeOne();
        finishedRound();
        log.info("Demo leases ready: {} active ({} ending within 3 months), {} moving out, {} filings outstanding",
                yuyang.active() + hengshan.active() + shenmu.active(), yuyang.endingSoon() + hengshan.endingSoon() + shenmu.endingSoon(),
                yuyang.movingOut() + hengshan.movingOut() + shenmu.movingOut(), yuyang.unfiled() + hengshan.unfiled() + shenmu.unfiled());
    }

    /** One household moves to a larger flat in its project, through the amendment a clerk would make. */
    private void exchangeOne() {
        CurrentUser clerk = identity.actingAs("anju.staff");
        jdbc.sql("""
                        select l.id, u.id from lease l join unit u on u.project_id = l.project_id and u.status = 'VACANT' and u.layout = '两室一厅'
                         where l.district_code = '610802' and l.status = 'ACTIVE' order by l.id desc, u.id limit 1""")
                .query((rs, n) -> new long[]{rs.getLong(1), rs.getLong(2)}).optional()
                .ifPresent(pair -> amendments.amend(clerk, pair[0], new Amendments.Amendment(Amendments.Kind.UNIT_EXCHANGE, pair[1], null,
                        "家庭新增成员，经申请调换为两室一厅")));
    }

    /** 神木's first round of the year: published, public value read out, drawn, the first households chose. */
    private void finishedRound() {
        CurrentUser officer = identity.actingAs("shenmu.gov");
        CurrentUser clerk = identity.actingAs("shenmu.op");
        long project = jdbc.sql("select id from project where name = '滨河新区公租房'").query(Long.class).single();
        long round = rounds.create(officer, new SelectionRounds.NewRound("2026年第一批滨河新区公租房选房", project, List.of()));
        rounds.publish(officer, round);
        rounds.recordPublicValue(officer, round, "3719");
        rounds.draw(officer, round);
        List<Long> applicants = jdbc.sql("select id from selection_applicant where round_id = ? order by position limit 8")
                .param(round).query(Long.class).list();
        List<Long> units = housing.vacantUnits("610881", project);
        for (int i = 0; i < applicants.size() && i < units.size(); i++) {
            SelectionChoices.Outcome outcome = i == 3 ? SelectionChoices.Outcome.SKIPPED : i == 6 ? SelectionChoices.Outcome.NO_SHOW
                    : SelectionChoices.Outcome.CHOSEN;
            choices.record(clerk, round, applicants.get(i), outcome, outcome == SelectionChoices.Outcome.CHOSEN ? units.get(i) : null);
        }
    }
}
