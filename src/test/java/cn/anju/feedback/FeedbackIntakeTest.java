package cn.anju.feedback;

import cn.anju.identity.ProjectOperators;
import cn.anju.shared.privacy.FieldCipher;
import cn.anju.support.PlatformTest;
import cn.anju.support.TestClock;
import cn.anju.support.WebClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** The one intake: idempotent under concurrency, placed by the phone's household, channels kept to who may use them. */
@PlatformTest
class FeedbackIntakeTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    FieldCipher cipher;
    @Autowired
    ProjectOperators operators;

    static String inbound(String channel, String externalId, String from, String text, String extra) {
        return "{\"channel\":\"" + channel + "\",\"externalId\":\"" + externalId + "\",\"receivedAt\":\"2026-11-16T09:30:00+08:00\","
                + (from == null ? "" : "\"from\":\"" + from + "\",") + "\"text\":\"" + text + "\"" + extra + "}";
    }

    @Test
    void twentyConcurrentRepeatsMakeOneCase() throws Exception {
        WebClient service = WebClient.loggedIn(port, "anju.service");
        String body = inbound("HOTLINE", "call-" + UUID.randomUUID(), null, "楼道灯坏了一周没人修", "");
        String csrf = service.csrfToken();
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(20);
        List<Future<HttpResponse<String>>> answers = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            Callable<HttpResponse<String>> post = () -> {
                go.await();
                return service.postJson("/api/v1/feedback/inbound", body, csrf);
            };
            answers.add(pool.submit(post));
        }
        go.countDown();
        List<Integer> statuses = new ArrayList<>();
        List<Long> ids = new ArrayList<>();
        for (var f : answers) {
            HttpResponse<String> r = f.get();
            statuses.add(r.statusCode());
            ids.add(WebClient.json(r).get("id").asLong());
        }
        pool.shutdown();
        assertThat(statuses).filteredOn(s -> s == 201).hasSize(1);
        assertThat(statuses).filteredOn(s -> s == 200).hasSize(19);
        assertThat(ids).containsOnly(ids.getFirst());
        assertThat(jdbc.sql("select count(*) from feedback_message where direction = 'IN' and case_id = ?").param(ids.getFirst())
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aCallerPhoneFindsTheHouseholdAndItsProjectsOperatorTakesTheCase() {
        record Member(long household, String phone) {
        }
        Member m = jdbc.sql("""
                        select hm.household_id, hm.phone from household_member hm join lease_occupancy o on o.household_id = hm.household_id
                         join lease l on l.id = o.lease_id where hm.phone is not null and l.district_code = '610802'
                           and (select count(distinct m2.household_id) from household_member m2 where m2.phone_index = hm.phone_index) = 1
                         order by hm.id limit 1""")
                .query((rs, n) -> new Member(rs.getLong(1), rs.getString(2))).single();
        String phone = cipher.decrypt(m.phone(), "household_member.phone");
        WebClient service = WebClient.loggedIn(port, "anju.service");
        var r = service.postJson("/api/v1/feedback/inbound", inbound("HOTLINE", "call-" + UUID.randomUUID(), phone, "电梯停运", ""));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        JsonNode made = WebClient.json(r);
        assertThat(made.get("caseNumber").asString()).startsWith("TS20261116");
        assertThat(made.get("trackingCode").asString()).matches("[0-9]{6}");
        var row = jdbc.sql("select household_id, project_id, operator_id, sender, ack_due_on::text from feedback_case where id = ?")
                .param(made.get("id").asLong()).query((rs, n) -> List.of(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4),
                        rs.getString(5))).single();
        assertThat(row.get(0)).isEqualTo(m.household());
        assertThat(row.get(1)).as("placed on the household's project").isNotEqualTo(0L);
        assertThat(row.get(2)).as("the operator serving the household's project")
                .isEqualTo(operators.serving("610802", (Long) row.get(1), TestClock.today()).orElseThrow());
        assertThat((String) row.get(3)).as("the number is stored encrypted").doesNotContain(phone).startsWith("enc:");
        assertThat(row.get(4)).as("acknowledge within one working day: Monday's case by Tuesday").isEqualTo("2026-11-17");
        // the detail shows the number masked, and the whole timeline
        JsonNode detail = WebClient.json(service.getJson("/api/v1/feedback/cases/" + made.get("id").asLong()));
        assertThat(detail.get("senderMasked").asString()).doesNotContain(phone).contains("****");
        assertThat(detail.get("timeline").size()).isGreaterThanOrEqualTo(3);
    }

    @Test
    void eachCallerKeepsToItsChannelsAndBadInputSaysWhatToFix() {
        WebClient tenant = WebClient.loggedIn(port, "tenant.demo");
        var refused = tenant.postJson("/api/v1/feedback/inbound", inbound("HOTLINE", "t-" + UUID.randomUUID(), null, "噪音", ""));
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("FEEDBACK_CHANNEL_NOT_YOURS");
        var own = tenant.postJson("/api/v1/feedback/inbound", inbound("WEB", "t-" + UUID.randomUUID(), null, "楼下夜间噪音", ""));
        assertThat(own.statusCode()).as(own.body()).isEqualTo(201);
        long tenantHousehold = jdbc.sql("select household_id from app_user where username = 'tenant.demo'").query(Long.class).single();
        assertThat(jdbc.sql("select household_id from feedback_case where id = ?").param(WebClient.json(own).get("id").asLong())
                .query(Long.class).single()).isEqualTo(tenantHousehold);

        WebClient staff = WebClient.loggedIn(port, "anju.staff");
        var noDuty = staff.postJson("/api/v1/feedback/inbound", inbound("HOTLINE", "s-" + UUID.randomUUID(), null, "咨询", ""));
        assertThat(noDuty.statusCode()).as("a cashier without the 客服专员 duty").isEqualTo(403);

        WebClient service = WebClient.loggedIn(port, "anju.service");
        var noText = service.postJson("/api/v1/feedback/inbound", inbound("HOTLINE", "x-" + UUID.randomUUID(), null, " ", ""));
        assertThat(noText.statusCode()).isEqualTo(400);
        assertThat(noText.body()).contains("FEEDBACK_TEXT", "诉求内容");
        var future = service.postJson("/api/v1/feedback/inbound", "{\"channel\":\"HOTLINE\",\"externalId\":\"f-1\","
                + "\"receivedAt\":\"2030-01-01T00:00:00Z\",\"text\":\"x\"}");
        assertThat(future.statusCode()).isEqualTo(400);
        assertThat(future.body()).contains("FEEDBACK_RECEIVED_AT");
        assertThat(jdbc.sql("select count(*) from feedback_message where external_id = 'f-1'").query(Long.class).single()).isZero();
    }
}
