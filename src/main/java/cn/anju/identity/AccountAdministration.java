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
 * Account administration, the system administrator's job (三员分立: accounts only, no roles, no security settings, no
 * audit log, no operational data). The system administrator registers a person's account with the person's own
 * mobile or e-mail, disables and enables it, and resets its password; the one-time code for setting a password goes
 * to that contact ({@link AccountCodes}), never to the administrator. Roles come from the security administrator
 * ({@link RoleGrants}). So no one administrator can make an account that signs in and works.
 */
@Service
public class AccountAdministration {

    private final UserAccounts accounts;
    private final Organisations organisations;
    private final PasswordEncoder passwordEncoder;
    private final PasswordRules passwords;
    private final AccountContacts contacts;
    private final AccountCodes codes;
    private final AuditLog audit;
    private final Clock clock;

    AccountAdministration(UserAccounts accounts, Organisations organisations, PasswordEncoder passwordEncoder,
                          PasswordRules passwords, AccountContacts contacts, AccountCodes codes, AuditLog audit, Clock clock) {
        this.accounts = accounts;
        this.organisations = organisations;
        this.passwordEncoder = passwordEncoder;
        this.passwords = passwords;
        this.contacts = contacts;
        this.codes = codes;
        this.audit = audit;
        this.clock = clock;
    }

    /** A person's new account: who they are, where they work, and their own mobile or e-mail for the activation code. */
    public record NewAccount(String username, String displayName, Long organisationId, String mobile, String email) {
    }

    /** An account opened with its roles and password: the demo data, the production bootstrap and tenants' own accounts. */
    record OpenAccount(String username, String displayName, Long organisationId, Set<Role> roles, Set<Duty> duties,
                       String password) {
    }

    @Transactional
    public UserAccount create(CurrentUser actor, NewAccount command) {
        requireSystemAdmin(actor);
        String username = checkedNewUsername(command.username(), command.displayName());
        Organisation organisation = organisation(command.organisationId());
        AccountContacts.Sealed sealed = contacts.seal(command.mobile(), command.email(), codes.emailAvailable());
        UserAccount account = accounts.save(UserAccount.register(username, command.displayName().trim(), organisation,
                sealed.phone(), sealed.email(), clock.instant()));
        audit.record(IdentityAudit.ACCOUNT_CREATE, "app_user", account.id(), AuditOutcome.SUCCESS, Map.of(
                "username", account.username(), "organisationId", account.organisationId(), "codeBy", sealed.channel()));
        codes.issue(account, AccountCodes.Purpose.ACTIVATE);
        return account;
    }

    /**
     * An outside system's account (the 12345 hotline's gateway): no contact, no password, no activation code. It works
     * once the security administrator grants its machine role and issues its token ({@link MachineTokens}).
     */
    @Transactional
    public UserAccount createMachine(CurrentUser actor, String requestedUsername, String displayName, Long organisationId) {
        requireSystemAdmin(actor);
        String username = checkedNewUsername(requestedUsername, displayName);
        UserAccount account = accounts.save(UserAccount.registerMachine(username, displayName.trim(), organisation(organisationId),
                clock.instant()));
        audit.record(IdentityAudit.ACCOUNT_CREATE, "app_user", account.id(), AuditOutcome.SUCCESS, Map.of(
                "username", account.username(), "organisationId", account.organisationId(), "machine", true));
        return account;
    }

    /** A machine account with its role, without an administrator: the demo's 12345 gateway; never reached from a web path. */
    @Transactional
    UserAccount openMachine(String username, String displayName, Long organisationId, Set<Role> roles) {
        Organisation organisation = organisation(organisationId);
        UserAccount account = UserAccount.registerMachine(checkedNewUsername(username, displayName), displayName.trim(), organisation,
                clock.instant());
        account.grant(organisation, roles, Set.of(), clock.instant());
        return accounts.save(account);
    }

    /** Opens an account with roles and a password, without an administrator: never reached from a web path. */
    @Transactional
    UserAccount open(OpenAccount command, boolean mustChangePassword, boolean refuseCommonPasswords) {
        String username = checkedNewUsername(command.username(), command.displayName());
        Organisation organisation = organisation(command.organisationId());
        if (refuseCommonPasswords) {
            passwords.check(command.password(), username, organisation.regionCode(), null);
        } else {
            // the demo's accounts keep their published password Demo@2026: length and classes only
            new PasswordPolicy(8, 3).check(command.password(), username);
        }
        String hash = passwordEncoder.encode(command.password());
        UserAccount account = accounts.save(UserAccount.open(username, command.displayName().trim(), organisation,
                command.roles(), command.duties() == null ? Set.of() : command.duties(), hash, mustChangePassword,
                clock.instant()));
        passwords.remember(account.id(), hash);
        return account;
    }

