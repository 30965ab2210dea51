package cn.anju.notification;

import cn.anju.support.PlatformTest;
import cn.anju.support.WebClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo's outbox shows what "people's phones" received, so an activation code can be read while trying the demo. */
@PlatformTest
class DemoOutboxTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    @Test
    void theLatestTextsAreOnTheDemoOutboxWithoutSigningIn() {
        long outbox = jdbc.sql("""
                        insert into notification_outbox (channel, recipient_type, recipient_id, template, status, created_at, sent_at)
                        values ('SMS', 'TEST', 0, 'demo-outbox-test', 'SENT', now(), now()) returning id""").query(Long.class).single();
        String text = "【安居】演示发件箱测试 " + System.nanoTime();
        jdbc.sql("insert into sms_log (outbox_id, phone_masked, text, sent_at) values (?, '138****0000', ?, now())").params(outbox, text).update();
        var page = new WebClient(port).get("/demo/outbox");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("仅演示环境", text, "138****0000");
        assertThat(new WebClient(port).get("/account/activate").body()).contains("/demo/outbox");
    }
}
