package cn.anju.maintenance;

import cn.anju.support.PlatformTest;
import cn.anju.support.TestClock;
import cn.anju.support.WebClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.Map;
import javax.imageio.ImageIO;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Maintenance: the scope guard decides on the work type whatever the words; deadlines and escalation with a
 * controllable clock; a tenant's repair from report to rating; preventive schedules make their own orders.
 */
@PlatformTest
class MaintenanceTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    WorkOrderDeadlines deadlines;
    @Autowired
    PreventiveSchedules schedules;

    long yuyangProject() {
        return jdbc.sql("select id from project where district_code = '610802' order by id limit 1").query(Long.class).single();
    }

    JsonNode submit(WebClient who, String workType, String description, String priority) {
        var r = who.postJson("/api/v1/work-orders", "{\"source\":\"HOTLINE\",\"projectId\":" + yuyangProject() + ",\"category\":\"CORRIDORS_STAIRS\","
                + "\"location\":\"COMMON\",\"workType\":\"" + workType + "\",\"priority\":\"" + priority + "\",\"description\":\"" + description + "\"}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return WebClient.json(r);
    }

    @Test
    void theScopeGuardDecidesOnTheWorkTypeWhateverTheWords() {
        WebClient clerk = WebClient.loggedIn(port, "anju.staff");
        // construction work worded as an ordinary repair is refused, with the reason
        JsonNode decoration = submit(clerk, "DECORATION", "楼道墙面小修补", "NORMAL");
        assertThat(decoration.get("state").asString()).isEqualTo("REFUSED");
        assertThat(decoration.get("reason").asString()).contains("不属于政府购买", "装饰装修");
        for (String type : new String[] {"NEW_CONSTRUCTION", "ALTERATION", "EXTENSION", "DEMOLITION", "RENOVATION"}) {
            assertThat(submit(clerk, type, "更换一盏灯", "NORMAL").get("state").asString()).as(type).isEqualTo("REFUSED");
        }
        // an ordinary repair is accepted even when its words sound like construction
        assertThat(submit(clerk, "REPAIR", "楼道装修后墙皮脱落，需翻新修补扶手", "NORMAL").get("state").asString()).isEqualTo("ACCEPTED");
        // inside a unit: the tenant's own repairs are refused with the reason, the owner's duties referred to the government
        JsonNode tenantDuty = submit(clerk, "TENANT_DUTY", "户内灯泡更换", "NORMAL");
        assertThat(tenantDuty.get("state").asString()).isEqualTo("REFUSED");
        assertThat(tenantDuty.get("reason").asString()).contains("承租人自行负责");
        JsonNode ownerDuty = submit(clerk, "OWNER_DUTY", "户内承重墙裂缝", "URGENT");
        assertThat(ownerDuty.get("state").asString()).isEqualTo("REFERRED");
        assertThat(ownerDuty.get("reason").asString()).contains("产权人");
        // the lists are configuration: a district that buys renovation too accepts it
        jdbc.sql("""
                insert into policy_setting (region_code, key, value, effective_from, changed_by, reason)
                values ('610802', 'maintenance.refused_work_types', 'NEW_CONSTRUCTION,ALTERATION,EXTENSION,DECORATION,DEMOLITION', ?, null, '测试：本区购买翻新服务')""")
                .param(Timestamp.from(TestClock.clock().instant().minusSeconds(1))).update();
        try {
            assertThat(submit(clerk, "RENOVATION", "单元门翻新", "NORMAL").get("state").asString()).isEqualTo("ACCEPTED");
        } finally {
            jdbc.sql("delete from policy_setting where region_code = '610802' and key = 'maintenance.refused_work_types'").update();
        }
        // a staff request without a work type says what to fix; the government does not record orders
        assertThat(WebClient.json(clerk.postJson("/api/v1/work-orders", "{\"projectId\":" + yuyangProject()
                + ",\"category\":\"LIGHTING\",\"location\":\"COMMON\",\"description\":\"灯不亮\"}")).get("code").asString()).isEqualTo("WORK_TYPE_REQUIRED");
        assertThat(WebClient.loggedIn(port, "yuyang.gov").postJson("/api/v1/work-orders", "{}").statusCode()).isEqualTo(403);
    }

    @Test
    void deadlinesAreMeasuredFromTheReportAndBreachesEscalate() {
        WebClient clerk = WebClient.loggedIn(port, "anju.staff");
        long urgent = submit(clerk, "REPAIR", "电梯困人", "URGENT").get("id").asLong();
        long normal = submit(clerk, "REPAIR", "楼道灯不亮", "NORMAL").get("id").asLong();
        try {
            // 3 hours later: the urgent one is late on site (2 h), the normal one is not (24 h)
            TestClock.advance(Duration.ofHours(3));
            clerk = WebClient.loggedIn(port, "anju.staff");
            var late = WebClient.json(clerk.getJson("/api/v1/work-orders?view=LATE&size=200")).get("items");
            assertThat(late.findValuesAsString("orderNumber")).contains(number(urgent)).doesNotContain(number(normal));
            assertThat(deadlines.escalate()).isGreaterThanOrEqualTo(1);
            assertThat(jdbc.sql("select escalated_at is not null from work_order where id = ?").param(urgent).query(Boolean.class).single()).isTrue();
            assertThat(deadlines.escalate()).as("flagged once").isZero();
            assertThat(WebClient.loggedIn(port, "anju.manager").get("/").body()).contains("超时的维修工单");

            // both are done, at the same moment so in the same month whatever day the suite starts on: the urgent one
            // after its 24 h, the normal one within its 72 h
            TestClock.advance(Duration.ofHours(22));
            clerk = WebClient.loggedIn(port, "anju.staff");
            finish(clerk, normal);
            finish(clerk, urgent);
            var detail = WebClient.json(clerk.getJson("/api/v1/work-orders/" + urgent)).get("order");
            assertThat(detail.get("doneLate").asBoolean()).isTrue();
            assertThat(WebClient.json(clerk.getJson("/api/v1/work-orders/" + normal)).get("order").get("doneLate").asBoolean()).isFalse();
            var rate = WebClient.json(clerk.getJson("/api/v1/work-orders/on-time-rate"));
            assertThat(rate.get("completed").asLong()).isGreaterThanOrEqualTo(2);
            assertThat(rate.get("onTime").asLong()).isLessThan(rate.get("completed").asLong());
        } finally {
            TestClock.reset();
        }
    }

    @Test
    void aStepTheOrderIsNotReadyForOrAStaleVersionAnswers409AndChangesNothing() {
        WebClient clerk = WebClient.loggedIn(port, "anju.staff");
        long id = submit(clerk, "REPAIR", "三楼扶手松动", "NORMAL").get("id").asLong();
        int version = jdbc.sql("select version from work_order where id = ?").param(id).query(Integer.class).single();
        long entries = jdbc.sql("select count(*) from work_order_event where work_order_id = ?").param(id).query(Long.class).single();
        // arriving before anyone was dispatched: the state table does not lead there
        var early = clerk.postJson("/api/v1/work-orders/" + id + "/arrival", "{}");
        assertThat(early.statusCode()).isEqualTo(409);
        assertThat(WebClient.json(early).get("code").asString()).isEqualTo("ILLEGAL_TRANSITION");
        assertThat(WebClient.json(early).get("detail").asString()).contains("已受理");
        assertThat(WebClient.json(clerk.postJson("/api/v1/work-orders/" + id + "/triage", "{\"workType\":\"REPAIR\"}")).get("code").asString())
                .as("triaged once").isEqualTo("ILLEGAL_TRANSITION");
        // a dispatch sent from a page that showed an older version loses to what happened since
        var stale = clerk.postJson("/api/v1/work-orders/" + id + "/dispatch", "{\"version\":" + (version - 1) + ",\"worker\":\"维修二班\"}");
        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(WebClient.json(stale).get("code").asString()).isEqualTo("CONCURRENT_CHANGE");
        assertThat(jdbc.sql("select state || ':' || version || ':' || coalesce(dispatched_to, '-') from work_order where id = ?").param(id)
                .query(String.class).single()).isEqualTo("ACCEPTED:" + version + ":-");
        assertThat(jdbc.sql("select count(*) from work_order_event where work_order_id = ?").param(id).query(Long.class).single()).isEqualTo(entries);
        // with the version the page showed, it goes through
        assertThat(clerk.postJson("/api/v1/work-orders/" + id + "/dispatch", "{\"version\":" + version + ",\"worker\":\"维修二班\"}").statusCode())
                .isEqualTo(204);
        assertThat(jdbc.sql("select state || ':' || version || ':' || dispatched_to from work_order where id = ?").param(id)
                .query(String.class).single()).isEqualTo("DISPATCHED:" + (version + 1) + ":维修二班");
    }

    private void finish(WebClient clerk, long id) {
        assertThat(clerk.postJson("/api/v1/work-orders/" + id + "/dispatch", "{\"worker\":\"维修一班 王师傅\"}").statusCode()).isEqualTo(204);
        assertThat(clerk.postJson("/api/v1/work-orders/" + id + "/arrival", "{}").statusCode()).isEqualTo(204);
        assertThat(clerk.postJson("/api/v1/work-orders/" + id + "/completion", "{\"note\":\"已修复\",\"labourCost\":80,\"materialCost\":35.5}")
                .statusCode()).isEqualTo(204);
    }

    private String number(long id) {
        return jdbc.sql("select order_number from work_order where id = ?").param(id).query(String.class).single();
    }

    static byte[] photo() throws IOException {
        BufferedImage image = new BufferedImage(20, 20, BufferedImage.TYPE_INT_RGB);
        image.setRGB(3, 4, 0x00FF00);
        var out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    @Test
    void aTenantReportsWithAPhotoFollowsItAndRatesTheRepair() throws IOException {
        WebClient tenant = WebClient.loggedIn(port, "tenant.demo");
        var posted = tenant.postMultipart("/my/repairs", Map.of("_csrf", tenant.csrfTokenFrom("/my/repairs"), "category", "LIGHTING",
                "location", "COMMON", "description", "5楼楼道灯不亮", "place", "5楼楼道"), "photo", "灯.png", "image/png", photo());
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(302);
        long id = Long.parseLong(WebClient.location(posted).replaceAll(".*/my/repairs/", ""));
        var detail = WebClient.json(tenant.getJson("/api/v1/work-orders/" + id));
        assertThat(detail.get("order").get("state").asString()).isEqualTo("SUBMITTED");
        assertThat(detail.get("attachments").findValuesAsString("stage")).containsExactly("REQUEST");
        // another household, another operator: nothing to see
        assertThat(WebClient.loggedIn(port, "shenmu.op").getJson("/api/v1/work-orders/" + id).statusCode()).isEqualTo(404);

        WebClient clerk = WebClient.loggedIn(port, "anju.staff");
        assertThat(clerk.postJson("/api/v1/work-orders/" + id + "/triage", "{\"workType\":\"REPAIR\",\"priority\":\"NORMAL\"}").statusCode()).isEqualTo(204);
        finish(clerk, id);
        // the operator cannot sign off a tenant's repair for them
        assertThat(clerk.postJson("/api/v1/work-orders/" + id + "/confirmation", "{\"rating\":5}").statusCode()).isEqualTo(403);
        assertThat(WebClient.json(tenant.postJson("/api/v1/work-orders/" + id + "/confirmation", "{}")).get("code").asString())
                .isEqualTo("RATING_REQUIRED");
        assertThat(tenant.postJson("/api/v1/work-orders/" + id + "/confirmation", "{\"rating\":4,\"comment\":\"修得很快\"}").statusCode()).isEqualTo(204);
        var done = WebClient.json(tenant.getJson("/api/v1/work-orders/" + id)).get("order");
        assertThat(done.get("state").asString()).isEqualTo("CONFIRMED");
        assertThat(done.get("rating").asInt()).isEqualTo(4);
        long household = jdbc.sql("select household_id from work_order where id = ?").param(id).query(Long.class).single();
        assertThat(jdbc.sql("select string_agg(kind, ',' order by id) from resident_file_entry where household_id = ? and ref_type = 'work_order' and ref_id = ?")
                .params(household, id).query(String.class).single()).isEqualTo("REPAIR_REPORTED,REPAIR_COMPLETED");
    }

    @Test
    void aPreventiveScheduleMakesItsOwnOrdersOncePerDueDay() {
        WebClient manager = WebClient.loggedIn(port, "anju.manager");
        long facility = jdbc.sql("select id from shared_facility where district_code = '610802' and kind = 'ELEVATOR' order by id limit 1")
                .query(Long.class).single();
        var created = manager.postJson("/api/v1/facilities/" + facility + "/schedules", "{\"task\":\"电梯半月保养\",\"category\":\"ELEVATOR\",\"everyDays\":15}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        long schedule = WebClient.json(created).get("id").asLong();
        schedules.run();
        schedules.run(); // a second run, or a second node: nothing more
        assertThat(jdbc.sql("select count(*) from work_order where schedule_id = ?").param(schedule).query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select state from work_order where schedule_id = ?").param(schedule).query(String.class).single()).isEqualTo("ACCEPTED");
        try {
            TestClock.advance(Duration.ofDays(15));
            schedules.run();
            assertThat(jdbc.sql("select count(*) from work_order where schedule_id = ?").param(schedule).query(Long.class).single()).isEqualTo(2);
            // the first one, never done, is overdue
            var overdue = WebClient.json(WebClient.loggedIn(port, "anju.manager").getJson("/api/v1/work-orders?view=PREVENTIVE_OVERDUE&size=200"));
            assertThat(overdue.get("total").asLong()).isGreaterThanOrEqualTo(1);
        } finally {
            TestClock.reset();
        }
        assertThat(WebClient.loggedIn(port, "anju.staff").postJson("/api/v1/facilities/" + facility + "/schedules", "{}").statusCode())
                .as("only a manager or the government plans").isEqualTo(403);
    }
}
