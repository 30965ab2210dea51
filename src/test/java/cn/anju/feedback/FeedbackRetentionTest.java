package cn.anju.feedback;

import cn.anju.support.PlatformTest;
import cn.anju.support.WebClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Three years after a case is finished its personal data goes; the case and its figures stay. */
@PlatformTest
class FeedbackRetentionTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    FeedbackRetention retention;

    @Test
    void personalDataLeavesAFinishedCaseAfterTheRetentionPeriodAndTheCaseStays() {
        WebClient service = WebClient.loggedIn(port, "anju.service");
        long old = WebClient.json(service.postJson("/api/v1/feedback/inbound", "{\"channel\":\"HOTLINE\",\"externalId\":\"old-" + UUID.randomUUID()
                + "\",\"receivedAt\":\"2026-11-16T09:00:00+08:00\",\"from\":\"13911112222\",\"text\":\"我是王某，住3号楼\"}")).get("id").asLong();
        long recent = WebClient.json(service.postJson("/api/v1/feedback/inbound", "{\"channel\":\"HOTLINE\",\"externalId\":\"new-" + UUID.randomUUID()
                + "\",\"receivedAt\":\"2026-11-16T09:00:00+08:00\",\"from\":\"13911113333\",\"text\":\"我是李某\"}")).get("id").asLong();
        assertThat(service.postJson("/api/v1/feedback/cases/" + old + "/rejection", "{\"reason\":\"属私人出租房屋，请向房东反映\"}").statusCode())
                .isEqualTo(200);
        assertThat(service.postJson("/api/v1/feedback/cases/" + recent + "/rejection", "{\"reason\":\"同上\"}").statusCode()).isEqualTo(200);
        jdbc.sql("update feedback_case set closed_at = closed_at - interval '3 years 1 day' where id = ?").param(old).update();

        assertThat(retention.erase()).isGreaterThanOrEqualTo(1);
        var erased = jdbc.sql("select sender, sender_index, text, erased_at is not null, state, kind, received_at is not null from feedback_case where id = ?")
                .param(old).query((rs, n) -> new Object[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getBoolean(4), rs.getString(5),
                        rs.getString(6), rs.getBoolean(7)}).single();
        assertThat(erased[0]).isNull();
        assertThat(erased[1]).isNull();
        assertThat(erased[2]).isEqualTo(FeedbackRetention.ERASED);
        assertThat(erased).contains(true, "REJECTED", "COMPLAINT");
        assertThat(jdbc.sql("select count(*) from feedback_message where case_id = ? and body like '%王某%'").param(old).query(Long.class).single())
                .isZero();
        assertThat(jdbc.sql("select text from feedback_case where id = ?").param(recent).query(String.class).single()).isEqualTo("我是李某");
    }
}
