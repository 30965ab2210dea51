package cn.anju.feedback.channel;

import cn.anju.feedback.Channel;
import cn.anju.feedback.FeedbackIntake;
import cn.anju.feedback.FeedbackOutbox;
import cn.anju.feedback.Inbound;
import cn.anju.support.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The 12345 hand-off's way back (docs/12345.md): a ticket's acknowledgement is pushed to the hotline's callback as
 * JSON naming the ticket, signed with the shared secret; when the hotline answers with an error the message waits
 * for the outbox's next try.
 */
class City12345ReplierTest extends ChannelServers {

    @Autowired
    FeedbackIntake intake;
    @Autowired
    FeedbackOutbox outbox;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    JsonMapper json;

    @AfterEach
    void hotlineAnswersAgain() {
        hotlineAnswers = 200;
    }

    @Test
    void theAcknowledgementOfATicketReachesTheHotlineSigned() {
        // a ticket without the caller's number is still answered: the hotline is told, not the caller
        String ticket = "12345-" + UUID.randomUUID();
        FeedbackIntake.Received received = intake.receive(ticket(ticket, null));
        outbox.deliver();

        List<Push> pushes = PUSHES.stream().filter(p -> json.readTree(p.body()).path("ticket").asString().equals(ticket)).toList();
        assertThat(pushes).hasSize(1);
        Push push = pushes.getFirst();
        assertThat(push.signature()).isEqualTo("sha256=" + City12345Replier.sign(HOTLINE_SECRET, push.body()));
        assertThat(push.signature()).isNotEqualTo("sha256=" + City12345Replier.sign("another-secret", push.body()));
        JsonNode body = json.readTree(push.body());
        assertThat(body.path("caseNumber").asString()).isEqualTo(received.caseNumber());
        assertThat(body.path("kind").asString()).isEqualTo("ACKNOWLEDGEMENT");
        // the same on every try, so the hotline can drop a repeat
        assertThat(body.path("id").asLong()).isEqualTo(jdbc.sql("select id from feedback_message where case_id = ? and purpose = 'ACKNOWLEDGEMENT'")
                .param(received.id()).query(Long.class).single());
        assertThat(body.path("text").asString()).contains(received.caseNumber());
        assertThat(OffsetDateTime.parse(body.path("sentAt").asString())).isNotNull();
        assertThat(status(received.id())).isEqualTo("SENT 1");
    }

    @Test
    void anErrorFromTheHotlineLeavesTheMessageForTheNextTry() {
        hotlineAnswers = 500;
        String ticket = "12345-" + UUID.randomUUID();
        FeedbackIntake.Received received = intake.receive(ticket(ticket, "13900001234"));
        outbox.deliver();

        assertThat(PUSHES.stream().anyMatch(p -> json.readTree(p.body()).path("ticket").asString().equals(ticket))).isTrue();
        assertThat(status(received.id())).isEqualTo("PENDING 1");
    }

    private static Inbound ticket(String ticket, String caller) {
        return Inbound.of(Channel.CITY_12345, ticket, OffsetDateTime.now(TestClock.clock()), caller, "市民反映：小区电梯经常停运。", List.of());
    }

    private String status(long caseId) {
        return jdbc.sql("select status || ' ' || attempts from feedback_message where case_id = ? and purpose = 'ACKNOWLEDGEMENT'")
                .param(caseId).query(String.class).single();
    }
}
