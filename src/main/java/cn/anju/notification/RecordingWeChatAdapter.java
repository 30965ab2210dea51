package cn.anju.notification;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Clock;

/**
 * Records the WeChat template message it would send (masked account and text) instead of calling the official
 * account's API: the default until the district's official account is contracted and its adapter replaces this bean.
 */
@Component
class RecordingWeChatAdapter implements ChannelAdapter {

    private final JdbcClient jdbc;
    private final Clock clock;

    RecordingWeChatAdapter(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public Channel channel() {
        return Channel.WECHAT;
    }

    @Override
    public void send(long outboxId, String openid, Message message) {
        String masked = openid.length() <= 8 ? "****" : openid.substring(0, 4) + "****" + openid.substring(openid.length() - 4);
        jdbc.sql("insert into wechat_log (outbox_id, openid_masked, template, text, sent_at) values (?, ?, ?, ?, ?)")
                .params(outboxId, masked, message.template(), message.text(), Timestamp.from(clock.instant())).update();
    }
}
