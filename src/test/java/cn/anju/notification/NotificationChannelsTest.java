package cn.anju.notification;

import cn.anju.household.HouseholdQueries;
import cn.anju.household.MemberContacts;
import cn.anju.rent.BillRuns;
import cn.anju.rent.Dunning;
import cn.anju.support.LeaseFixtures;
import cn.anju.support.PlatformTest;
import cn.anju.support.SmtpServer;
import cn.anju.support.TestClock;
import cn.anju.support.WebClient;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A rent notice reaches the household on every channel it gave: SMS and WeChat through their recording adapters, and
 * e-mail over real SMTP (GreenMail); when the mail server is down the e-mail waits and goes once it is back.
 */
@PlatformTest
class NotificationChannelsTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    BillRuns runs;
    @Autowired
    Dunning dunning;
    @Autowired
    Notifications notifications;
    @Autowired
    MemberContacts contacts;
    @Autowired
    HouseholdQueries households;

    @Test
    void anOverdueNoticeGoesBySmsWeChatAndEmailAndWaitsForTheMailServer() throws InterruptedException {
        LeaseFixtures.Active a = LeaseFixtures.active(port, jdbc);
        long household = jdbc.sql("select household_id from lease where id = ?").param(a.leaseId()).query(Long.class).single();
        long head = households.headMemberId(household).orElseThrow();
        String email = "tenant" + a.leaseId() + "@example.com";
        String openid = "oAnju" + a.leaseId() + "WeChatOpenId0123";
        contacts.change(head, email, openid);
        // stored encrypted, never in the clear
        assertThat(jdbc.sql("select email || ' ' || wechat_openid from household_member where id = ?").param(head).query(String.class).single())
                .doesNotContain(email).doesNotContain(openid).startsWith("enc:");

        LocalDate today = TestClock.today();
        runs.run(BillRuns.Trigger.MANUAL, null, YearMonth.from(today));
        String number = jdbc.sql("select lease_number from lease where id = ?").param(a.leaseId()).query(String.class).single();
        LocalDate due = jdbc.sql("select due_date from bill where lease_id = ?").param(a.leaseId()).query(LocalDate.class).single();
        notifications.dispatch(); // anything queued by earlier work goes first
        SmtpServer.stop();
        try {
            TestClock.advance(Duration.ofDays(ChronoUnit.DAYS.between(today, due) + 2));
            dunning.run();
            List<String> channels = jdbc.sql("""
                            select channel from notification_outbox where recipient_id = ? and template = 'RENT_OVERDUE_NOTICE' and params like ?
                             order by channel""")
                    .params(head, "%" + number + "%").query(String.class).list();
            assertThat(channels).containsExactly("EMAIL", "SMS", "WECHAT");

            notifications.dispatch();
            // the scheduled dispatcher may hold a batch with these rows (rows it locked are skipped): wait for it to finish
            for (int i = 0; i < 50 && status(head, "SMS", number).startsWith("PENDING 0"); i++) {
                Thread.sleep(200);
                notifications.dispatch();
            }
            assertThat(status(head, "SMS", number)).isEqualTo("SENT 1");
            assertThat(status(head, "WECHAT", number)).isEqualTo("SENT 1");
            assertThat(status(head, "EMAIL", number)).isEqualTo("PENDING 1"); // the mail server is down: kept, tried again later
            // this notice's row only: an account with the same number as the member may have mail of its own
            assertThat(jdbc.sql("""
                            select last_error from notification_outbox where recipient_id = ? and channel = 'EMAIL'
                               and template = 'RENT_OVERDUE_NOTICE' and params like ?""").params(head, "%" + number + "%")
                    .query(String.class).single()).doesNotContain(email);

            SmtpServer.restart();
            notifications.dispatch();
            assertThat(status(head, "EMAIL", number)).isEqualTo("PENDING 1"); // not before its next attempt is due
            TestClock.advance(Duration.ofMinutes(2));
            notifications.dispatch();
            assertThat(status(head, "EMAIL", number)).isEqualTo("SENT 2");

            List<MimeMessage> mail = SmtpServer.receivedBy(email);
            assertThat(mail).hasSize(1);
            assertThat(subject(mail.getFirst())).isEqualTo("【安居公租房】公租房租金催缴通知");
            assertThat(SmtpServer.body(mail.getFirst())).contains(number, "已逾期2天", "欠缴¥");

            Map<String, Object> wechat = jdbc.sql("""
                            select w.openid_masked, w.text from wechat_log w join notification_outbox o on o.id = w.outbox_id
                             where o.recipient_id = ? and w.text like ?""").params(head, "%" + number + "%").query().singleRow();
            assertThat(wechat.get("openid_masked")).isEqualTo("oAnj****0123");
            assertThat((String) wechat.get("text")).contains(number);
            assertThat(jdbc.sql("select count(*) from sms_log s join notification_outbox o on o.id = s.outbox_id where o.recipient_id = ? and s.text like ?")
                    .params(head, "%" + number + "%").query(Long.class).single()).isEqualTo(1);
        } finally {
            TestClock.reset();
            SmtpServer.restart();
        }
    }

    @Test
    void aTenantGivesAnEmailAddressAndIsToldWhatToFixWhenItIsWrong() {
        WebClient tenant = WebClient.loggedIn(port, "tenant.demo");
        var page = tenant.get("/my/contacts");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("通知方式", "****");

        String csrf = tenant.csrfTokenFrom("/my/contacts");
        var wrong = tenant.postForm("/my/contacts", Map.of("_csrf", csrf, "email", "not-an-address", "wechatOpenId", ""));
        assertThat(wrong.statusCode()).isEqualTo(200);
        assertThat(wrong.body()).contains("电子邮箱格式不正确");

        var saved = tenant.postForm("/my/contacts", Map.of("_csrf", csrf, "email", "tenant.demo@example.com", "wechatOpenId", ""));
        assertThat(saved.statusCode()).isEqualTo(302);
        assertThat(WebClient.location(saved)).endsWith("/my/contacts?saved");
        assertThat(tenant.get("/my/contacts?saved").body()).contains("tenant.demo@example.com", "已保存通知方式");
        // an operator cannot use the tenant's page
        assertThat(WebClient.loggedIn(port, "anju.staff").get("/my/contacts").statusCode()).isEqualTo(403);
    }

    private String status(long head, String channel, String leaseNumber) {
        return jdbc.sql("""
                        select status || ' ' || attempts from notification_outbox
                         where recipient_id = ? and channel = ? and template = 'RENT_OVERDUE_NOTICE' and params like ?""")
                .params(head, channel, "%" + leaseNumber + "%").query(String.class).single();
    }

    private static String subject(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
