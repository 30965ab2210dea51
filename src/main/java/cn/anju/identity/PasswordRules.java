package cn.anju.identity;

import cn.anju.shared.web.ProblemException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Locale;

/**
 * Every password a person chooses passes here: the district's complexity policy, not one of the 10,000 most common
 * passwords or an obvious variant of one, not containing the user name (also behind leet spellings), and not one of
 * the account's last {@value #HISTORY} passwords. Each refusal has its own code and says in Chinese what to change.
 * A password that passes is hashed and written to the account's history.
 */
@Service
class PasswordRules {

    static final int HISTORY = 5;

    private final CommonPasswords common;
    private final SecurityPolicies policies;
    private final PasswordEncoder encoder;
    private final JdbcClient jdbc;
    private final Clock clock;

    PasswordRules(CommonPasswords common, SecurityPolicies policies, PasswordEncoder encoder, JdbcClient jdbc, Clock clock) {
        this.common = common;
        this.policies = policies;
        this.encoder = encoder;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The checks for a person's own password; {@code accountId} null for an account not yet saved. */
    void check(String password, String username, String regionCode, Long accountId) {
        policies.current(regionCode).passwordPolicy().check(password, username);
        String name = username == null ? "" : username.toLowerCase(Locale.ROOT);
        if (!name.isEmpty() && CommonPasswords.variants(password).stream().anyMatch(v -> v.contains(name))) {
            throw ProblemException.badRequest("PASSWORD_CONTAINS_USERNAME", "密码不能包含用户名（包括大小写或数字替换字母的写法），请换一个。");
        }
        if (common.isCommon(password)) {
            throw ProblemException.badRequest("PASSWORD_TOO_COMMON",
                    "该密码属于最常见的密码或其简单变形（如大小写、用数字或符号替换字母、在前后加数字或符号），容易被猜中，请换一个不常见的密码。");
        }
        if (accountId != null && recentHashes(accountId).stream().anyMatch(h -> encoder.matches(password, h))) {
            throw ProblemException.badRequest("PASSWORD_REUSED", "新密码不能与最近 " + HISTORY + " 次使用过的密码相同，请换一个。");
        }
    }

    /** Hashes a checked password and keeps the hash in the account's history. */
    String hashAndRemember(long accountId, String password) {
        String hash = encoder.encode(password);
        remember(accountId, hash);
        return hash;
    }

    void remember(long accountId, String hash) {
        jdbc.sql("insert into password_history (app_user, password_hash, created_at) values (?, ?, ?)")
                .params(accountId, hash, Timestamp.from(clock.instant())).update();
    }

    private List<String> recentHashes(long accountId) {
        return jdbc.sql("select password_hash from password_history where app_user = ? order by id desc limit ?")
                .params(accountId, HISTORY).query(String.class).list();
    }
}
