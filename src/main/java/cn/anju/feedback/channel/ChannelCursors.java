package cn.anju.feedback.channel;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;

/**
 * Where a polling channel got to (Weibo's since_id per list), in {@code feedback_channel_cursor}: a restart, or
 * another node, goes on from there instead of reading the channel from the start.
 */
@Component
class ChannelCursors {

    private final JdbcClient jdbc;
    private final Clock clock;

    ChannelCursors(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    Optional<String> read(String key) {
        return jdbc.sql("select cursor from feedback_channel_cursor where channel = ?").param(key).query(String.class).optional();
    }

    void save(String key, String cursor) {
        jdbc.sql("""
                        insert into feedback_channel_cursor (channel, cursor, updated_at) values (?, ?, ?)
                        on conflict (channel) do update set cursor = excluded.cursor, updated_at = excluded.updated_at""")
                .params(key, cursor, Timestamp.from(clock.instant())).update();
    }
}
