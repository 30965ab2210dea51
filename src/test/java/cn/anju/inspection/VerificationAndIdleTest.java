package cn.anju.inspection;

import cn.anju.support.PlatformTest;
import cn.anju.support.TestClock;
import cn.anju.support.WebClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Occupant verification visits every occupied unit and a mismatch opens a draft case with its photos as evidence;
 * idle detection on a generated readings file finds exactly the planted idle units.
 */
@PlatformTest
class VerificationAndIdleTest {

    static final LocalDate TODAY = TestClock.today();

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aCampaignVisitsEveryOccupiedUnitAndAMismatchOpensACase() throws IOException {
        WebClient manager = WebClient.loggedIn(port, "anju.manager");
        var opened = manager.postJson("/api/v1/verification-campaigns", "{\"districtCode\":\"610803\",\"name\":\"2026年度入户核查\",\"startsOn\":\""
                + TODAY + "\",\"endsOn\":\"" + TODAY.plusMonths(1) + "\"}");
        assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
        long campaign = WebClient.json(opened).get("id").asLong();
        long occupied = jdbc.sql("""
                select count(*) from lease l where l.district_code = '610803' and l.status in ('ACTIVE', 'EXPIRED', 'TERMINATED') and l.moved_out_on is null
                   and exists (select 1 from lease_event e where e.lease_id = l.id and e.kind in ('MOVED_IN', 'RENEWAL_STARTED'))""")
                .query(Long.class).single();
        var visits = WebClient.json(manager.getJson("/api/v1/verification-campaigns/" + campaign + "/visits"));
        assertThat((long) visits.size()).isEqualTo(Math.min(occupied, 500));
        long first = visits.get(0).get("id").asLong();
        long second = visits.get(1).get("id").asLong();

        WebClient staff = WebClient.loggedIn(port, "anju.staff");
        assertThat(WebClient.json(staff.postMultipart("/api/v1/verification-visits/" + first, Map.of("outcome", "DIFFERENT_OCCUPANTS",
                "note", "实际居住人为租客"), "photo", "x.txt", "image/png", ViolationCaseTest.photo(3))).get("caseId").isNull())
                .as("a mismatch opens a case").isFalse();
        long caseId = jdbc.sql("select case_id from verification_visit where id = ?").param(first).query(Long.class).single();
        var c = WebClient.json(staff.getJson("/api/v1/violation-cases/" + caseId));
        assertThat(c.get("row").get("state").asString()).isEqualTo("DRAFT");
        assertThat(c.get("row").get("source").asString()).isEqualTo("VERIFICATION");
        assertThat(c.get("evidence").size()).isEqualTo(1);
        long household = visits.get(0).get("householdId").asLong();
        assertThat(jdbc.sql("""
                        select count(*) from resident_file_entry where household_id = ? and kind = 'VERIFICATION_DIFFERENT_OCCUPANTS'
                           and ref_type = 'verification_visit' and ref_id = ?""")
                .params(household, first).query(Long.class).single()).isEqualTo(1);
        // once per visit; a mismatch needs its photo; another operator sees nothing
        assertThat(staff.postMultipart("/api/v1/verification-visits/" + first, Map.of("outcome", "MATCH"), "photo", "a.png", "image/png",
                ViolationCaseTest.photo(4)).statusCode()).isEqualTo(409);
        assertThat(WebClient.json(staff.postMultipart("/api/v1/verification-visits/" + second, Map.of("outcome", "DIFFERENT_OCCUPANTS",
                "note", "无照片"), "other", "a.png", "image/png", ViolationCaseTest.photo(5))).get("code").asString()).isEqualTo("VISIT_EVIDENCE_REQUIRED");
        assertThat(WebClient.loggedIn(port, "shenmu.op").postMultipart("/api/v1/verification-visits/" + second, Map.of("outcome", "MATCH"),
                "photo", "a.png", "image/png", ViolationCaseTest.photo(6)).statusCode()).isEqualTo(404);
        var progress = WebClient.json(manager.getJson("/api/v1/verification-campaigns"));
        progress.forEach(p -> {
            if (p.get("id").asLong() == campaign) {
                assertThat(p.get("visited").asLong()).isEqualTo(1);
                assertThat(p.get("mismatches").asLong()).isEqualTo(1);
            }
        });
    }

