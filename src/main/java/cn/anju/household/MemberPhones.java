package cn.anju.household;

import cn.anju.notification.RecipientDirectory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.Optional;

/** Where the SMS adapter reaches a household member: the phone is decrypted only at sending time. */
@Component
class MemberPhones implements RecipientDirectory {

    private final JdbcClient jdbc;
    private final MemberIdentity identity;

    MemberPhones(JdbcClient jdbc, MemberIdentity identity) {
        this.jdbc = jdbc;
        this.identity = identity;
    }

    @Override
    public String recipientType() {
        return "household_member";
    }

    @Override
    public Optional<String> phone(long memberId) {
        return jdbc.sql("select phone from household_member where id = ?").param(memberId).query(String.class).optional()
                .map(identity::decryptPhone);
    }
}
