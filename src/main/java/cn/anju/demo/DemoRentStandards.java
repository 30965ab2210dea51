package cn.anju.demo;

import cn.anju.identity.IdentitySeeding;
import cn.anju.rent.RentStandards;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

/**
 * Demo rent standards for every project, approved by the district officers, before any lease is made: a lease states
 * the rent its standard gives, so the standards come first.
 */
@Component
@Profile("demo")
@Order(25)
class DemoRentStandards implements ApplicationRunner {

    /** district → {public rental standard, market standard}, yuan per m² per month */
    private static final Map<String, String[]> STANDARDS = Map.of(
            "610802", new String[]{"6.50", "13.00"}, "610803", new String[]{"5.80", "11.50"}, "610881", new String[]{"7.20", "14.00"});

    private final RentStandards standards;
    private final IdentitySeeding identity;
    private final JdbcClient jdbc;

    DemoRentStandards(RentStandards standards, IdentitySeeding identity, JdbcClient jdbc) {
        this.standards = standards;
        this.identity = identity;
        this.jdbc = jdbc;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (jdbc.sql("select count(*) from rent_standard").query(Long.class).single() > 0) {
            return;
        }
        record Project(long id, String district) {
        }
        Map<String, String> officers = Map.of("610802", "yuyang.gov", "610803", "hengshan.gov", "610881", "shenmu.gov");
        for (Project p : jdbc.sql("select id, district_code from project order by id")
                .query((rs, n) -> new Project(rs.getLong(1), rs.getString(2))).list()) {
            String[] rates = STANDARDS.get(p.district());
            long officer = identity.userId(officers.get(p.district()));
            standards.seed(p.id(), RentStandards.Kind.STANDARD, new BigDecimal(rates[0]), LocalDate.of(2024, 1, 1), officer, "榆政发〔2023〕45号");
            standards.seed(p.id(), RentStandards.Kind.MARKET, new BigDecimal(rates[1]), LocalDate.of(2024, 1, 1), officer, "榆政发〔2023〕45号");
        }
    }
}
