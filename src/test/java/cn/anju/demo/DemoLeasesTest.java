package cn.anju.demo;

import cn.anju.support.PlatformTest;
import cn.anju.support.TestClock;
import cn.anju.support.WebClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo city shows every part of a lease's life: what a newcomer opens first must not be empty. */
@PlatformTest
class DemoLeasesTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    @Test
    void aboutTwelveHundredLeasesWithRenewalsDueMoveOutsAndAnExchange() {
        // the demo's leases: allocated directly by the district (numbered -Z), signed before today (tests add their own)
        assertThat(jdbc.sql("select count(*) from lease where lease_number like '%-Z%' and status = 'ACTIVE' and signed_on < ?")
                .param(TestClock.today()).query(Long.class).single()).isBetween(1_050L, 1_250L);
        assertThat(jdbc.sql("select count(*) from lease where status = 'ACTIVE' and end_date < ?")
                .param(TestClock.today().plusMonths(3)).query(Long.class).single())
                .isGreaterThan(20);
        assertThat(count("select count(*) from lease where status = 'TERMINATED' and vacate_by is not null and moved_out_on is null"))
                .isGreaterThan(0);
        assertThat(count("select count(*) from lease_amendment where kind = 'UNIT_EXCHANGE'")).isGreaterThanOrEqualTo(1);
        // every demo lease has a filled resident file and its move-in handover
        assertThat(jdbc.sql("""
                select count(*) from lease l where l.lease_number like '%-Z%' and l.signed_on < ? and (
                    not exists (select 1 from resident_file_entry e where e.household_id = l.household_id)
                 or not exists (select 1 from lease_handover h where h.lease_id = l.id))""").param(TestClock.today())
                .query(Long.class).single()).isZero();

        WebClient clerk = WebClient.loggedIn(port, "anju.staff");
        assertThat(WebClient.json(clerk.getJson("/api/v1/leases?view=RENEWAL_DUE")).get("total").asLong()).isGreaterThan(0);
        assertThat(WebClient.json(clerk.getJson("/api/v1/leases?view=MOVE_OUT_DUE")).get("total").asLong()).isGreaterThan(0);
        // the operator's side of the renewal reminder: its home page counts the renewals to prepare, in its scope
        long due = WebClient.json(clerk.getJson("/api/v1/leases?view=RENEWAL_DUE")).get("total").asLong();
        String home = clerk.get("/").body();
        assertThat(home).contains("id=\"work-items\"", "待续签合同", "/leases?view=RENEWAL_DUE");
        assertThat(home.replaceAll("\\s+", "")).contains("待续签合同</div><divclass=\"fs-4fw-semiboldtext-body\">" + due + "<");
        // rent work: the government sees the households in six months' arrears, finance the batch waiting for it
        String gov = WebClient.loggedIn(port, "yuyang.gov").get("/").body().replaceAll("\\s+", "");
        Matcher arrears = Pattern.compile("累计欠租满6个月（户）</div><divclass=\"fs-4fw-semibold[^\"]*\">(\\d+)<").matcher(gov);
        assertThat(arrears.find()).as("the arrears work item").isTrue();
        assertThat(Long.parseLong(arrears.group(1))).isPositive();
        assertThat(WebClient.loggedIn(port, "yuyang.finance").get("/").body()).contains("待确认上缴批次", "逾期未缴国库");
        var mine = WebClient.json(WebClient.loggedIn(port, "tenant.demo").getJson("/api/v1/leases")).get("items");
        assertThat(mine.size()).as("the demo tenant has its lease").isEqualTo(1);
    }

    @Test
    void shenmuHasAFinishedRoundWhoseResultsArePublic() {
        long round = count("select id from selection_round where district_code = '610881' and name like '2026年第一批%'");
        assertThat(count("select count(*) from selection_applicant where round_id = " + round + " and outcome = 'CHOSEN'")).isGreaterThan(3);
        var verification = WebClient.json(WebClient.loggedIn(port, "shenmu.gov").getJson("/api/v1/selection-rounds/" + round + "/verification"));
        assertThat(verification.get("matches").asBoolean()).isTrue();
        assertThat(new WebClient(port).get("/public/selection-rounds/" + round).statusCode()).isEqualTo(200);
    }
}
