package cn.anju.inspection;

import cn.anju.support.LeaseFixtures;
import cn.anju.support.PlatformTest;
import cn.anju.support.TestClock;
import cn.anju.support.WebClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Patrols: plans make their tasks once per due day, a task is recorded whole, a failed item becomes a work order that
 * still has its photos (or a case whose evidence they are), missed tasks count against coverage.
 */
@PlatformTest
class PatrolTest {

    static final LocalDate TODAY = TestClock.today();

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PatrolPlans plans;

    long plan(String checklist, int every, LocalDate first) {
        long project = jdbc.sql("select id from project where district_code = '610802' order by id limit 1").query(Long.class).single();
        var r = WebClient.loggedIn(port, "anju.manager").postJson("/api/v1/patrol-plans", "{\"projectId\":" + project + ",\"name\":\"测试巡查\",\"everyDays\":"
                + every + ",\"checklist\":" + checklist + ",\"firstDueOn\":\"" + first + "\"}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return WebClient.json(r).get("id").asLong();
    }

    long task(long plan, LocalDate due) {
        return jdbc.sql("select id from patrol_task where plan_id = ? and due_on = ?").params(plan, due).query(Long.class).single();
    }

    @Test
    void aFailedItemBecomesAWorkOrderThatStillHasItsPhotos() throws IOException {
        long plan = plan("[\"单元门禁\",\"楼道照明\",\"消防通道\"]", 7, TODAY);
        plans.run();
        plans.run(); // again, or on a second node: still one task
        assertThat(jdbc.sql("select count(*) from patrol_task where plan_id = ?").param(plan).query(Long.class).single()).isEqualTo(1);
        long task = task(plan, TODAY);
        WebClient inspector = WebClient.loggedIn(port, "anju.staff");
        byte[] photo = ViolationCaseTest.photo(7);
        // an incomplete checklist is refused whole
        assertThat(WebClient.json(inspector.postMultipart("/api/v1/patrol-tasks/" + task + "/results", Map.of("result_1", "PASS"),
                "photo_1", "a.png", "image/png", photo)).get("code").asString()).isEqualTo("PATROL_ITEMS_INCOMPLETE");
        // a fail without a note says what to fix
        assertThat(WebClient.json(inspector.postMultipart("/api/v1/patrol-tasks/" + task + "/results",
                Map.of("result_1", "PASS", "result_2", "FAIL", "result_3", "PASS"), "photo_2", "灯.png", "image/png", photo))
                .get("code").asString()).isEqualTo("PATROL_FAIL_NOTE");
        var recorded = inspector.postMultipart("/api/v1/patrol-tasks/" + task + "/results",
                Map.of("result_1", "PASS", "result_2", "FAIL", "note_2", "3楼楼道灯不亮", "result_3", "PASS",
                        "latitude", "38.2851", "longitude", "109.7345"), "photo_2", "灯.png", "image/png", photo);
        assertThat(recorded.statusCode()).as(recorded.body()).isEqualTo(204);
        var detail = WebClient.json(inspector.getJson("/api/v1/patrol-tasks/" + task));
        assertThat(detail.get("task").get("state").asString()).isEqualTo("DONE");
        assertThat(detail.get("task").get("latitude").decimalValue()).isEqualByComparingTo("38.285100");
        var failed = detail.get("results").get(1);
        assertThat(failed.get("result").asString()).isEqualTo("FAIL");
        String photoSha = failed.get("photos").get(0).get("sha256").asString();
        // recorded once: a second submission is a step the task's states do not allow, answered like every other
        var again = inspector.postMultipart("/api/v1/patrol-tasks/" + task + "/results",
                Map.of("result_1", "PASS", "result_2", "PASS", "result_3", "PASS"), "photo_1", "a.png", "image/png", photo);
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(WebClient.json(again).get("code").asString()).isEqualTo("ILLEGAL_TRANSITION");
        assertThat(WebClient.json(again).get("detail").asString()).contains("已完成");

        var made = inspector.postJson("/api/v1/patrol-tasks/" + task + "/results/" + failed.get("id").asLong() + "/work-order",
                "{\"category\":\"LIGHTING\",\"workType\":\"REPAIR\",\"priority\":\"NORMAL\"}");
        assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
        long order = WebClient.json(made).get("workOrderId").asLong();
        var wo = WebClient.json(inspector.getJson("/api/v1/work-orders/" + order));
        assertThat(wo.get("order").get("source").asString()).isEqualTo("PATROL");
        assertThat(wo.get("order").get("state").asString()).isEqualTo("ACCEPTED");
        assertThat(wo.get("order").get("description").asString()).contains("楼道照明", "3楼楼道灯不亮");
        assertThat(wo.get("attachments").findValuesAsString("sha256")).containsExactly(photoSha);
        var fetched = inspector.getBytes("/api/v1/work-orders/" + order + "/attachments/" + wo.get("attachments").get(0).get("id").asLong());
        assertThat(fetched.body()).isEqualTo(photo);
        // one follow-up per item
        assertThat(inspector.postJson("/api/v1/patrol-tasks/" + task + "/results/" + failed.get("id").asLong() + "/work-order",
                "{\"category\":\"LIGHTING\",\"workType\":\"REPAIR\"}").statusCode()).isEqualTo(409);
        // a government officer supervises but does not record
        assertThat(WebClient.loggedIn(port, "yuyang.gov").postMultipart("/api/v1/patrol-tasks/" + task + "/results", Map.of(), "photo_1",
                "a.png", "image/png", photo).statusCode()).isEqualTo(403);
    }

    @Test
    void aFailedItemCanOpenACaseWithThePhotosAsEvidence() throws IOException {
        LeaseFixtures.Active a = LeaseFixtures.active(port, jdbc);
        String number = jdbc.sql("select lease_number from lease where id = ?").param(a.leaseId()).query(String.class).single();
        long plan = plan("[\"入户核查\"]", 30, TODAY);
        plans.run();
        long task = task(plan, TODAY);
        WebClient inspector = WebClient.loggedIn(port, "anju.staff");
        byte[] photo = ViolationCaseTest.photo(9);
        assertThat(inspector.postMultipart("/api/v1/patrol-tasks/" + task + "/results", Map.of("result_1", "FAIL", "note_1", "实际居住人非承租家庭"),
                "photo_1", "入户.png", "image/png", photo).statusCode()).isEqualTo(204);
        long result = WebClient.json(inspector.getJson("/api/v1/patrol-tasks/" + task)).get("results").get(0).get("id").asLong();
        var opened = inspector.postJson("/api/v1/patrol-tasks/" + task + "/results/" + result + "/violation-case",
                "{\"leaseNumber\":\"" + number + "\",\"type\":\"SUBLET\"}");
        assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
        long caseId = WebClient.json(opened).get("caseId").asLong();
        var c = WebClient.json(inspector.getJson("/api/v1/violation-cases/" + caseId));
        assertThat(c.get("row").get("source").asString()).isEqualTo("PATROL");
        assertThat(c.get("evidence").size()).isEqualTo(1);
        // the evidence is the patrol's photo, verified on download
        assertThat(inspector.getBytes("/api/v1/violation-cases/" + caseId + "/evidence/" + c.get("evidence").get(0).get("id").asLong()).body())
                .isEqualTo(photo);
        assertThat(inspector.postJson("/api/v1/violation-cases/" + caseId + "/report", "{}").statusCode()).isEqualTo(204);
    }

    @Test
    void missedTasksAreMarkedAndCountAgainstCoverage() {
        long plan = plan("[\"电梯运行\"]", 1, TODAY.minusDays(3));
        plans.run();
        var tasks = jdbc.sql("select state from patrol_task where plan_id = ? order by due_on").param(plan).query(String.class).list();
        assertThat(tasks).containsExactly("MISSED", "MISSED", "MISSED", "PENDING");
        var missed = WebClient.json(WebClient.loggedIn(port, "anju.manager").getJson("/api/v1/patrol-tasks?view=MISSED&size=200"));
        assertThat(missed.get("total").asLong()).isGreaterThanOrEqualTo(3);
        var coverage = WebClient.json(WebClient.loggedIn(port, "yuyang.gov").getJson("/api/v1/patrol-coverage"));
        assertThat(coverage.get("missed").asLong()).isGreaterThanOrEqualTo(TODAY.getDayOfMonth() > 3 ? 3 : 0);
        assertThat(coverage.get("coverage").decimalValue()).isLessThan(BigDecimal.ONE);
        // only a manager or an officer plans
        assertThat(WebClient.loggedIn(port, "anju.staff").postJson("/api/v1/patrol-plans", "{}").statusCode()).isEqualTo(403);
    }
}
