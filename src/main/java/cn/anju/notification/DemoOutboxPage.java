package cn.anju.notification;

import cn.anju.shared.web.PublicPath;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * The demo's stand-in for people's phones (演示发件箱), demo profile only: while no SMS gateway or WeChat account is
 * contracted, texts are recorded rather than sent, and this page shows the latest ones, so that whoever tries the
 * demo can read the activation code that "their phone" received. Outside the demo there is no such page.
 */
@Controller
@Profile("demo")
class DemoOutboxPage {

    record Message(String channel, String recipient, String text, OffsetDateTime sentAt) {
    }

    private final JdbcClient jdbc;

    DemoOutboxPage(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @GetMapping("/demo/outbox")
    String page(Model model) {
        List<Message> messages = jdbc.sql("""
                        (select '短信' as channel, phone_masked, text, sent_at from sms_log order by id desc limit 30)
                        union all
                        (select '微信', openid_masked, text, sent_at from wechat_log order by id desc limit 30)
                        order by sent_at desc limit 40""")
                .query((rs, n) -> new Message(rs.getString(1), rs.getString(2), rs.getString(3), rs.getObject(4, OffsetDateTime.class)))
                .list();
        model.addAttribute("messages", messages);
        return "notification/demo-outbox";
    }

    @Configuration(proxyBeanMethods = false)
    @Profile("demo")
    static class Access {
        @Bean
        PublicPath demoOutbox() {
            return new PublicPath("/demo/outbox");
        }
    }
}