    private String checkedNewUsername(String requested, String displayName) {
        String username = requested == null ? "" : requested.trim().toLowerCase();
        if (!username.matches("[a-z0-9][a-z0-9._-]{2,39}")) {
            throw ProblemException.badRequest("INVALID_USERNAME", "用户名须为3至40位小写字母、数字、点、下划线或连字符，且以字母或数字开头。");
        }
        if (displayName == null || displayName.isBlank()) {
            throw ProblemException.badRequest("DISPLAY_NAME_REQUIRED", "请填写姓名。");
        }
        if (accounts.existsByUsername(username)) {
            throw ProblemException.conflict("USERNAME_TAKEN", "用户名 " + username + " 已被使用，请换一个。");
        }
        return username;
    }

    @Transactional
    public UserAccount disable(CurrentUser actor, Long accountId) {
        requireSystemAdmin(actor);
        if (actor.id().equals(accountId)) {
            throw ProblemException.conflict("CANNOT_DISABLE_SELF", "不能停用自己的账号。");
        }
        UserAccount account = account(accountId);
        account.disable(clock.instant());
        audit.record(IdentityAudit.ACCOUNT_DISABLE, "app_user", accountId, AuditOutcome.SUCCESS, Map.of());
        return accounts.save(account);
    }

    @Transactional
    public UserAccount enable(CurrentUser actor, Long accountId) {
        requireSystemAdmin(actor);
        UserAccount account = account(accountId);
        account.enable(clock.instant());
        audit.record(IdentityAudit.ACCOUNT_ENABLE, "app_user", accountId, AuditOutcome.SUCCESS, Map.of());
        return accounts.save(account);
    }

    /** The password stops working at once; a reset code goes to the person's own contact, not to the administrator. */
    @Transactional
    public UserAccount resetPassword(CurrentUser actor, Long accountId) {
        requireSystemAdmin(actor);
        UserAccount account = account(accountId);
        account.resetPassword(clock.instant());
        UserAccount saved = accounts.save(account);
        codes.issue(saved, AccountCodes.Purpose.RESET);
        audit.record(IdentityAudit.ACCOUNT_PASSWORD_RESET, "app_user", accountId, AuditOutcome.SUCCESS, Map.of());
        return saved;
    }

    /** The person changes their own password: the current one proves it is them; the new one meets the rules. */
    @Transactional
    public void changeOwnPassword(CurrentUser user, String currentPassword, String newPassword, String confirmation) {
        UserAccount account = account(user.id());
        if (currentPassword == null || account.passwordHash() == null
                || !passwordEncoder.matches(currentPassword, account.passwordHash())) {
            audit.recordIndependently(IdentityAudit.PASSWORD_CHANGE, "app_user", user.id(), AuditOutcome.DENIED, Map.of("reason", "wrong current password"));
            throw ProblemException.badRequest("CURRENT_PASSWORD_WRONG", "当前密码不正确。");
        }
        if (newPassword == null || !newPassword.equals(confirmation)) {
            throw ProblemException.badRequest("PASSWORD_CONFIRMATION_MISMATCH", "两次输入的新密码不一致。");
        }
        if (passwordEncoder.matches(newPassword, account.passwordHash())) {
            throw ProblemException.badRequest("PASSWORD_UNCHANGED", "新密码不能与当前密码相同。");
        }
        setOwnPassword(account, newPassword);
        audit.record(IdentityAudit.PASSWORD_CHANGE, "app_user", user.id(), AuditOutcome.SUCCESS, Map.of());
    }

    /** Checks the person's new password against every rule, then keeps it and its place in the history. */
    @Transactional
    void setOwnPassword(UserAccount account, String newPassword) {
        passwords.check(newPassword, account.username(), regionOf(account), account.id());
        account.setOwnPassword(passwords.hashAndRemember(account.id(), newPassword), clock.instant());
        accounts.save(account);
    }

    private String regionOf(UserAccount account) {
        return organisations.findById(account.organisationId()).map(Organisation::regionCode).orElse(null);
    }

    UserAccount account(Long id) {
        return accounts.findById(id)
                .orElseThrow(() -> ProblemException.notFound("ACCOUNT_NOT_FOUND", "账号不存在：" + id));
    }

    Organisation organisation(Long id) {
        if (id == null) {
            throw ProblemException.badRequest("ORGANISATION_REQUIRED", "请选择所属组织。");
        }
        return organisations.findById(id)
                .orElseThrow(() -> ProblemException.badRequest("ORGANISATION_NOT_FOUND", "所选组织不存在。"));
    }

    public static void requireSystemAdmin(CurrentUser actor) {
        if (actor == null || !actor.has(Role.SYSTEM_ADMIN)) {
            throw ProblemException.forbidden("SYSTEM_ADMIN_REQUIRED", "只有系统管理员可以开设、停用账号和重置密码。");
        }
    }
}
