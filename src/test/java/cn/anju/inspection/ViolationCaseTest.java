package cn.anju.inspection;

import cn.anju.rent.BillRuns;
import cn.anju.rent.Dunning;
import cn.anju.support.ArrearsFixtures;
import cn.anju.support.LeaseFixtures;
import cn.anju.support.PlatformTest;
import cn.anju.support.TestClock;
import cn.anju.support.WebClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import javax.imageio.ImageIO;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Violation cases: the operator opens, adds evidence and reports; only the district's officer decides (403 for an
 * operator whatever the body); RECLAIM terminates the lease and the move-out closes the case; evidence is verified on
 * download; six months' arrears open a reported case by themselves, once.
 */
@PlatformTest
class ViolationCaseTest {

    static final LocalDate TODAY = TestClock.today();

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Value("${anju.files.root:data/files}")
    Path fileRoot;

    static byte[] photo(int seed) throws IOException {
        BufferedImage image = new BufferedImage(24, 16, BufferedImage.TYPE_INT_RGB);
        image.setRGB(seed % 24, seed % 16, 0xFF0000 + seed);
        var out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    long open(WebClient clerk, long lease, String type) {
        var r = clerk.postJson("/api/v1/violation-cases", "{\"leaseId\":" + lease + ",\"type\":\"" + type + "\",\"facts\":\"2026年11月入户核查，实际居住人非承租家庭成员，自称月付房租给承租人。\"}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return WebClient.json(r).get("id").asLong();
    }

    String state(long id) {
        return jdbc.sql("select state from violation_case where id = ?").param(id).query(String.class).single();
    }

    int version(long id) {
        return jdbc.sql("select version from violation_case where id = ?").param(id).query(Integer.class).single();
    }

    @Test
    void theOperatorReportsWithEvidenceOnlyTheDistrictOfficerDecidesAndReclaimEndsInTheMoveOut() throws IOException {
        LeaseFixtures.Active a = LeaseFixtures.active(port, jdbc);
        WebClient clerk = WebClient.loggedIn(port, "anju.staff");
        long id = open(clerk, a.leaseId(), "SUBLET");
        assertThat(state(id)).isEqualTo("DRAFT");
        assertThat(WebClient.json(clerk.postJson("/api/v1/violation-cases/" + id + "/report", "{}")).get("code").asString())
                .as("no report without evidence").isEqualTo("CASE_EVIDENCE_REQUIRED");

        var added = clerk.postMultipart("/api/v1/violation-cases/" + id + "/evidence",
                Map.of("description", "实际居住人与租客合影", "place", "3栋2单元门口", "latitude", "38.285100", "longitude", "109.734500"),
                "现场.png", "image/png", photo(1));
        assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
        assertThat(clerk.postJson("/api/v1/violation-cases/" + id + "/report", "{}").statusCode()).isEqualTo(204);

        // an operator's decision is refused before its body is read, and changes nothing
        for (String body : new String[] {"{\"decision\":\"RECLAIM\",\"reason\":\"转租\"}", "{}", "not json"}) {
            var refused = WebClient.loggedIn(port, "anju.manager").postJson("/api/v1/violation-cases/" + id + "/decision", body);
            assertThat(refused.statusCode()).as(body).isEqualTo(403);
        }
        assertThat(state(id)).isEqualTo("REPORTED");
        // an officer of another district does not even see it
        assertThat(WebClient.loggedIn(port, "hengshan.gov").postJson("/api/v1/violation-cases/" + id + "/decision",
                "{\"decision\":\"RECLAIM\",\"reason\":\"转租\"}").statusCode()).isEqualTo(404);
        assertThat(state(id)).isEqualTo("REPORTED");

        WebClient officer = WebClient.loggedIn(port, "yuyang.gov");
        // a decision without its grounds says what to fix
        assertThat(WebClient.json(officer.postJson("/api/v1/violation-cases/" + id + "/decision", "{\"decision\":\"RECLAIM\"}"))
                .get("code").asString()).isEqualTo("DECISION_REASON_REQUIRED");
        // a stale version loses
        assertThat(officer.postJson("/api/v1/violation-cases/" + id + "/decision",
                "{\"version\":" + (version(id) - 1) + ",\"decision\":\"RECLAIM\",\"reason\":\"转租属实\"}").statusCode()).isEqualTo(409);
        assertThat(officer.postJson("/api/v1/violation-cases/" + id + "/decision",
                "{\"version\":" + version(id) + ",\"decision\":\"RECLAIM\",\"reason\":\"经核查转租属实，依第二十七条收回\"}").statusCode()).isEqualTo(204);
        assertThat(state(id)).isEqualTo("DECIDED");
        assertThat(jdbc.sql("select string_agg(to_state, ',' order by id) from violation_case_event where case_id = ?").param(id)
                .query(String.class).single()).isEqualTo("DRAFT,REPORTED,UNDER_REVIEW,DECIDED");

        // the lease is terminated for the violation, with the transition period
        var lease = WebClient.json(clerk.getJson("/api/v1/leases/" + a.leaseId()));
        assertThat(lease.get("status").asString()).isEqualTo("TERMINATED");
        assertThat(lease.get("terminationKind").asString()).isEqualTo("VIOLATION");
        assertThat(lease.get("vacateBy").asString()).isEqualTo(TODAY.plusMonths(2).toString());
        // and the decision is in the resident file
        long household = jdbc.sql("select household_id from lease where id = ?").param(a.leaseId()).query(Long.class).single();
        assertThat(jdbc.sql("""
                        select count(*) from resident_file_entry where household_id = ? and kind = 'CASE_DECIDED' and title like '%收回住房%'
                           and ref_type = 'violation_case' and ref_id = ?""")
                .params(household, id).query(Long.class).single()).isEqualTo(1);

        var moved = clerk.postJson("/api/v1/leases/" + a.leaseId() + "/move-out", """
                {"keysReturned":2,"waterReading":20,"electricityReading":400,"fixtures":[{"item":"入户门及门锁","condition":"GOOD","note":""}],
                 "damages":"","damageAmount":0,"unitReturnedAs":"VACANT"}""");
        assertThat(moved.statusCode()).as(moved.body()).isEqualTo(200);
        // the lease module's LeaseMovedOut reaches the case after the move-out committed
        await().atMost(Duration.ofSeconds(20)).until(() -> state(id), "VACATED"::equals);
    }

    @Test
    void aStepTheCaseIsNotReadyForAnswers409WithTheOneCodeAndChangesNothing() {
        LeaseFixtures.Active a = LeaseFixtures.active(port, jdbc);
        long id = open(WebClient.loggedIn(port, "anju.staff"), a.leaseId(), "CHANGE_OF_USE");
        int version = version(id);
        // the officer cannot take up a draft the operator has not reported
        var early = WebClient.loggedIn(port, "yuyang.gov").postJson("/api/v1/violation-cases/" + id + "/review", "{}");
        assertThat(early.statusCode()).isEqualTo(409);
        assertThat(WebClient.json(early).get("code").asString()).isEqualTo("ILLEGAL_TRANSITION");
        assertThat(WebClient.json(early).get("detail").asString()).contains("草稿");
        assertThat(state(id)).isEqualTo("DRAFT");
        assertThat(version(id)).isEqualTo(version);
        assertThat(jdbc.sql("select string_agg(to_state, ',' order by id) from violation_case_event where case_id = ?").param(id)
                .query(String.class).single()).isEqualTo("DRAFT");
        // a closed case stays closed
        assertThat(WebClient.loggedIn(port, "anju.staff").postJson("/api/v1/violation-cases/" + id + "/closure", "{\"note\":\"误登记\"}")
                .statusCode()).isEqualTo(204);
        var again = WebClient.loggedIn(port, "anju.staff").postJson("/api/v1/violation-cases/" + id + "/closure", "{\"note\":\"再撤一次\"}");
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(WebClient.json(again).get("code").asString()).isEqualTo("ILLEGAL_TRANSITION");
        assertThat(state(id)).isEqualTo("CLOSED");
    }

    @Test
    void evidenceWhoseStoredBytesChangedIsRefusedOnDownload() throws IOException {
        LeaseFixtures.Active a = LeaseFixtures.active(port, jdbc);
        WebClient clerk = WebClient.loggedIn(port, "anju.staff");
        long id = open(clerk, a.leaseId(), "CHANGE_OF_USE");
        byte[] photo = photo(2);
        long evidence = WebClient.json(clerk.postMultipart("/api/v1/violation-cases/" + id + "/evidence",
                Map.of("description", "房屋改作仓库"), "仓库.png", "image/png", photo)).get("id").asLong();
        String path = "/api/v1/violation-cases/" + id + "/evidence/" + evidence;
        var ok = clerk.getBytes(path);
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.body()).isEqualTo(photo);

        String sha = jdbc.sql("select sha256 from violation_evidence where id = ?").param(evidence).query(String.class).single();
        Path stored = fileRoot.toAbsolutePath().resolve(sha.substring(0, 2)).resolve(sha.substring(2, 4)).resolve(sha);
        byte[] tampered = photo.clone();
        tampered[tampered.length - 5] ^= 0x01;
        Files.write(stored, tampered);
        try {
            var refused = clerk.getJson(path);
            assertThat(refused.statusCode()).isEqualTo(409);
            assertThat(WebClient.json(refused).get("code").asString()).isEqualTo("EVIDENCE_INTEGRITY");
            assertThat(jdbc.sql("select count(*) from audit_log where action = 'VIOLATION_CASE_EVIDENCE_INTEGRITY' and target_id = ?")
                    .param(Long.toString(id)).query(Long.class).single()).isEqualTo(1);
        } finally {
            Files.write(stored, photo);
        }
        // a file that is not a photo or PDF is refused whatever its name says
        var exe = clerk.postMultipart("/api/v1/violation-cases/" + id + "/evidence", Map.of("description", "伪装的文件"), "photo.png",
                "image/png", "MZ this is not an image".getBytes());
        assertThat(WebClient.json(exe).get("code").asString()).isEqualTo("EVIDENCE_TYPE_REFUSED");
    }

    @Test
    void aRectificationDeadlineMissedIsFlaggedAndGoesBackForANewDecision() {
        LeaseFixtures.Active a = LeaseFixtures.active(port, jdbc);
        WebClient clerk = WebClient.loggedIn(port, "anju.staff");
        long id = open(clerk, a.leaseId(), "DAMAGE");
        jdbc.sql("update violation_case set state = 'REPORTED' where id = ?").param(id).update(); // evidence path tested above
        WebClient officer = WebClient.loggedIn(port, "yuyang.gov");
        assertThat(WebClient.json(officer.postJson("/api/v1/violation-cases/" + id + "/decision",
                "{\"decision\":\"RECTIFY\",\"reason\":\"擅自拆除隔墙\",\"rectifyBy\":\"" + TODAY + "\"}")).get("code").asString())
                .as("the deadline lies ahead").isEqualTo("RECTIFY_DEADLINE_REQUIRED");
        assertThat(officer.postJson("/api/v1/violation-cases/" + id + "/decision",
                "{\"decision\":\"RECTIFY\",\"reason\":\"擅自拆除隔墙，限期恢复\",\"rectifyBy\":\"" + TODAY.plusDays(10) + "\"}").statusCode()).isEqualTo(204);
        assertThat(WebClient.json(officer.postJson("/api/v1/violation-cases/" + id + "/reopen", "{}")).get("code").asString())
                .as("not before the deadline").isEqualTo("CASE_REOPEN_REFUSED");
        try {
            TestClock.advance(Duration.ofDays(11));
            // sessions idle for 11 days have long expired: sign in again
            clerk = WebClient.loggedIn(port, "anju.staff");
            officer = WebClient.loggedIn(port, "yuyang.gov");
            assertThat(clerk.get("/").body()).contains("整改逾期的违规案件");
            assertThat(officer.postJson("/api/v1/violation-cases/" + id + "/reopen", "{\"note\":\"复查未恢复\"}").statusCode()).isEqualTo(204);
            assertThat(state(id)).isEqualTo("UNDER_REVIEW");
            assertThat(jdbc.sql("select decision is null and rectify_by is null from violation_case where id = ?").param(id)
                    .query(Boolean.class).single()).isTrue();
        } finally {
            TestClock.reset();
        }
    }

    @Autowired
    BillRuns runs;
    @Autowired
    Dunning dunning;

    @Test
    void sixMonthsOfArrearsOpenOneReportedCaseForTheGovernment() {
        LeaseFixtures.Active a = LeaseFixtures.active(port, jdbc);
        String number = jdbc.sql("select lease_number from lease where id = ?").param(a.leaseId()).query(String.class).single();
        try {
            ArrearsFixtures.sixMonthsOverdue(runs);
            dunning.reportArrears();
            dunning.reportArrears(); // a second run, or a second node: still one case
            // the case is opened by the inspection module once the report's transaction committed
            await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql("select count(*) from violation_case where lease_id = ?")
                    .param(a.leaseId()).query(Long.class).single() > 0);
            var cases = jdbc.sql("select id, state, type, source, arrears_amount from violation_case where lease_id = ?")
                    .param(a.leaseId()).query().listOfRows();
            assertThat(cases).hasSize(1);
            assertThat(cases.getFirst()).containsEntry("state", "REPORTED").containsEntry("type", "ARREARS").containsEntry("source", "ARREARS");
            long id = (Long) cases.getFirst().get("id");
            TestClock.reset(); // back to today, where the demo accounts' passwords have not aged
            var detail = WebClient.json(WebClient.loggedIn(port, "yuyang.gov").getJson("/api/v1/violation-cases/" + id));
            assertThat(detail.get("row").get("facts").asString()).contains(number, "第二十九条");
            assertThat(detail.get("row").get("leaseNumber").asString()).isEqualTo(number);
            // the operator cannot open one by hand
            assertThat(WebClient.json(WebClient.loggedIn(port, "anju.staff").postJson("/api/v1/violation-cases",
                    "{\"leaseId\":" + a.leaseId() + ",\"type\":\"ARREARS\",\"facts\":\"手工\"}")).get("code").asString())
                    .isEqualTo("ARREARS_CASE_AUTOMATIC");
            // the officer reclaims: the lease ends for arrears
            assertThat(WebClient.loggedIn(port, "yuyang.gov").postJson("/api/v1/violation-cases/" + id + "/decision",
                    "{\"decision\":\"RECLAIM\",\"reason\":\"累计拖欠租金6个月以上，经催缴仍未缴纳\"}").statusCode()).isEqualTo(204);
            assertThat(jdbc.sql("select termination_kind from lease where id = ?").param(a.leaseId()).query(String.class).single())
                    .isEqualTo("ARREARS");
        } finally {
            TestClock.reset();
        }
    }
}
