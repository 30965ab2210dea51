package cn.anju.notification;

import cn.anju.shared.privacy.Masks;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Clock;

/**
 * Records what it would send (masked number and the text) instead of calling a gateway: the platform's default until
 * a contracted SMS provider's adapter replaces this bean.
 */
@Component
class RecordingSmsAdapter implements ChannelAdapter {

    private final JdbcClient jdbc;
    private final Clock clock;

    RecordingSmsAdapter(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public Channel channel() {
        return Channel.SMS;
    }

    @Override
    public void send(long outboxId, String phone, Message message) {
        jdbc.sql("insert into sms_log (outbox_id, phone_masked, text, sent_at) values (?, ?, ?, ?)")
                .params(outboxId, Masks.phone(phone), message.text(), Timestamp.from(clock.instant())).update();
    }
}
