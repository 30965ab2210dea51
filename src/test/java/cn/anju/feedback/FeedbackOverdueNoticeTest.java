package cn.anju.feedback;

import cn.anju.shared.privacy.FieldCipher;
import cn.anju.support.PlatformTest;
import cn.anju.support.TestClock;
import cn.anju.support.WebClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A missed deadline reaches the operator's managers by SMS once, and the desk finds a case by the caller's name as
 * well as by number and phone.
 */
@PlatformTest
class FeedbackOverdueNoticeTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    FieldCipher cipher;
    @Autowired
    FeedbackOverdueNotices notices;

    @AfterEach
    void reset() {
        TestClock.reset();
        jdbc.sql("update app_user set contact_phone = null where username = 'anju.manager'").update();
    }

    long manager() {
        return jdbc.sql("select id from app_user where username = 'anju.manager'").query(Long.class).single();
    }

    long outboxFor(long manager) {
        return jdbc.sql("select count(*) from notification_outbox where recipient_type = 'app_user' and recipient_id = ? and template = ?")
                .params(manager, FeedbackOverdueNotices.TEMPLATE).query(Long.class).single();
    }

    @Test
    void aMissedAcknowledgementIsToldToTheManagersOnceAndTheDeskFindsItByName() {
        long manager = manager();
        jdbc.sql("update app_user set contact_phone = ? where id = ?")
                .params(cipher.encrypt("13700001111", "app_user.contact_phone"), manager).update();
        long household = ServedHouseholds.housedIn(port, jdbc, "610802");
        WebClient service = WebClient.loggedIn(port, "anju.service");
        var made = service.postJson("/api/v1/feedback/inbound", "{\"channel\":\"HOTLINE\",\"externalId\":\"late-" + UUID.randomUUID()
                + "\",\"receivedAt\":\"2026-11-16T09:00:00+08:00\",\"text\":\"水泵房漏水\",\"householdId\":" + household + "}");
        assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
        long id = WebClient.json(made).get("id").asLong();
        String number = WebClient.json(made).get("caseNumber").asString();

        notices.send();
        assertThat(jdbc.sql("select overdue_noticed_due::text from feedback_case where id = ?").param(id).query(String.class).list())
                .as("not late yet on Monday").containsOnlyNulls();
        long before = outboxFor(manager);

        TestClock.advance(Duration.ofDays(2)); // Wednesday: Tuesday's acknowledgement deadline has passed
        assertThat(notices.send()).isPositive();
        assertThat(jdbc.sql("select overdue_noticed_due::text from feedback_case where id = ?").param(id).query(String.class).single())
                .isEqualTo("2026-11-17");
        assertThat(outboxFor(manager)).as("one SMS to the manager with a phone on record").isEqualTo(before + 1);
        String params = jdbc.sql("select params::text from notification_outbox where recipient_id = ? and template = ? order by id desc limit 1")
                .params(manager, FeedbackOverdueNotices.TEMPLATE).query(String.class).single();
        assertThat(params).contains("\"count\"").doesNotContain("13700001111");

        assertThat(notices.send()).as("each missed deadline is told once").isZero();
        assertThat(outboxFor(manager)).isEqualTo(before + 1);

        // the desk: by the household's member name
        String name = jdbc.sql("select name from household_member where household_id = ? order by id limit 1").param(household)
                .query(String.class).single();
        JsonNode found = WebClient.json(WebClient.loggedIn(port, "anju.service")
                .getJson("/api/v1/feedback/cases?size=200&q=" + URLEncoder.encode(name, StandardCharsets.UTF_8)));
        assertThat(found.get("items").findValuesAsString("caseNumber")).contains(number);
        JsonNode byNumber = WebClient.json(WebClient.loggedIn(port, "anju.service").getJson("/api/v1/feedback/cases?q=" + number.toLowerCase()));
        assertThat(byNumber.get("items").findValuesAsString("caseNumber")).containsExactly(number);
    }
}
