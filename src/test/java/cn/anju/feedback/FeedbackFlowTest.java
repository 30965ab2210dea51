package cn.anju.feedback;

import cn.anju.shared.measure.MeasurePeriod;
import cn.anju.shared.measure.MeasureRecord;
import cn.anju.shared.measure.MeasureScope;
import cn.anju.shared.measure.Measures;
import cn.anju.support.PlatformTest;
import cn.anju.support.TestClock;
import cn.anju.support.WebClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A case's way on the working-day calendar (a holiday, a pause, the earlier of two deadlines, overdue), and the
 * follow-up the operator cannot grade itself: dissatisfied reopens, the third time the district takes it up, and an
 * answer the operator entered stays out of the satisfaction rate.
 */
@PlatformTest
class FeedbackFlowTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Measures measures;
    @Autowired
    FollowUps followUps;

    @AfterEach
    void resetClock() {
        TestClock.reset();
    }

    long housedIn(String district) {
        return ServedHouseholds.housedIn(port, jdbc, district);
    }

    long projectOf(long household) {
        return jdbc.sql("select l.project_id from lease_occupancy o join lease l on l.id = o.lease_id where o.household_id = ? order by l.id desc limit 1")
                .param(household).query(Long.class).list().getFirst();
    }

    /** The tenant's link, as the follow-up message sent it. */
    String lastFollowUpToken(long id) {
        String body = jdbc.sql("select body from feedback_message where case_id = ? and purpose = 'FOLLOW_UP' order by id desc limit 1")
                .param(id).query(String.class).single();
        return body.substring(body.lastIndexOf('/') + 1);
    }

    long take(WebClient service, String receivedAt, long household) {
        var r = service.postJson("/api/v1/feedback/inbound", "{\"channel\":\"HOTLINE\",\"externalId\":\"call-" + UUID.randomUUID()
                + "\",\"receivedAt\":\"" + receivedAt + "\",\"text\":\"单元门禁坏了\",\"householdId\":" + household + "}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return WebClient.json(r).get("id").asLong();
    }

    static void ok(java.net.http.HttpResponse<String> r) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    }

    String column(long id, String column) {
        return jdbc.sql("select " + column + "::text from feedback_case where id = ?").param(id).query((rs, n) -> rs.getString(1)).list().getFirst();
    }

    long userId(String username) {
        return jdbc.sql("select id from app_user where username = ?").param(username).query(Long.class).single();
    }

    void handle(WebClient service, long id) {
        ok(service.postJson("/api/v1/feedback/cases/" + id + "/assignment", "{\"handlerId\":" + userId("anju.service") + "}"));
        ok(service.postJson("/api/v1/feedback/cases/" + id + "/start", "{}"));
    }

    @Test
    void clocksRunOnWorkingDaysAcrossTheNationalDayHolidayAndAPause() {
        WebClient service = WebClient.loggedIn(port, "anju.service");
        long id = take(service, "2026-09-30T10:00:00+08:00", housedIn("610802"));
        // 1 working day after Wed 30 September: the holiday runs 1-7 October, so Thursday 8 October
        assertThat(column(id, "ack_due_on")).isEqualTo("2026-10-08");
        ok(service.postJson("/api/v1/feedback/cases/" + id + "/acceptance", "{\"kind\":\"COMPLAINT\",\"category\":\"REPAIR\"}"));
        // 5 working days: 8, 9, Saturday 10 (a make-up working day), 12, 13 October
        assertThat(column(id, "reply_due_on")).isEqualTo("2026-10-13");
        handle(service, id);
        ok(service.postJson("/api/v1/feedback/cases/" + id + "/pause", "{\"reason\":\"等待住户提供门禁卡编号\"}"));
        var pausedReply = service.postJson("/api/v1/feedback/cases/" + id + "/reply", "{\"text\":\"已处理\"}");
        assertThat(pausedReply.statusCode()).isEqualTo(409);
        assertThat(pausedReply.body()).contains("FEEDBACK_PAUSED");
        TestClock.advance(Duration.ofDays(2));
        service = WebClient.loggedIn(port, "anju.service"); // two days idle end any session
        ok(service.postJson("/api/v1/feedback/cases/" + id + "/resumption", "{}"));
        // paused Monday and Tuesday: two working days more
        assertThat(column(id, "reply_due_on")).isEqualTo("2026-10-15");
        JsonNode overdue = WebClient.json(service.getJson("/api/v1/feedback/cases?overdue=true&size=200"));
        assertThat(overdue.get("items").findValuesAsString("caseNumber")).contains(column(id, "case_number"));
        JsonNode detail = WebClient.json(service.getJson("/api/v1/feedback/cases/" + id));
        assertThat(detail.get("timeline").toString()).contains("暂停计时：等待住户提供门禁卡编号", "恢复计时");
    }

    @Test
    void aHandOffFrom12345KeepsTheEarlierDeadlineAndWaitsInItsDistrictsQueue() {
        // the machine account has no password: the security administrator issues its token
        WebClient security = WebClient.loggedIn(port, "security");
        String token = WebClient.json(security.postJson("/api/v1/security/accounts/" + userId("gateway.12345") + "/tokens",
                "{\"name\":\"12345\",\"days\":30}")).get("token").asString();
        WebClient machine = new WebClient(port);
        String body = "{\"channel\":\"CITY_12345\",\"externalId\":\"12345-" + UUID.randomUUID() + "\",\"receivedAt\":\"2026-11-16T01:00:00Z\","
                + "\"from\":\"13900000000\",\"text\":\"小区路灯不亮\",\"externalDeadline\":\"2026-11-18T18:00:00+08:00\",\"districtCode\":\"610802\"}";
        var first = machine.postJsonWithToken("/api/v1/feedback/inbound", body, token);
        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
        assertThat(machine.postJsonWithToken("/api/v1/feedback/inbound", body, token).statusCode()).isEqualTo(200);
        long id = WebClient.json(first).get("id").asLong();
        assertThat(column(id, "project_id")).isNull();
        assertThat(machine.getWithToken("/api/v1/feedback/cases/" + id, token).statusCode()).as("a gateway reads nothing").isIn(403, 404);

        WebClient district = WebClient.loggedIn(port, "yuyang.gov");
        JsonNode queue = WebClient.json(district.getJson("/api/v1/feedback/cases?queue=UNPLACED&size=200"));
        assertThat(queue.get("items").findValuesAsString("caseNumber")).contains(column(id, "case_number"));
        long project = projectOf(housedIn("610802"));
        ok(district.postJson("/api/v1/feedback/cases/" + id + "/placement", "{\"projectId\":" + project + "}"));

        WebClient service = WebClient.loggedIn(port, "anju.service");
        ok(service.postJson("/api/v1/feedback/cases/" + id + "/acceptance", "{\"kind\":\"COMPLAINT\",\"category\":\"ENVIRONMENT_SAFETY\"}"));
        // ours would be 23 November (5 working days); 12345's 18 November is earlier and governs
        assertThat(column(id, "reply_due_on")).isEqualTo("2026-11-18");
    }

    @Test
    void dissatisfiedReopensTwiceThenTheDistrictTakesItUpAndOperatorAnswersStayOutOfTheRate() {
        WebClient service = WebClient.loggedIn(port, "anju.service");
        long id = take(service, "2026-11-16T08:00:00+08:00", housedIn("610802"));
        ok(service.postJson("/api/v1/feedback/cases/" + id + "/acceptance", "{\"kind\":\"COMPLAINT\",\"category\":\"ENVIRONMENT_SAFETY\"}"));
        handle(service, id);
        for (int round = 1; round <= 3; round++) {
            ok(service.postJson("/api/v1/feedback/cases/" + id + "/reply", "{\"text\":\"已安排清理（第" + round + "次）\"}"));
            followUps.answerByLink(lastFollowUpToken(id), FollowUps.Answer.DISSATISFIED, "还没清");
            if (round < 3) {
                assertThat(column(id, "state")).isEqualTo("REOPENED");
                assertThat(column(id, "reopen_count")).isEqualTo(String.valueOf(round));
                ok(service.postJson("/api/v1/feedback/cases/" + id + "/start", "{}"));
            }
        }
        assertThat(column(id, "state")).isEqualTo("FOLLOWED_UP");
        assertThat(column(id, "escalated_at")).isNotNull();
        assertThat(service.postJson("/api/v1/feedback/cases/" + id + "/start", "{}").statusCode()).isEqualTo(409);
        WebClient district = WebClient.loggedIn(port, "yuyang.gov");
        assertThat(WebClient.json(district.getJson("/api/v1/feedback/cases?queue=ESCALATED&size=200")).get("items")
                .findValuesAsString("caseNumber")).contains(column(id, "case_number"));
        ok(district.postJson("/api/v1/feedback/cases/" + id + "/district-decision", "{\"reopen\":false,\"conclusion\":\"已现场核实清理完毕\"}"));
        assertThat(column(id, "state")).isEqualTo("CLOSED");

        // a second case answered by the operator's own call: closed, but not in the satisfaction rate
        long phoned = take(service, "2026-11-16T09:00:00+08:00", housedIn("610802"));
        ok(service.postJson("/api/v1/feedback/cases/" + phoned + "/acceptance", "{\"kind\":\"HELP\",\"category\":\"OTHER\"}"));
        handle(service, phoned);
        ok(service.postJson("/api/v1/feedback/cases/" + phoned + "/reply", "{\"text\":\"已处理\"}"));
        ok(service.postJson("/api/v1/feedback/cases/" + phoned + "/follow-up-call", "{\"reached\":true,\"answer\":\"SATISFIED\"}"));
        assertThat(column(phoned, "state")).isEqualTo("CLOSED");

        var rate = measures.compute("COMPLAINT_SATISFACTION_RATE", MeasureScope.districts("610802"),
                new MeasurePeriod.Range(TestClock.today(), TestClock.today()));
        // each answer is a record: the tenant's three, none of the operator's
        String answers = "select id from feedback_follow_up where case_id = ? and answer is not null";
        List<Long> tenants = jdbc.sql(answers).param(id).query(Long.class).list();
        assertThat(tenants).hasSize(3);
        assertThat(rate.records()).filteredOn(r -> tenants.contains(r.id())).hasSize(3).noneMatch(MeasureRecord::inNumerator);
        assertThat(rate.records()).extracting(MeasureRecord::id).doesNotContainAnyElementsOf(jdbc.sql(answers).param(phoned).query(Long.class).list());
        long reopened = measures.compute("COMPLAINT_REOPEN_RATE", MeasureScope.districts("610802"),
                new MeasurePeriod.Range(TestClock.today(), TestClock.today())).records().stream()
                .filter(r -> r.id() == id && r.inNumerator()).count();
        assertThat(reopened).as("closed by the district after reopening: counted as reopened").isEqualTo(1);
    }
}
