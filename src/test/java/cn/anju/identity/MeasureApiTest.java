package cn.anju.identity;

import cn.anju.shared.measure.MeasurePeriod;
import cn.anju.shared.measure.MeasureScope;
import cn.anju.shared.measure.MeasureValue;
import cn.anju.shared.measure.Measures;
import cn.anju.support.PlatformTest;
import cn.anju.support.TestClock;
import cn.anju.support.WebClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The measures' one interface: the definitions, values within the caller's scope, and Σ÷Σ over projects. */
@PlatformTest
class MeasureApiTest {

    static final List<String> FIXED = List.of("RENT_COLLECTION_RATE", "ARREARS_BY_AGE", "RENT_HELD", "RENT_REMITTED",
            "WORK_ORDER_ON_TIME_RATE", "PATROL_COVERAGE", "VERIFICATION_COVERAGE", "UNITS_BY_STATUS", "OCCUPANCY_RATE", "VACANCY_RATE",
            "LEASES_STARTED", "LEASES_ENDED", "DAYS_TO_RELET", "MOVE_IN_ON_TIME_RATE", "MOVE_OUT_ON_TIME_RATE", "REPAIR_SATISFACTION_RATE",
            "EVIDENCE_ON_TIME_RATE");

    @LocalServerPort
    int port;
    @Autowired
    Measures measures;
    @Autowired
    JdbcClient jdbc;

    @Test
    void theDefinitionsListEveryFixedCodeWithItsOwnerKindAndChineseDefinition() {
        JsonNode list = WebClient.json(WebClient.loggedIn(port, "yuyang.gov").getJson("/api/v1/measures"));
        Map<String, JsonNode> byCode = new HashMap<>();
        list.forEach(m -> byCode.put(m.get("code").asString(), m));
        assertThat(byCode.keySet()).containsAll(FIXED);
        Map<String, String> owners = Map.ofEntries(Map.entry("RENT_COLLECTION_RATE", "rent"), Map.entry("RENT_HELD", "rent"),
                Map.entry("WORK_ORDER_ON_TIME_RATE", "maintenance"), Map.entry("PATROL_COVERAGE", "inspection"),
                Map.entry("VERIFICATION_COVERAGE", "inspection"), Map.entry("UNITS_BY_STATUS", "housing"), Map.entry("VACANCY_RATE", "housing"),
                Map.entry("LEASES_ENDED", "lease"), Map.entry("DAYS_TO_RELET", "lease"), Map.entry("MOVE_IN_ON_TIME_RATE", "lease"),
                Map.entry("MOVE_OUT_ON_TIME_RATE", "lease"), Map.entry("REPAIR_SATISFACTION_RATE", "maintenance"),
                Map.entry("EVIDENCE_ON_TIME_RATE", "inspection"));
        owners.forEach((code, module) -> assertThat(byCode.get(code).get("module").asString()).as(code).isEqualTo(module));
        for (String code : FIXED) {
            JsonNode m = byCode.get(code);
            assertThat(m.get("name").asString()).as(code).matches(".*\\p{IsHan}.*");
            assertThat(m.get("definition").asString()).as(code).matches(".*\\p{IsHan}.*").hasSizeGreaterThan(20);
            assertThat(m.get("nameEn").asString()).as(code).isNotBlank();
        }
        JsonNode rate = byCode.get("RENT_COLLECTION_RATE");
        assertThat(List.of(rate.get("kind").asString(), rate.get("unit").asString(), rate.get("denominatorUnit").asString(), rate.get("period").asString()))
                .containsExactly("RATIO", "YUAN", "YUAN", "RANGE");
        assertThat(byCode.get("UNITS_BY_STATUS").get("kind").asString()).isEqualTo("BREAKDOWN");
        JsonNode relet = byCode.get("DAYS_TO_RELET");
        assertThat(List.of(relet.get("kind").asString(), relet.get("unit").asString(), relet.get("denominatorUnit").asString()))
                .as("an average: days over re-lets").containsExactly("RATIO", "DAY", "COUNT");
        assertThat(byCode.get("RENT_HELD").get("backfillable").asBoolean()).isTrue();
        assertThat(byCode.get("OCCUPANCY_RATE").get("backfillable").asBoolean()).isFalse();
    }

    @Test
    void aDistrictUserReadsItsOwnDistrictsValueAndNeverAnothers() {
        WebClient yuyang = WebClient.loggedIn(port, "yuyang.gov");
        JsonNode own = WebClient.json(yuyang.getJson("/api/v1/measures/OCCUPANCY_RATE"));
        MeasureValue expected = measures.compute("OCCUPANCY_RATE", MeasureScope.districts("610802"), new MeasurePeriod.AsOf(TestClock.today()));
        assertThat(own.get("denominator").decimalValue()).isEqualByComparingTo(expected.denominator()).isPositive();
        assertThat(own.get("numerator").decimalValue()).isEqualByComparingTo(expected.numerator());
        own.get("records").forEach(r -> assertThat(jdbc.sql("select district_code from unit where id = ?").param(r.get("id").asLong())
                .query(String.class).single()).isEqualTo("610802"));
        assertThat(WebClient.json(yuyang.getJson("/api/v1/measures/OCCUPANCY_RATE?districtCode=610881")).get("code").asString())
                .isEqualTo("DISTRICT_NOT_IN_SCOPE");
        // the city sees both districts; an operator only its coverage
        JsonNode city = WebClient.json(WebClient.loggedIn(port, "city.gov").getJson("/api/v1/measures/OCCUPANCY_RATE?districtCode=610881"));
        assertThat(city.get("denominator").decimalValue()).isEqualByComparingTo(measures.compute("OCCUPANCY_RATE",
                MeasureScope.districts("610881"), new MeasurePeriod.AsOf(TestClock.today())).denominator());
        assertThat(WebClient.loggedIn(port, "shenmu.op").getJson("/api/v1/measures/OCCUPANCY_RATE?districtCode=610802").statusCode()).isEqualTo(404);
        // tenants and the separated administrators read no figures
        for (String who : List.of("tenant.demo", "admin", "auditor")) {
            assertThat(WebClient.loggedIn(port, who).getJson("/api/v1/measures/OCCUPANCY_RATE").statusCode()).as(who).isEqualTo(403);
        }
    }

