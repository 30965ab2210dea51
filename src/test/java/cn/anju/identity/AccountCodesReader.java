package cn.anju.identity;

import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * The person's phone, as far as a test can see it: the newest one-time code queued for an account in the
 * notification outbox (which only the notification dispatcher and the database read), never an administrator's page.
 */
final class AccountCodesReader {

    private final JdbcClient jdbc;

    AccountCodesReader(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    String latestCode(long accountId) {
        String params = jdbc.sql("""
                        select params from notification_outbox where recipient_type = 'app_user' and recipient_id = ?
                         order by id desc limit 1""")
                .param(accountId).query(String.class).single();
        return JsonMapper.builder().build().readTree(params).get("code").asString();
    }

    String latestChannel(long accountId) {
        return jdbc.sql("select channel from notification_outbox where recipient_type = 'app_user' and recipient_id = ? order by id desc limit 1")
                .param(accountId).query(String.class).single();
    }
}
