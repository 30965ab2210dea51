package cn.anju.identity;

import cn.anju.audit.AuditLog;
import cn.anju.audit.AuditOutcome;
import cn.anju.shared.Duty;
import cn.anju.shared.Role;
import cn.anju.shared.web.ProblemException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Organisation, roles and duties of an account, which make its data scope: the security administrator's job
 * (三员分立). The security administrator cannot open accounts or set passwords, and cannot grant to their own
 * account, so a grant alone never gives anyone a working account.
 */
@Service
public class RoleGrants {

    private final UserAccounts accounts;
    private final AccountAdministration administration;
    private final AuditLog audit;
    private final Clock clock;

    RoleGrants(UserAccounts accounts, AccountAdministration administration, AuditLog audit, Clock clock) {
        this.accounts = accounts;
        this.administration = administration;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public UserAccount grant(CurrentUser actor, Long accountId, Long organisationId, Set<Role> roles, Set<Duty> duties) {
        requireSecurityAdmin(actor);
        if (actor.id().equals(accountId)) {
            throw ProblemException.conflict("CANNOT_GRANT_SELF", "不能为自己的账号授权，请由另一位安全管理员办理。");
        }
        UserAccount account = administration.account(accountId);
        Map<String, Object> before = Map.of("organisationId", account.organisationId(), "roles", sorted(account.roles()),
                "duties", sorted(account.duties()));
        account.grant(administration.organisation(organisationId), roles, duties == null ? Set.of() : duties, clock.instant());
        UserAccount saved = accounts.save(account);
        audit.record(IdentityAudit.ACCOUNT_GRANT, "app_user", accountId, AuditOutcome.SUCCESS, Map.of("before", before,
                "after", Map.of("organisationId", saved.organisationId(), "roles", sorted(saved.roles()),
                        "duties", sorted(saved.duties()))));
        return saved;
    }

    private static <E extends Enum<E>> List<String> sorted(Set<E> values) {
        return values.stream().map(Enum::name).sorted().toList();
    }

    static void requireSecurityAdmin(CurrentUser actor) {
        if (actor == null || !actor.has(Role.SECURITY_ADMIN)) {
            throw ProblemException.forbidden("SECURITY_ADMIN_REQUIRED", "只有安全管理员可以为账号授予组织、角色和岗位。");
        }
    }
}