    @Test
    void thePeriodMustSuitTheMeasure() {
        WebClient gov = WebClient.loggedIn(port, "yuyang.gov");
        String yesterday = TestClock.today().minusDays(1).toString();
        assertThat(code(gov, "/api/v1/measures/OCCUPANCY_RATE?asOf=" + yesterday)).isEqualTo("MEASURE_NOT_BACKFILLABLE");
        assertThat(code(gov, "/api/v1/measures/OCCUPANCY_RATE?from=" + yesterday + "&to=" + yesterday)).isEqualTo("MEASURE_PERIOD_KIND");
        assertThat(code(gov, "/api/v1/measures/RENT_HELD?asOf=" + TestClock.today().plusDays(1))).isEqualTo("MEASURE_DAY_FUTURE");
        assertThat(code(gov, "/api/v1/measures/LEASES_STARTED?from=" + TestClock.today() + "&to=" + yesterday)).isEqualTo("MEASURE_PERIOD_INVALID");
        assertThat(code(gov, "/api/v1/measures/NO_SUCH_FIGURE")).isEqualTo("MEASURE_NOT_FOUND");
        // a backfillable measure answers for a past day; a range measure without dates takes this month
        assertThat(gov.getJson("/api/v1/measures/RENT_HELD?asOf=" + yesterday).statusCode()).isEqualTo(200);
        YearMonth month = TestClock.thisMonth();
        assertThat(WebClient.json(gov.getJson("/api/v1/measures/LEASES_STARTED")).get("period").get("from").asString())
                .isEqualTo(month.atDay(1).toString());
    }

    @Test
    void overProjectsARatioIsTheSumOfNumeratorsOverTheSumOfDenominatorsAndNothingIsNotApplicable() {
        List<Long> projects = jdbc.sql("select project_id from unit where district_code = '610802' group by project_id order by count(*) desc limit 2")
                .query(Long.class).list();
        assertThat(projects).hasSize(2);
        YearMonth month = TestClock.thisMonth().minusMonths(1);
        for (var c : List.of(new Case("OCCUPANCY_RATE", new MeasurePeriod.AsOf(TestClock.today())),
                new Case("RENT_COLLECTION_RATE", new MeasurePeriod.Range(month.atDay(1), month.atEndOfMonth())))) {
            List<MeasureValue> each = new ArrayList<>();
            for (Long p : projects) {
                each.add(measures.compute(c.code(), MeasureScope.projects(p), c.period()));
            }
            MeasureValue both = measures.compute(c.code(), MeasureScope.projects(projects.toArray(Long[]::new)), c.period());
            BigDecimal numerator = each.get(0).numerator().add(each.get(1).numerator());
            BigDecimal denominator = each.get(0).denominator().add(each.get(1).denominator());
            assertThat(denominator.signum()).isPositive();
            assertThat(both.numerator()).as(c.code()).isEqualByComparingTo(numerator);
            assertThat(both.denominator()).as(c.code()).isEqualByComparingTo(denominator);
            assertThat(both.ratio()).as(c.code() + ": Σ÷Σ, not the mean of the two ratios")
                    .isEqualByComparingTo(numerator.divide(denominator, 4, RoundingMode.HALF_UP));
            MeasureValue aggregated = MeasureValue.aggregate(measures.find(c.code()).orElseThrow().definition(), c.period(), each);
            assertThat(aggregated.ratio()).isEqualByComparingTo(both.ratio());
            assertThat(aggregated.records()).hasSameSizeAs(both.records());
        }
        // no bills in a month long past, and a scope that sees nothing: not applicable, never 0 % or 100 %
        MeasureValue past = measures.compute("RENT_COLLECTION_RATE", MeasureScope.projects(projects.getFirst()),
                new MeasurePeriod.Range(LocalDate.of(2001, 1, 1), LocalDate.of(2001, 1, 31)));
        MeasureValue nothing = measures.compute("OCCUPANCY_RATE", MeasureScopes.of(new DataScope.None()), new MeasurePeriod.AsOf(TestClock.today()));
        for (MeasureValue v : List.of(past, nothing)) {
            assertThat(v.applicable()).as(v.code()).isFalse();
            assertThat(v.ratio()).as(v.code()).isNull();
            assertThat(v.denominator()).isEqualByComparingTo("0");
            assertThat(v.records()).isEmpty();
        }
    }

    record Case(String code, MeasurePeriod period) {
    }

    private static String code(WebClient who, String path) {
        var r = who.getJson(path);
        assertThat(r.statusCode()).as(path).isBetween(400, 404);
        return WebClient.json(r).get("code").asString();
    }
}
