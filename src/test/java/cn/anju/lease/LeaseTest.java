package cn.anju.lease;

import cn.anju.support.LeaseFixtures;
import cn.anju.support.Pdfs;
import cn.anju.support.PlatformTest;
import cn.anju.support.SelectionFixtures;
import cn.anju.support.TestClock;
import cn.anju.support.WebClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** From a household's choice to a lease: eligibility required, the term capped, one lease per unit, move-in occupies. */
@PlatformTest
class LeaseTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    String draft(long applicant, int months) {
        return "{\"selectionApplicantId\":" + applicant + ",\"startDate\":\"" + TestClock.today() + "\",\"termMonths\":" + months
                + "}";
    }

    String unitStatus(long unit) {
        return jdbc.sql("select status from unit where id = ?").param(unit).query(String.class).single();
    }

    @Test
    void aChoiceBecomesALeaseThatIsSignedAndMovedInto() {
        SelectionFixtures.Chosen c = SelectionFixtures.chosen(port, jdbc);
        WebClient clerk = WebClient.loggedIn(port, "anju.staff");
        HttpResponse<String> tooLong = clerk.postJson("/api/v1/leases", draft(c.applicantId(), 61));
        assertThat(tooLong.statusCode()).isEqualTo(400);
        assertThat(WebClient.json(tooLong).get("code").asString()).isEqualTo("LEASE_TERM_TOO_LONG");

        // a rent that is not the approved standard's is refused, and the message gives the right one
        HttpResponse<String> wrongRent = clerk.postJson("/api/v1/leases", draft(c.applicantId(), 60).replace("}", ",\"monthlyRent\":1.23}"));
        assertThat(WebClient.json(wrongRent).get("code").asString()).isEqualTo("LEASE_RENT_NOT_STANDARD");
        assertThat(WebClient.json(wrongRent).get("detail").asString()).contains("元/㎡×", "可不填");
        HttpResponse<String> drafted = clerk.postJson("/api/v1/leases", draft(c.applicantId(), 60));
        assertThat(drafted.statusCode()).as(drafted.body()).isEqualTo(201);
        long lease = WebClient.json(drafted).get("id").asLong();
        var row = WebClient.json(clerk.getJson("/api/v1/leases/" + lease));
        // the rent is the approved standard's (the demo prices every project), the deposit 3 months of it by policy
        BigDecimal rent = row.get("monthlyRent").decimalValue();
        assertThat(rent).isPositive();
        assertThat(row.get("deposit").decimalValue()).isEqualByComparingTo(rent.multiply(BigDecimal.valueOf(3)));
        assertThat(row.get("unit").asString()).contains("栋");
        assertThat(row.get("head").asString()).as("the head's name is masked in lists").matches("\\p{IsHan}+\\*+");
        assertThat(row.get("endDate").asString()).isEqualTo(TestClock.today().plusMonths(60).minusDays(1).toString());

        HttpResponse<String> early = clerk.postJson("/api/v1/leases/" + lease + "/move-in", LeaseFixtures.MOVE_IN);
        assertThat(early.statusCode()).as("not before signing").isEqualTo(409);
        assertThat(WebClient.json(early).get("code").asString()).isEqualTo("ILLEGAL_TRANSITION");
        assertThat(WebClient.json(early).get("detail").asString()).contains("草稿");
        assertThat(clerk.postJson("/api/v1/leases/" + lease + "/sign", "{}").statusCode()).isEqualTo(204);
        // the checklist is the move-in: without it, or without the household's information checked, nothing moves
        HttpResponse<String> noKeys = clerk.postJson("/api/v1/leases/" + lease + "/move-in", LeaseFixtures.MOVE_IN.replace("\"keys\":2", "\"keys\":0"));
        assertThat(WebClient.json(noKeys).get("code").asString()).isEqualTo("HANDOVER_KEYS_REQUIRED");
        HttpResponse<String> unchecked = clerk.postJson("/api/v1/leases/" + lease + "/move-in",
                LeaseFixtures.MOVE_IN.replace("\"householdInfoConfirmed\":true", "\"householdInfoConfirmed\":false"));
        assertThat(WebClient.json(unchecked).get("code").asString()).isEqualTo("HOUSEHOLD_INFO_UNCONFIRMED");
        HttpResponse<String> noFixtures = clerk.postJson("/api/v1/leases/" + lease + "/move-in",
                LeaseFixtures.MOVE_IN.replaceAll("\"fixtures\":\\[[^\\]]*\\]", "\"fixtures\":[]"));
        assertThat(WebClient.json(noFixtures).get("code").asString()).isEqualTo("FIXTURES_REQUIRED");
        assertThat(unitStatus(c.unitId())).as("nothing half-written").isEqualTo("RESERVED");
        assertThat(clerk.postJson("/api/v1/leases/" + lease + "/move-in", LeaseFixtures.MOVE_IN).statusCode()).isEqualTo(204);
        assertThat(jdbc.sql("select keys || '/' || water_reading || '/' || electricity_reading from lease_handover where lease_id = ? and kind = 'MOVE_IN'")
                .param(lease).query(String.class).single()).isEqualTo("2/12.50/340.20");
        assertThat(unitStatus(c.unitId())).isEqualTo("OCCUPIED");
        assertThat(WebClient.json(clerk.getJson("/api/v1/leases/" + lease)).get("status").asString()).isEqualTo("ACTIVE");
        assertThat(jdbc.sql("select string_agg(kind, ',' order by id) from lease_event where lease_id = ?").param(lease)
                .query(String.class).single()).isEqualTo("DRAFTED,SIGNED,MOVED_IN");
        // another operator does not even see it
        assertThat(WebClient.loggedIn(port, "shenmu.op").getJson("/api/v1/leases/" + lease).statusCode()).isEqualTo(404);
    }

    @Test
    void noLeaseForAHouseholdWhoseEligibilityIsNotInForce() {
        SelectionFixtures.Chosen c = SelectionFixtures.chosen(port, jdbc);
        long decision = jdbc.sql("select id from eligibility_decision where household_id = ? and status = 'VALID' order by valid_to desc limit 1")
                .param(c.householdId()).query(Long.class).single();
        WebClient officer = WebClient.loggedIn(port, "yuyang.gov");
        assertThat(officer.postJson("/api/v1/eligibility-decisions/" + decision + "/status",
                "{\"status\":\"SUSPENDED\",\"reason\":\"收入核查\"}").statusCode()).isEqualTo(204);
        HttpResponse<String> refused = WebClient.loggedIn(port, "anju.staff").postJson("/api/v1/leases", draft(c.applicantId(), 36));
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(WebClient.json(refused).get("code").asString()).isEqualTo("ELIGIBILITY_NOT_IN_FORCE");
        assertThat(jdbc.sql("select count(*) from lease where selection_applicant_id = ?").param(c.applicantId())
                .query(Long.class).single()).as("no lease from this choice").isZero();
    }

    @Test
    void twoClerksDraftingTheSameChoiceMakeOneLease() throws Exception {
        SelectionFixtures.Chosen c = SelectionFixtures.chosen(port, jdbc);
        WebClient a = WebClient.loggedIn(port, "anju.staff");
        WebClient b = WebClient.loggedIn(port, "anju.manager");
        String ca = a.csrfToken();
        String cb = b.csrfToken();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        Future<HttpResponse<String>> fa = pool.submit(() -> {
            start.await();
            return a.postJson("/api/v1/leases", draft(c.applicantId(), 24), ca);
        });
        Future<HttpResponse<String>> fb = pool.submit(() -> {
            start.await();
            return b.postJson("/api/v1/leases", draft(c.applicantId(), 24), cb);
        });
        start.countDown();
        List<Integer> statuses = new ArrayList<>(List.of(fa.get().statusCode(), fb.get().statusCode()));
        pool.shutdown();
        assertThat(statuses).containsExactlyInAnyOrder(201, 409);
        assertThat(jdbc.sql("select count(*) from lease where unit_id = ?").param(c.unitId()).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void endingALeaseBeforeMoveInGivesTheUnitBack() {
        SelectionFixtures.Chosen c = SelectionFixtures.chosen(port, jdbc);
        WebClient clerk = WebClient.loggedIn(port, "anju.manager");
        long lease = WebClient.json(clerk.postJson("/api/v1/leases", draft(c.applicantId(), 12))).get("id").asLong();
        String path = "/api/v1/leases/" + lease + "/terminate";
        assertThat(WebClient.json(clerk.postJson(path, "{\"reason\":\"家庭放弃入住\"}")).get("code").asString())
                .isEqualTo("TERMINATION_KIND_REQUIRED");
        assertThat(WebClient.json(clerk.postJson(path, "{\"kind\":\"VOLUNTARY\",\"reason\":\"\"}")).get("code").asString())
                .isEqualTo("REASON_REQUIRED");
        assertThat(clerk.postJson(path, "{\"kind\":\"LEFT\",\"reason\":\"x\"}").statusCode()).as("unknown kind").isEqualTo(400);
        // the household's eligibility is in force: the operator cannot end the lease as if the government had revoked it
        HttpResponse<String> notRevoked = clerk.postJson(path, "{\"kind\":\"ELIGIBILITY_REVOKED\",\"reason\":\"资格已取消\"}");
        assertThat(notRevoked.statusCode()).isEqualTo(422);
        assertThat(WebClient.json(notRevoked).get("code").asString()).isEqualTo("ELIGIBILITY_STILL_IN_FORCE");
        assertThat(unitStatus(c.unitId())).as("nothing half-written").isEqualTo("RESERVED");
        assertThat(clerk.postJson(path, "{\"kind\":\"VOLUNTARY\",\"reason\":\"家庭放弃入住\"}").statusCode()).isEqualTo(204);
        assertThat(jdbc.sql("select termination_kind || '/' || termination_reason from lease where id = ?").param(lease)
                .query(String.class).single()).isEqualTo("VOLUNTARY/家庭放弃入住");
        assertThat(unitStatus(c.unitId())).isEqualTo("VACANT");
        HttpResponse<String> signedAfterAll = clerk.postJson("/api/v1/leases/" + lease + "/sign", "{}");
        assertThat(signedAfterAll.statusCode()).as("terminated is final").isEqualTo(409);
        assertThat(WebClient.json(signedAfterAll).get("code").asString()).isEqualTo("ILLEGAL_TRANSITION");
    }

    @Test
    void theContractPrintsInChineseWithItsFontEmbeddedAndTheIdNumberMasked() {
        SelectionFixtures.Chosen c = SelectionFixtures.chosen(port, jdbc);
        WebClient clerk = WebClient.loggedIn(port, "anju.staff");
        long lease = WebClient.json(clerk.postJson("/api/v1/leases", draft(c.applicantId(), 36))).get("id").asLong();
        HttpResponse<byte[]> pdf = clerk.getBytes("/api/v1/leases/" + lease + "/contract");
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type").orElse("")).startsWith("application/pdf");
        String text = Pdfs.text(pdf.body());
        var row = WebClient.json(clerk.getJson("/api/v1/leases/" + lease));
        String leaseNumber = row.get("leaseNumber").asString();
        assertThat(text).contains("公共租赁住房租赁合同", leaseNumber, "转借、转租", row.get("monthlyRent").decimalValue().setScale(2).toPlainString(),
                row.get("deposit").decimalValue().setScale(2).toPlainString(),
                TestClock.today().getYear() + "年");
        // the ID number is masked (first and last digits only), never printed whole
        assertThat(text).containsPattern("身份证号：\\d{1,6}\\*+[0-9X]{1,4}").doesNotContainPattern("\\d{17}[0-9X]");
        // every font is embedded, so the contract prints the same on any machine
        String fonts = Pdfs.fonts(pdf.body());
        assertThat(fonts.lines().skip(2).toList()).isNotEmpty().allSatisfy(line -> assertThat(line).contains(" yes "));
        // another operator cannot print it
        assertThat(WebClient.loggedIn(port, "shenmu.op").getBytes("/api/v1/leases/" + lease + "/contract").statusCode()).isEqualTo(404);
    }
}
