package cn.anju.identity;

import cn.anju.shared.privacy.BlindIndex;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;

/**
 * Counts failed logins per typed username, existing or not, keyed by a keyed hash so that whatever someone types
 * (even an ID number) is never stored. Decides when a CAPTCHA is required and when the name is locked.
 */
@Service
class LoginAttempts {

    private final JdbcClient jdbc;
    private final BlindIndex blindIndex;
    private final Clock clock;

    LoginAttempts(JdbcClient jdbc, BlindIndex blindIndex, Clock clock) {
        this.jdbc = jdbc;
        this.blindIndex = blindIndex;
        this.clock = clock;
    }

    record Status(int failures, Instant lockedUntil) {
        boolean lockedAt(Instant now) {
            return lockedUntil != null && lockedUntil.isAfter(now);
        }
    }

    Status status(String username) {
        return jdbc.sql("select failures, locked_until from login_attempt where username_key = ?")
                .param(key(username))
                .query((rs, n) -> {
                    OffsetDateTime until = rs.getObject("locked_until", OffsetDateTime.class);
                    return new Status(rs.getInt("failures"), until == null ? null : until.toInstant());
                })
                .optional().orElse(new Status(0, null));
    }

    /** Records a failure and returns the new status; at the policy's threshold the name is locked. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    Status recordFailure(String username, SecurityPolicy policy) {
        Instant now = clock.instant();
        Status before = status(username);
        // a lock that has run out starts a fresh count
        int failures = before.lockedUntil() != null && !before.lockedAt(now) ? 1 : before.failures() + 1;
        Instant lockedUntil = failures >= policy.lockAfter()
                ? now.plus(Duration.ofMinutes(policy.lockMinutes())) : before.lockedAt(now) ? before.lockedUntil() : null;
        jdbc.sql("""
                        insert into login_attempt (username_key, failures, last_failure_at, locked_until) values (?, ?, ?, ?)
                        on conflict (username_key) do update set failures = excluded.failures,
                               last_failure_at = excluded.last_failure_at, locked_until = excluded.locked_until""")
                .params(key(username), failures, Timestamp.from(now), lockedUntil == null ? null : Timestamp.from(lockedUntil))
                .update();
        return new Status(failures, lockedUntil);
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    void reset(String username) {
        jdbc.sql("delete from login_attempt where username_key = ?").param(key(username)).update();
    }

    /** Whether the next attempt for this name must solve a CAPTCHA (a lock that ran out starts afresh). */
    boolean captchaRequired(String username, SecurityPolicy policy) {
        Status s = status(username);
        Instant now = clock.instant();
        if (s.lockedUntil() != null && !s.lockedAt(now)) {
            return false;
        }
        return s.failures() >= policy.captchaAfter();
    }

    boolean locked(String username) {
        return status(username).lockedAt(clock.instant());
    }

    private String key(String username) {
        return blindIndex.of(username == null ? "" : username.trim().toLowerCase(), "login.username");
    }
}
