package cn.anju.identity;

import cn.anju.audit.AuditLog;
import cn.anju.audit.AuditOutcome;
import cn.anju.shared.Duty;
import cn.anju.shared.Role;
import cn.anju.shared.web.ProblemException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.Map;
import java.util.Set;

/**
 * Account administration, the system administrator's job (三员分立: accounts only, no security settings, no
 * audit log, no operational data).
 */
@Service
public class AccountAdministration {

    private final UserAccounts accounts;
    private final Organisations organisations;
    private final PasswordEncoder passwordEncoder;
    private final SecurityPolicies policies;
    private final AuditLog audit;
    private final Clock clock;

    AccountAdministration(UserAccounts accounts, Organisations organisations, PasswordEncoder passwordEncoder,
                          SecurityPolicies policies, AuditLog audit, Clock clock) {
        this.accounts = accounts;
        this.organisations = organisations;
        this.passwordEncoder = passwordEncoder;
        this.policies = policies;
        this.audit = audit;
        this.clock = clock;
    }

    /** A new account; the initial password is the administrator's and must be changed at first login. */
    public record NewAccount(String username, String displayName, Long organisationId, Set<Role> roles,
                             Set<Duty> duties, String initialPassword) {
    }

    @Transactional
    public UserAccount create(CurrentUser actor, NewAccount command) {
        requireSystemAdmin(actor);
        UserAccount account = open(command, true);
        audit.record("ACCOUNT_CREATE", "app_user", account.id(), AuditOutcome.SUCCESS, Map.of(
                "username", account.username(), "organisationId", account.organisationId(),
                "roles", sorted(account.roles()), "duties", sorted(account.duties())));
        return account;
    }

    /** Used by the demo data and the production bootstrap, which have no signed-in administrator. */
    @Transactional
    UserAccount open(NewAccount command, boolean mustChangePassword) {
        String username = command.username() == null ? "" : command.username().trim().toLowerCase();
        if (!username.matches("[a-z0-9][a-z0-9._-]{2,39}")) {
            throw ProblemException.badRequest("INVALID_USERNAME", "用户名须为3至40位小写字母、数字、点、下划线或连字符，且以字母或数字开头。");
        }
        if (command.displayName() == null || command.displayName().isBlank()) {
            throw ProblemException.badRequest("DISPLAY_NAME_REQUIRED", "请填写姓名。");
        }
        if (accounts.existsByUsername(username)) {
            throw ProblemException.conflict("USERNAME_TAKEN", "用户名 " + username + " 已被使用，请换一个。");
        }
        Organisation organisation = organisation(command.organisationId());
        policies.current(organisation.regionCode()).passwordPolicy().check(command.initialPassword(), username);
        UserAccount account = UserAccount.open(username, command.displayName().trim(), organisation,
                command.roles(), command.duties() == null ? Set.of() : command.duties(),
                passwordEncoder.encode(command.initialPassword()), mustChangePassword, clock.instant());
        return accounts.save(account);
    }

    @Transactional
    public UserAccount assign(CurrentUser actor, Long accountId, Long organisationId, Set<Role> roles, Set<Duty> duties) {
        requireSystemAdmin(actor);
        UserAccount account = account(accountId);
        Map<String, Object> before = Map.of("organisationId", account.organisationId(), "roles", sorted(account.roles()),
                "duties", sorted(account.duties()));
        account.assign(organisation(organisationId), roles, duties, clock.instant());
        UserAccount saved = accounts.save(account);
        audit.record("ACCOUNT_ASSIGN", "app_user", accountId, AuditOutcome.SUCCESS, Map.of("before", before,
                "after", Map.of("organisationId", saved.organisationId(), "roles", sorted(saved.roles()),
                        "duties", sorted(saved.duties()))));
        return saved;
    }

    @Transactional
    public UserAccount disable(CurrentUser actor, Long accountId) {
        requireSystemAdmin(actor);
        if (actor.id().equals(accountId)) {
            throw ProblemException.conflict("CANNOT_DISABLE_SELF", "不能停用自己的账号。");
        }
        UserAccount account = account(accountId);
        account.disable(clock.instant());
        audit.record("ACCOUNT_DISABLE", "app_user", accountId, AuditOutcome.SUCCESS, Map.of());
        return accounts.save(account);
    }

    @Transactional
    public UserAccount enable(CurrentUser actor, Long accountId) {
        requireSystemAdmin(actor);
        UserAccount account = account(accountId);
        account.enable(clock.instant());
        audit.record("ACCOUNT_ENABLE", "app_user", accountId, AuditOutcome.SUCCESS, Map.of());
        return accounts.save(account);
    }

    @Transactional
    public UserAccount resetPassword(CurrentUser actor, Long accountId, String temporaryPassword) {
        requireSystemAdmin(actor);
        UserAccount account = account(accountId);
        policyFor(account).check(temporaryPassword, account.username());
        account.resetPassword(passwordEncoder.encode(temporaryPassword), clock.instant());
        audit.record("ACCOUNT_PASSWORD_RESET", "app_user", accountId, AuditOutcome.SUCCESS, Map.of());
        return accounts.save(account);
    }

    /** The person changes their own password: the current one proves it is them; the new one meets the policy. */
    @Transactional
    public void changeOwnPassword(CurrentUser user, String currentPassword, String newPassword, String confirmation) {
        UserAccount account = account(user.id());
        if (currentPassword == null || !passwordEncoder.matches(currentPassword, account.passwordHash())) {
            audit.recordIndependently("PASSWORD_CHANGE", "app_user", user.id(), AuditOutcome.DENIED, Map.of("reason", "wrong current password"));
            throw ProblemException.badRequest("CURRENT_PASSWORD_WRONG", "当前密码不正确。");
        }
        if (newPassword == null || !newPassword.equals(confirmation)) {
            throw ProblemException.badRequest("PASSWORD_CONFIRMATION_MISMATCH", "两次输入的新密码不一致。");
        }
        if (passwordEncoder.matches(newPassword, account.passwordHash())) {
            throw ProblemException.badRequest("PASSWORD_UNCHANGED", "新密码不能与当前密码相同。");
        }
        policyFor(account).check(newPassword, account.username());
        account.changePassword(passwordEncoder.encode(newPassword), clock.instant());
        accounts.save(account);
        audit.record("PASSWORD_CHANGE", "app_user", user.id(), AuditOutcome.SUCCESS, Map.of());
    }

    private PasswordPolicy policyFor(UserAccount account) {
        String region = organisations.findById(account.organisationId()).map(Organisation::regionCode).orElse(null);
        return policies.current(region).passwordPolicy();
    }

    UserAccount account(Long id) {
        return accounts.findById(id)
                .orElseThrow(() -> ProblemException.notFound("ACCOUNT_NOT_FOUND", "账号不存在：" + id));
    }

    private Organisation organisation(Long id) {
        if (id == null) {
            throw ProblemException.badRequest("ORGANISATION_REQUIRED", "请选择所属组织。");
        }
        return organisations.findById(id)
                .orElseThrow(() -> ProblemException.badRequest("ORGANISATION_NOT_FOUND", "所选组织不存在。"));
    }

    private static <E extends Enum<E>> java.util.List<String> sorted(Set<E> values) {
        return values.stream().map(Enum::name).sorted().toList();
    }

    static void requireSystemAdmin(CurrentUser actor) {
        if (actor == null || !actor.has(Role.SYSTEM_ADMIN)) {
            throw ProblemException.forbidden("SYSTEM_ADMIN_REQUIRED", "只有系统管理员可以管理账号和组织。");
        }
    }
}
