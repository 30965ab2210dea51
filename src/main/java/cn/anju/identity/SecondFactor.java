package cn.anju.identity;

import cn.anju.audit.AuditLog;
import cn.anju.audit.AuditOutcome;
import cn.anju.shared.Role;
import cn.anju.shared.privacy.FieldCipher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The second factor of administrators (MLPS 2.0 level 3): after the password, a time-based code from the person's
 * authenticator app. Required for the system, security and audit administrators and the government administrators
 * while their login policy says so. The secret is stored encrypted; a code is accepted once; wrong codes count
 * towards the same lock as wrong passwords.
 */
@Service
public class SecondFactor {

    static final Set<Role> ADMINISTRATORS = EnumSet.of(Role.SYSTEM_ADMIN, Role.SECURITY_ADMIN, Role.AUDITOR, Role.GOV_ADMIN);
    static final String PURPOSE = "app_user.totp_secret";

    private final JdbcClient jdbc;
    private final FieldCipher cipher;
    private final SecurityPolicies policies;
    private final LoginAttempts attempts;
    private final AuditLog audit;
    private final Clock clock;

    SecondFactor(JdbcClient jdbc, FieldCipher cipher, SecurityPolicies policies, LoginAttempts attempts, AuditLog audit,
                 Clock clock) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.policies = policies;
        this.attempts = attempts;
        this.audit = audit;
        this.clock = clock;
    }

    public boolean required(CurrentUser user) {
        return user.roles().stream().anyMatch(ADMINISTRATORS::contains) && policies.current(user.regionCode()).adminSecondFactor();
    }

    public boolean enrolled(long userId) {
        return jdbc.sql("select totp_enrolled_at is not null from app_user where id = ?").param(userId).query(Boolean.class).single();
    }

    /** A secret to enrol with (kept until confirmed by a first code); the same one until then. */
    @Transactional
    public String enrolmentSecret(long userId) {
        String stored = jdbc.sql("select totp_secret from app_user where id = ?").param(userId).query(String.class).optional().orElse(null);
        if (stored != null) {
            return cipher.decrypt(stored, PURPOSE);
        }
        String secret = Totp.newSecret();
        jdbc.sql("update app_user set totp_secret = ?, totp_enrolled_at = null, totp_last_step = null where id = ?")
                .params(cipher.encrypt(secret, PURPOSE), userId).update();
        return secret;
    }

    /** Enrols with a known secret: the demo accounts, whose secret README.md publishes. */
    @Transactional
    public void enrolWith(long userId, String secret) {
        jdbc.sql("update app_user set totp_secret = ?, totp_enrolled_at = ? where id = ?")
                .params(cipher.encrypt(secret, PURPOSE), Timestamp.from(clock.instant()), userId).update();
    }

    /** Checks a code; a good one confirms a pending enrolment; a bad one counts as a failed login. */
    @Transactional
    public boolean verify(CurrentUser user, String code) {
        if (attempts.locked(user.username())) {
            return false;
        }
        record Stored(String secret, Long lastStep, boolean enrolled) {
        }
        Stored s = jdbc.sql("select totp_secret, totp_last_step, totp_enrolled_at is not null from app_user where id = ?")
                .param(user.id())
                .query((rs, n) -> new Stored(rs.getString(1), (Long) rs.getObject(2), rs.getBoolean(3))).single();
        if (s.secret() == null) {
            return false;
        }
        long step = Totp.accept(cipher.decrypt(s.secret(), PURPOSE), code, Totp.step(clock.millis()), s.lastStep());
        if (step < 0) {
            attempts.recordFailure(user.username(), policies.current(user.regionCode()));
            audit.recordIndependently(IdentityAudit.LOGIN_SECOND_FACTOR, "app_user", user.id(), AuditOutcome.FAILED, Map.of());
            return false;
        }
        jdbc.sql("update app_user set totp_last_step = ?, totp_enrolled_at = coalesce(totp_enrolled_at, ?) where id = ?")
                .params(step, Timestamp.from(clock.instant()), user.id()).update();
        attempts.reset(user.username());
        audit.record(IdentityAudit.LOGIN_SECOND_FACTOR, "app_user", user.id(), AuditOutcome.SUCCESS, Map.of("enrolled", !s.enrolled()));
        return true;
    }
}
