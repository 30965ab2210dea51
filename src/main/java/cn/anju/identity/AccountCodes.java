package cn.anju.identity;

import cn.anju.shared.crypto.Crypto;
import cn.anju.shared.crypto.CryptoPurpose;
import cn.anju.audit.AuditLog;
import cn.anju.audit.AuditOutcome;
import cn.anju.notification.Channel;
import cn.anju.notification.Notifications;
import cn.anju.shared.web.ProblemException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Optional;

/**
 * One-time codes with which a person sets the password of a staff account (new, or reset by the system
 * administrator). The code goes through the notification outbox to the person's own mobile or e-mail and is stored
 * only as a hash: no page or API answer shows it, to an administrator or anyone. Only the newest code of an account
 * works, for {@value #HOURS} hours and {@value #MAX_ATTEMPTS} wrong tries.
 */
@Service
class AccountCodes {

    enum Purpose { ACTIVATE, RESET }

    static final int HOURS = 72;
    static final int MAX_ATTEMPTS = 5;

    private final JdbcClient jdbc;
    private final Notifications notifications;
    private final AuditLog audit;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    /** A code is kept only as its digest; the stored value names its algorithm, so a code sent before a switch works. */
    private static final CryptoPurpose CODE = CryptoPurpose.stored("account-code");

    private final Crypto crypto;

    AccountCodes(JdbcClient jdbc, Notifications notifications, AuditLog audit, TransactionTemplate tx, Clock clock, Crypto crypto) {
        this.crypto = crypto;
        this.jdbc = jdbc;
        this.notifications = notifications;
        this.audit = audit;
        this.tx = tx;
        this.clock = clock;
    }

    boolean emailAvailable() {
        return notifications.available(Channel.EMAIL);
    }

    /** A new code, sent to the person; every earlier code of the account stops working. */
    void issue(UserAccount account, Purpose purpose) {
        Instant now = clock.instant();
        jdbc.sql("update account_code set used_at = ? where app_user = ? and used_at is null")
                .params(Timestamp.from(now), account.id()).update();
        String code = String.format("%08d", random.nextInt(100_000_000));
        jdbc.sql("insert into account_code (app_user, purpose, code_hash, expires_at, created_at) values (?, ?, ?, ?, ?)")
                .params(account.id(), purpose.name(), crypto.digest(CODE, text(account.id(), code)).tagged(),
                        Timestamp.from(now.plus(Duration.ofHours(HOURS))), Timestamp.from(now)).update();
        notifications.sendCode(AccountContacts.RECIPIENT_TYPE, account.id(),
                purpose == Purpose.ACTIVATE ? "ACCOUNT_ACTIVATION_CODE" : "ACCOUNT_RESET_CODE",
                Map.of("username", account.username(), "code", code, "hours", Integer.toString(HOURS)));
    }

    record Verified(long accountId, long codeId) {
    }

    /**
     * The account whose newest live code this is. A wrong code counts against its tries, committed even though the
     * caller then fails; an unknown user name fails the same way.
     */
    Verified verify(String username, String code) {
        Verified verified = tx.execute(s -> check(username == null ? "" : username.trim().toLowerCase(), code));
        if (verified == null) {
            throw ProblemException.badRequest("ACCOUNT_CODE_INVALID",
                    "用户名或激活码不正确，或激活码已过期、已失效。请核对短信或邮件；仍不行请联系系统管理员重新发送。");
        }
        return verified;
    }

    private Verified check(String username, String code) {
        record Live(long id, long account, String hash, OffsetDateTime expires, int attempts) {
        }
        Optional<Live> live = jdbc.sql("""
                        select c.id, c.app_user, c.code_hash, c.expires_at, c.attempts from account_code c
                          join app_user u on u.id = c.app_user
                         where u.username = ? and c.used_at is null
                         order by c.created_at desc, c.id desc limit 1 for update of c""")
                .param(username)
                .query((rs, n) -> new Live(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getObject(4, OffsetDateTime.class), rs.getInt(5)))
                .optional();
        if (live.isEmpty() || live.get().expires().toInstant().isBefore(clock.instant()) || live.get().attempts() >= MAX_ATTEMPTS) {
            return null;
        }
        Live c = live.get();
        if (code == null || !crypto.matches(CODE, c.hash(), text(c.account(), code.trim()))) {
            jdbc.sql("update account_code set attempts = attempts + 1 where id = ?").param(c.id()).update();
            audit.recordAnonymous(IdentityAudit.ACCOUNT_CODE, "app_user", c.account(), AuditOutcome.FAILED, Map.of("attempts", c.attempts() + 1));
            return null;
        }
        return new Verified(c.account(), c.id());
    }

    void spend(long codeId) {
        jdbc.sql("update account_code set used_at = ? where id = ?").params(Timestamp.from(clock.instant()), codeId).update();
    }

    private static String text(long accountId, String code) {
        return "account:" + accountId + ":" + code;
    }
}