    @Test
    void idleDetectionFindsExactlyThePlantedIdleUnits() {
        record Unit(long id, String project, String building, String number) {
        }
        List<Unit> occupied = jdbc.sql("""
                        select u.id, p.name, b.number, u.number from unit u join building b on b.id = u.building_id join project p on p.id = u.project_id
                         where u.district_code = '610802' and exists (select 1 from lease l where l.unit_id = u.id and l.status = 'ACTIVE' and l.moved_out_on is null)
                         order by u.id limit 200""")
                .query((rs, n) -> new Unit(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4))).list();
        assertThat(occupied).hasSizeGreaterThanOrEqualTo(50);
        Random random = new Random(42);
        Set<Long> planted = new HashSet<>();
        while (planted.size() < 5) {
            planted.add(occupied.get(random.nextInt(occupied.size())).id());
        }
        // decoys: low for only five of the six months; low water but a normal electricity bill
        long fiveMonths = occupied.stream().map(Unit::id).filter(id -> !planted.contains(id)).findFirst().orElseThrow();
        long waterOnly = occupied.stream().map(Unit::id).filter(id -> !planted.contains(id) && id != fiveMonths).findFirst().orElseThrow();
        YearMonth latest = YearMonth.from(TODAY).minusMonths(1);
        StringBuilder csv = new StringBuilder("项目,楼栋,房号,月份,用水量,用电量\n");
        for (Unit u : occupied) {
            for (int back = 7; back >= 0; back--) {
                YearMonth m = latest.minusMonths(back);
                boolean low = planted.contains(u.id()) || u.id() == fiveMonths && back < 5;
                String water = low || u.id() == waterOnly ? "0." + random.nextInt(9) : String.valueOf(3 + random.nextInt(8));
                String electricity = low ? String.valueOf(random.nextInt(9)) : String.valueOf(60 + random.nextInt(200));
                csv.append(u.project()).append(',').append(u.building()).append("栋,").append(u.number()).append(',').append(m)
                        .append(',').append(water).append(',').append(electricity).append('\n');
            }
        }
        WebClient staff = WebClient.loggedIn(port, "anju.staff");
        // a bad line refuses the whole file
        String bad = csv + "不存在的项目,1栋,101," + latest + ",1,1\n";
        long before = jdbc.sql("select count(*) from meter_reading").query(Long.class).single();
        var refused = staff.postMultipart("/api/v1/meter-readings", Map.of(), "readings.csv", "text/csv", bad.getBytes(StandardCharsets.UTF_8));
        assertThat(WebClient.json(refused).get("code").asString()).isEqualTo("READINGS_INVALID");
        assertThat(jdbc.sql("select count(*) from meter_reading").query(Long.class).single()).isEqualTo(before);

        var imported = staff.postMultipart("/api/v1/meter-readings", Map.of(), "readings.csv", "text/csv", csv.toString().getBytes(StandardCharsets.UTF_8));
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
        assertThat(WebClient.json(imported).get("units").asInt()).isEqualTo(occupied.size());
        // among the generated file's units (the demo has its own idle units elsewhere)
        Set<Long> ours = new HashSet<>(occupied.stream().map(Unit::id).toList());
        List<Long> found = new ArrayList<>();
        WebClient.json(staff.getJson("/api/v1/idle-units")).forEach(u -> {
            if (ours.contains(u.get("unitId").asLong())) {
                found.add(u.get("unitId").asLong());
            }
        });
        assertThat(found).containsExactlyInAnyOrderElementsOf(planted);
        // importing the same month again replaces its figures rather than adding to them
        var again = staff.postMultipart("/api/v1/meter-readings", Map.of(), "readings.csv", "text/csv", csv.toString().getBytes(StandardCharsets.UTF_8));
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(jdbc.sql("select count(*) from meter_reading where unit_id = any(?)").param(ours.toArray(Long[]::new)).query(Long.class).single())
                .isEqualTo(occupied.size() * 8L);
        // another operator's clerk cannot import 榆阳's units
        assertThat(WebClient.json(WebClient.loggedIn(port, "shenmu.op").postMultipart("/api/v1/meter-readings", Map.of(), "readings.csv",
                "text/csv", csv.toString().getBytes(StandardCharsets.UTF_8))).get("code").asString()).isEqualTo("READINGS_INVALID");
    }
}
