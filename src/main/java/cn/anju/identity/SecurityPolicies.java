package cn.anju.identity;

import cn.anju.audit.AuditLog;
import cn.anju.audit.AuditOutcome;
import cn.anju.shared.CityProperties;
import cn.anju.shared.Role;
import cn.anju.shared.web.ProblemException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * Login policies per district with their history. The policy of a district is its newest row in force, else the
 * city-wide default (the region {@code anju.city-code}). Only the security administrator changes them (三员分立).
 */
@NamedInterface("actions")
@Service
public class SecurityPolicies {

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Clock clock;
    /** The region of the city-wide default policy. */
    private final String cityDefault;

    SecurityPolicies(JdbcClient jdbc, AuditLog audit, Clock clock, CityProperties city) {
        this.cityDefault = city.cityCode();
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    /** The policy in force for a region; operators and third parties (no region) follow the city default. */
    public SecurityPolicy current(String regionCode) {
        String region = regionCode == null ? cityDefault : regionCode;
        return jdbc.sql("""
                        select p.*, u.username as changed_by_name from security_policy p
                          left join app_user u on u.id = p.changed_by
                         where p.region_code in (?, ?) and p.effective_from <= ?
                         order by (p.region_code = ?) desc, p.effective_from desc, p.id desc limit 1""")
                .params(region, cityDefault, Timestamp.from(clock.instant()), region)
                .query((rs, n) -> policy(rs)).single();
    }

    public List<SecurityPolicy> history(String regionCode) {
        return jdbc.sql("""
                        select p.*, u.username as changed_by_name from security_policy p
                          left join app_user u on u.id = p.changed_by
                         where p.region_code = ? order by p.effective_from desc, p.id desc""")
                .param(regionCode).query((rs, n) -> policy(rs)).list();
    }

    public record Change(String regionCode, int passwordMinLength, int passwordMinClasses, int captchaAfter,
                         int lockAfter, int lockMinutes, int idleTimeoutMinutes, boolean adminSecondFactor, String reason) {

        /** The usual change: administrators keep their second factor. */
        public Change(String regionCode, int passwordMinLength, int passwordMinClasses, int captchaAfter, int lockAfter,
                      int lockMinutes, int idleTimeoutMinutes, String reason) {
            this(regionCode, passwordMinLength, passwordMinClasses, captchaAfter, lockAfter, lockMinutes,
                    idleTimeoutMinutes, true, reason);
        }
    }

    @Transactional
    public SecurityPolicy change(CurrentUser actor, Change change) {
        if (actor == null || !actor.has(Role.SECURITY_ADMIN)) {
            throw ProblemException.forbidden("SECURITY_ADMIN_REQUIRED", "只有安全管理员可以修改安全策略。");
        }
        if (change.reason() == null || change.reason().isBlank()) {
            throw ProblemException.badRequest("REASON_REQUIRED", "请填写修改原因。");
        }
        if (change.regionCode() == null || !change.regionCode().matches("[0-9]{6}")) {
            throw ProblemException.badRequest("UNKNOWN_REGION", "请选择适用的市或区县。");
        }
        new SecurityPolicy(null, change.regionCode(), change.passwordMinLength(), change.passwordMinClasses(),
                change.captchaAfter(), change.lockAfter(), change.lockMinutes(), change.idleTimeoutMinutes(),
                change.adminSecondFactor(), clock.instant(), null, change.reason()).checkStrongEnough();
        SecurityPolicy before = current(change.regionCode());
        jdbc.sql("""
                        insert into security_policy (region_code, password_min_length, password_min_classes, captcha_after,
                               lock_after, lock_minutes, idle_timeout_minutes, admin_second_factor, effective_from, changed_by, reason)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(change.regionCode(), change.passwordMinLength(), change.passwordMinClasses(),
                        change.captchaAfter(), change.lockAfter(), change.lockMinutes(), change.idleTimeoutMinutes(),
                        change.adminSecondFactor(), Timestamp.from(clock.instant()), actor.id(), change.reason().trim())
                .update();
        SecurityPolicy after = current(change.regionCode());
        audit.record(IdentityAudit.SECURITY_POLICY_CHANGE, "security_policy", change.regionCode(), AuditOutcome.SUCCESS, Map.of(
                "before", summary(before), "after", summary(after)));
        return after;
    }

    private static String summary(SecurityPolicy p) {
        return "len>=" + p.passwordMinLength() + ",classes>=" + p.passwordMinClasses() + ",captcha@" + p.captchaAfter()
                + ",lock@" + p.lockAfter() + "/" + p.lockMinutes() + "m,idle=" + p.idleTimeoutMinutes() + "m,admin2fa="
                + p.adminSecondFactor();
    }

    private static SecurityPolicy policy(ResultSet rs) throws SQLException {
        return new SecurityPolicy(rs.getLong("id"), rs.getString("region_code"), rs.getInt("password_min_length"),
                rs.getInt("password_min_classes"), rs.getInt("captcha_after"), rs.getInt("lock_after"),
                rs.getInt("lock_minutes"), rs.getInt("idle_timeout_minutes"), rs.getBoolean("admin_second_factor"),
                rs.getObject("effective_from", OffsetDateTime.class).toInstant(), rs.getString("changed_by_name"),
                rs.getString("reason"));
    }
}
