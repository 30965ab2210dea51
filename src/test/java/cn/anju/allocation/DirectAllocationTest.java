package cn.anju.allocation;

import cn.anju.support.PlatformTest;
import cn.anju.support.TestClock;
import cn.anju.support.WebClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Direct allocation: only the district's officer, only for a waiting household, with a reason; the lease follows. */
@PlatformTest
class DirectAllocationTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    long waitingHousehold() {
        return WebClient.json(WebClient.loggedIn(port, "yuyang.gov").getJson("/api/v1/waitlist?size=200")).get("items")
                .get(5).get("householdId").asLong();
    }

    long vacantUnit() {
        return jdbc.sql("select id from unit where district_code = '610802' and status = 'VACANT' order by id desc limit 1")
                .query(Long.class).single();
    }

    @Test
    void theOfficerReservesAUnitForAWaitingHouseholdAndTheClerkDraftsTheLease() {
        long household = waitingHousehold();
        long unit = vacantUnit();
        String body = "{\"householdId\":" + household + ",\"unitId\":" + unit + ",\"reason\":\"榆住保〔2026〕88号：因灾紧急安置\"}";

        // the operator never allocates, whatever it sends
        for (String sent : List.of(body, "{}", "not json")) {
            assertThat(WebClient.loggedIn(port, "anju.manager").postJson("/api/v1/direct-allocations", sent).statusCode()).isEqualTo(403);
        }
        WebClient officer = WebClient.loggedIn(port, "yuyang.gov");
        HttpResponse<String> noReason = officer.postJson("/api/v1/direct-allocations",
                "{\"householdId\":" + household + ",\"unitId\":" + unit + ",\"reason\":\" \"}");
        assertThat(WebClient.json(noReason).get("code").asString()).isEqualTo("ALLOCATION_INCOMPLETE");
        HttpResponse<String> otherDistrict = WebClient.loggedIn(port, "hengshan.gov").postJson("/api/v1/direct-allocations", body);
        assertThat(WebClient.json(otherDistrict).get("code").asString()).isEqualTo("NOT_WAITING");
        assertThat(jdbc.sql("select status from unit where id = ?").param(unit).query(String.class).single()).isEqualTo("VACANT");

        HttpResponse<String> allocated = officer.postJson("/api/v1/direct-allocations", body);
        assertThat(allocated.statusCode()).as(allocated.body()).isEqualTo(201);
        long allocation = WebClient.json(allocated).get("id").asLong();
        assertThat(jdbc.sql("select status from unit where id = ?").param(unit).query(String.class).single()).isEqualTo("RESERVED");
        long otherUnit = jdbc.sql("select id from unit where district_code = '610802' and status = 'VACANT' order by id desc limit 1")
                .query(Long.class).single();
        HttpResponse<String> twice = officer.postJson("/api/v1/direct-allocations",
                "{\"householdId\":" + household + ",\"unitId\":" + otherUnit + ",\"reason\":\"重复\"}");
        assertThat(WebClient.json(twice).get("code").asString()).isEqualTo("ALLOCATION_OPEN");
        assertThat(jdbc.sql("select status from unit where id = ?").param(otherUnit).query(String.class).single())
                .as("nothing half-written").isEqualTo("VACANT");
        assertThat(jdbc.sql("select count(*) from audit_log where action = 'DIRECT_ALLOCATION' and target_id = ?")
                .param(String.valueOf(allocation)).query(Long.class).single()).isEqualTo(1);

        WebClient clerk = WebClient.loggedIn(port, "anju.staff");
        String draft = "{\"directAllocationId\":" + allocation + ",\"startDate\":\"" + TestClock.today() + "\",\"termMonths\":36}";
        HttpResponse<String> both = clerk.postJson("/api/v1/leases", draft.replace("{", "{\"selectionApplicantId\":1,"));
        assertThat(WebClient.json(both).get("code").asString()).isEqualTo("LEASE_SOURCE_REQUIRED");
        HttpResponse<String> drafted = clerk.postJson("/api/v1/leases", draft);
        assertThat(drafted.statusCode()).as(drafted.body()).isEqualTo(201);
        var lease = WebClient.json(clerk.getJson("/api/v1/leases/" + WebClient.json(drafted).get("id").asLong()));
        assertThat(lease.get("leaseNumber").asString()).contains("-Z");
        assertThat(lease.get("unitId").asLong()).isEqualTo(unit);
        assertThat(WebClient.json(clerk.postJson("/api/v1/leases", draft)).get("code").asString()).as("one lease per allocation")
                .isEqualTo("NO_ALLOCATION");
        var file = WebClient.json(clerk.getJson("/api/v1/households/" + household + "/resident-file"));
        assertThat(file.findValuesAsString("kind")).contains("DIRECT_ALLOCATION", "LEASE_DRAFTED");
        // a housed household is not waiting any more
        HttpResponse<String> housed = officer.postJson("/api/v1/direct-allocations",
                "{\"householdId\":" + household + ",\"unitId\":" + otherUnit + ",\"reason\":\"再次配租\"}");
        assertThat(WebClient.json(housed).get("code").asString()).isEqualTo("NOT_WAITING");
    }
}
