package cn.anju.household;

import cn.anju.shared.crypto.Crypto;
import cn.anju.shared.crypto.CryptoPurpose;
import cn.anju.identity.TenantAccounts;
import cn.anju.notification.Notifications;
import cn.anju.shared.privacy.ChineseIdNumber;
import cn.anju.shared.web.ProblemException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Optional;

/**
 * A household member opens a tenant account (or resets its password) by proving who they are: the ID number and
 * the phone number on record, then a one-time code sent to that phone. The answer to the first step is the same
 * whether or not anything matched, so the page cannot be used to test who is registered.
 */
@Service
public class TenantActivation {

    public enum Purpose { ACTIVATE, RESET }

    static final Duration CODE_LIFETIME = Duration.ofMinutes(10);
    static final int MAX_ATTEMPTS = 5;
    static final int MAX_CODES_PER_HOUR = 3;

    private final JdbcClient jdbc;
    private final MemberIdentity identity;
    private final TenantAccounts accounts;
    private final Notifications notifications;
    private final Clock clock;
    private final TransactionTemplate tx;
    private final SecureRandom random = new SecureRandom();
    private final Crypto crypto;

    /** A code is kept only as its digest; the stored value names its algorithm, so a code sent before a switch works. */
    private static final CryptoPurpose CODE = CryptoPurpose.stored("activation-code");

    TenantActivation(JdbcClient jdbc, MemberIdentity identity, TenantAccounts accounts, Notifications notifications,
                     Clock clock, TransactionTemplate tx, Crypto crypto) {
        this.crypto = crypto;
        this.jdbc = jdbc;
        this.tx = tx;
        this.identity = identity;
        this.accounts = accounts;
        this.notifications = notifications;
        this.clock = clock;
    }

    record Member(long id, long household, String district, String name) {
    }

    /** Sends a code if the ID number and phone belong to one registered member; says nothing either way. */
    @Transactional
    public void requestCode(String idNumber, String phone, Purpose purpose) {
        Optional<Member> member = find(idNumber, phone);
        if (member.isEmpty()) {
            return;
        }
        long id = member.get().id();
        boolean hasAccount = accounts.hasAccount(id);
        if ((purpose == Purpose.ACTIVATE) == hasAccount) {
            return; // activating twice, or resetting what does not exist: no code, same answer
        }
        long recent = jdbc.sql("select count(*) from activation_code where household_member_id = ? and created_at > ?")
                .params(id, Timestamp.from(clock.instant().minus(Duration.ofHours(1)))).query(Long.class).single();
        if (recent >= MAX_CODES_PER_HOUR) {
            return;
        }
        String code = String.format("%06d", random.nextInt(1_000_000));
        Instant now = clock.instant();
        jdbc.sql("insert into activation_code (household_member_id, purpose, code_hash, expires_at, created_at) values (?, ?, ?, ?, ?)")
                .params(id, purpose.name(), crypto.digest(CODE, id + ":" + code).tagged(), Timestamp.from(now.plus(CODE_LIFETIME)), Timestamp.from(now)).update();
        notifications.sendSms("household_member", id,
                purpose == Purpose.ACTIVATE ? "TENANT_ACTIVATION_CODE" : "TENANT_RESET_CODE", Map.of("code", code));
    }

    /**
     * Opens the account if the code is right; returns the account id. Three short transactions, on purpose: a wrong
     * code's count must stay even though the call fails, and a refused username must leave the code usable.
     */
    public long activate(String idNumber, String phone, String code, String username, String password) {
        Verified v = verify(idNumber, phone, code, Purpose.ACTIVATE);
        long account = accounts.open(username, v.member().name(), v.member().district(), v.member().household(),
                v.member().id(), password);
        markUsed(v.codeId()); // only now: a refused username or password leaves the code usable
        return account;
    }

    public void resetPassword(String idNumber, String phone, String code, String newPassword) {
        Verified v = verify(idNumber, phone, code, Purpose.RESET);
        accounts.resetPassword(v.member().id(), newPassword);
        markUsed(v.codeId());
    }

    record Verified(Member member, long codeId) {
    }

    private void markUsed(long codeId) {
        tx.executeWithoutResult(s -> jdbc.sql("update activation_code set used_at = ? where id = ?")
                .params(Timestamp.from(clock.instant()), codeId).update());
    }

    /** A wrong code counts against the code's tries (and that count is kept even though the call fails). */
    private Verified verify(String idNumber, String phone, String code, Purpose purpose) {
        Verified verified = tx.execute(s -> check(idNumber, phone, code, purpose));
        if (verified == null) {
            throw ProblemException.badRequest("CODE_INVALID", "验证码错误或已过期，请重新获取。");
        }
        return verified;
    }

    /** Null when the code is wrong or spent (its try counted and committed). */
    private Verified check(String idNumber, String phone, String code, Purpose purpose) {
        Optional<Member> found = find(idNumber, phone);
        if (found.isEmpty()) {
            return null;
        }
        Member member = found.get();
        record Code(long id, String hash, OffsetDateTime expires, int attempts) {
        }
        Code latest = jdbc.sql("""
                        select id, code_hash, expires_at, attempts from activation_code
                         where household_member_id = ? and purpose = ? and used_at is null
                         order by created_at desc limit 1 for update""")
                .params(member.id(), purpose.name())
                .query((rs, n) -> new Code(rs.getLong(1), rs.getString(2), rs.getObject(3, OffsetDateTime.class), rs.getInt(4)))
                .optional().orElse(null);
        if (latest == null || latest.expires().toInstant().isBefore(clock.instant()) || latest.attempts() >= MAX_ATTEMPTS) {
            return null;
        }
        if (code == null || !crypto.matches(CODE, latest.hash(), member.id() + ":" + code.trim())) {
            jdbc.sql("update activation_code set attempts = attempts + 1 where id = ?").param(latest.id()).update();
            return null;
        }
        return new Verified(member, latest.id());
    }

    private Optional<Member> find(String idNumber, String phone) {
        if (idNumber == null || phone == null || !ChineseIdNumber.isValid(idNumber, LocalDate.now(clock))) {
            return Optional.empty();
        }
        String digits = phone.replaceAll("[^0-9]", "");
        if (digits.length() != 11) {
            return Optional.empty();
        }
        return jdbc.sql("""
                        select m.id, m.household_id, h.district_code, m.name from household_member m
                          join household h on h.id = m.household_id
                         where m.id_number_index = any(?) and m.phone_index = any(?)""")
                .params(identity.idNumberIndexes(idNumber), identity.phoneIndexes(digits))
                .query((rs, n) -> new Member(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4))).optional();
    }
}
