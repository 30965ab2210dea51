package cn.anju.identity;

import cn.anju.shared.crypto.Crypto;
import cn.anju.shared.crypto.CryptoPurpose;
import cn.anju.audit.AuditLog;
import cn.anju.audit.AuditOutcome;
import cn.anju.shared.web.ProblemException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Personal API tokens for machine clients. The token is shown once; only its SHA-256 is stored. A token acts as
 * its owner, so it can never exceed the owner's roles or data scope, and it stops working when revoked, expired,
 * or when the owner is disabled.
 */
@Service
public class ApiTokens {

    static final String PREFIX = "anju_";
    static final int MAX_DAYS = 365;

    private final JdbcClient jdbc;
    private final AccountUserDetailsService users;
    private final AuditLog audit;
    private final Clock clock;
    private final Crypto crypto;
    private final SecureRandom random = new SecureRandom();

    /** A token is kept only as its digest, under the active suite; tokens issued before a switch still work. */
    static final CryptoPurpose TOKEN = CryptoPurpose.stored("api-token");

    ApiTokens(JdbcClient jdbc, AccountUserDetailsService users, AuditLog audit, Clock clock, Crypto crypto) {
        this.jdbc = jdbc;
        this.users = users;
        this.audit = audit;
        this.clock = clock;
        this.crypto = crypto;
    }

    public record IssuedToken(Long id, String name, String token, Instant expiresAt) {
    }

    public record TokenRow(Long id, String name, String prefix, Instant createdAt, Instant expiresAt, Instant revokedAt,
                           Instant lastUsedAt, boolean usable) {
    }

    @Transactional
    public IssuedToken issue(CurrentUser owner, String name, int days) {
        return issueFor(owner.id(), name, days);
    }

    /** A token for the account; the caller has checked who may ask (the owner, or the security administrator for a machine). */
    IssuedToken issueFor(long ownerId, String name, int days) {
        if (name == null || name.isBlank() || name.length() > 60) {
            throw ProblemException.badRequest("TOKEN_NAME_REQUIRED", "请为令牌填写用途名称（不超过60字）。");
        }
        if (days < 1 || days > MAX_DAYS) {
            throw ProblemException.badRequest("TOKEN_EXPIRY_OUT_OF_RANGE", "有效期应在1到" + MAX_DAYS + "天之间。");
        }
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        Instant now = clock.instant();
        Instant expires = now.plus(Duration.ofDays(days));
        Long id = jdbc.sql("""
                        insert into api_token (app_user, name, token_hash, token_prefix, created_at, expires_at)
                        values (?, ?, ?, ?, ?, ?) returning id""")
                .params(ownerId, name.trim(), crypto.digest(TOKEN, token).tagged(), token.substring(0, PREFIX.length() + 6),
                        Timestamp.from(now), Timestamp.from(expires))
                .query(Long.class).single();
        audit.record(IdentityAudit.API_TOKEN_ISSUE, "api_token", id, AuditOutcome.SUCCESS, Map.of("days", days, "owner", ownerId));
        return new IssuedToken(id, name.trim(), token, expires);
    }

    public List<TokenRow> list(CurrentUser owner) {
        return listFor(owner.id());
    }

    List<TokenRow> listFor(long ownerId) {
        Instant now = clock.instant();
        return jdbc.sql("""
                        select id, name, token_prefix, created_at, expires_at, revoked_at, last_used_at
                          from api_token where app_user = ? order by created_at desc""")
                .param(ownerId)
                .query((rs, n) -> {
                    Instant expires = instant(rs.getObject("expires_at", OffsetDateTime.class));
                    Instant revoked = instant(rs.getObject("revoked_at", OffsetDateTime.class));
                    return new TokenRow(rs.getLong("id"), rs.getString("name"), rs.getString("token_prefix"),
                            instant(rs.getObject("created_at", OffsetDateTime.class)), expires, revoked,
                            instant(rs.getObject("last_used_at", OffsetDateTime.class)),
                            revoked == null && expires.isAfter(now));
                })
                .list();
    }

    /** Revokes one of the owner's own tokens; another person's token is "not found", not "forbidden". */
    @Transactional
    public void revoke(CurrentUser owner, Long tokenId) {
        revokeFor(owner.id(), tokenId);
    }

    void revokeFor(long ownerId, Long tokenId) {
        int changed = jdbc.sql("update api_token set revoked_at = ? where id = ? and app_user = ? and revoked_at is null")
                .params(Timestamp.from(clock.instant()), tokenId, ownerId).update();
        if (changed == 0) {
            throw ProblemException.notFound("TOKEN_NOT_FOUND", "找不到该令牌，或它已被撤销。");
        }
        audit.record(IdentityAudit.API_TOKEN_REVOKE, "api_token", tokenId, AuditOutcome.SUCCESS, Map.of());
    }

    /** The owner a presented token stands for, if it is valid now. */
    Optional<AccountUserDetails> authenticate(String presented) {
        if (presented == null || !presented.startsWith(PREFIX) || presented.length() > 100) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        record Found(Long id, String username, Instant lastUsed) {
        }
        Optional<Found> found = jdbc.sql("""
                        select t.id, u.username, t.last_used_at from api_token t join app_user u on u.id = t.app_user
                         where t.token_hash = any(?) and t.revoked_at is null and t.expires_at > ?""")
                .params(crypto.storedForms(TOKEN, presented).toArray(String[]::new), Timestamp.from(now))
                .query((rs, n) -> new Found(rs.getLong("id"), rs.getString("username"),
                        instant(rs.getObject("last_used_at", OffsetDateTime.class))))
                .optional();
        if (found.isEmpty()) {
            return Optional.empty();
        }
        AccountUserDetails details = (AccountUserDetails) users.loadUserByUsername(found.get().username());
        if (!details.tokensUsable()) {
            return Optional.empty();
        }
        if (found.get().lastUsed() == null || found.get().lastUsed().isBefore(now.minusSeconds(60))) {
            jdbc.sql("update api_token set last_used_at = ? where id = ?").params(Timestamp.from(now), found.get().id()).update();
        }
        return Optional.of(details);
    }

    private static Instant instant(OffsetDateTime t) {
        return t == null ? null : t.toInstant();
    }
}
