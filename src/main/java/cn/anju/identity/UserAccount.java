package cn.anju.identity;

import cn.anju.shared.Duty;
import cn.anju.shared.Role;
import cn.anju.shared.web.ProblemException;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

import java.time.Instant;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A person's account: one organisation, one or more roles that the organisation's type allows, and for operator
 * staff their duties. The separated administrators (三员分立) and the monitoring role hold their role alone.
 *
 * <p>No administrator ever knows the password: the system administrator {@link #register registers} the account with
 * the person's own mobile or e-mail and neither roles nor password; the security administrator {@link #grant grants}
 * organisation and roles; the person sets the password with a one-time code sent to that contact
 * ({@link #setOwnPassword}). An administrator's {@link #resetPassword reset} clears the password the same way. The
 * account signs in only when it is enabled, has a password and holds a role ({@link #canSignIn}).
 */
@Table("app_user")
public class UserAccount {

    /** Roles that must be held alone: no combination with each other or with an operational role. */
    static final Set<Role> SEPARATED_ADMINISTRATORS = EnumSet.of(Role.SYSTEM_ADMIN, Role.SECURITY_ADMIN, Role.AUDITOR);
    /** Roles with no business data scope, each held alone. */
    static final Set<Role> HELD_ALONE = EnumSet.of(Role.SYSTEM_ADMIN, Role.SECURITY_ADMIN, Role.AUDITOR, Role.MONITOR,
            Role.CHANNEL_GATEWAY);

    @Id
    private Long id;
    private String username;
    private String displayName;
    private Long organisationId;
    private String passwordHash;
    private boolean enabled;
    private boolean mustChangePassword;
    private Instant createdAt;
    private Instant updatedAt;
    private Instant passwordChangedAt;
    private Long householdId;
    private Long householdMemberId;
    /** An outside system's account: no password, no person's contact; it calls the API by the token the security administrator issues. */
    private boolean machine;
    private String contactPhone;
    private String contactEmail;
    @Version
    private Integer version;
    @MappedCollection(idColumn = "app_user")
    private Set<RoleGrant> roles = new HashSet<>();
    @MappedCollection(idColumn = "app_user")
    private Set<DutyGrant> duties = new HashSet<>();

    UserAccount() {
    }

    static UserAccount open(String username, String displayName, Organisation organisation, Set<Role> roles,
                            Set<Duty> duties, String passwordHash, boolean mustChangePassword, Instant now) {
        UserAccount u = started(username, displayName, organisation, now);
        u.passwordHash = passwordHash;
        u.mustChangePassword = mustChangePassword;
        u.grant(organisation, roles, duties, now);
        return u;
    }

    private static UserAccount started(String username, String displayName, Organisation organisation, Instant now) {
        UserAccount u = new UserAccount();
        u.username = username.toLowerCase();
        u.displayName = displayName;
        u.enabled = true;
        u.createdAt = now;
        u.updatedAt = now;
        u.organisationId = organisation.id();
        return u;
    }

    /**
     * The system administrator's step: the person's account with their own contact (sealed by the caller), no roles
     * and no password, so it cannot sign in until the person sets a password and the security administrator grants
     * roles.
     */
    static UserAccount register(String username, String displayName, Organisation organisation, String sealedPhone,
                                String sealedEmail, Instant now) {
        if (sealedPhone == null && sealedEmail == null) {
            throw ProblemException.badRequest("CONTACT_REQUIRED", "请填写本人的手机号或电子邮箱：激活码只发给本人，不发给管理员。");
        }
        UserAccount u = started(username, displayName, organisation, now);
        u.contactPhone = sealedPhone;
        u.contactEmail = sealedEmail;
        return u;
    }

    /**
     * The system administrator's step for an outside system (the city's 12345 hotline): no contact and never a password,
     * so it can never sign in; it acts only by an API token, once the security administrator has granted its role.
     */
    static UserAccount registerMachine(String username, String displayName, Organisation organisation, Instant now) {
        UserAccount u = started(username, displayName, organisation, now);
        u.machine = true;
        return u;
    }

    /** Replaces roles and duties, checking them against the organisation and the separation of administrators. */
    void grant(Organisation organisation, Set<Role> newRoles, Set<Duty> newDuties, Instant now) {
        if (newRoles.stream().anyMatch(r -> r.isMachine() != machine)) {
            throw machine
                    ? ProblemException.badRequest("MACHINE_ACCOUNT_ROLE", "机器账号只能授予渠道网关等接口角色，不能授予人员角色。")
                    : ProblemException.badRequest("MACHINE_ROLE_PERSON", "渠道网关角色只授予系统管理员开设的机器账号（无密码，凭令牌调用），不授予人员账号。");
        }
        checkRoles(organisation, newRoles, newDuties);
        this.organisationId = organisation.id();
        this.roles = newRoles.stream().map(RoleGrant::new).collect(Collectors.toCollection(HashSet::new));
        this.duties = newDuties.stream().map(DutyGrant::new).collect(Collectors.toCollection(HashSet::new));
        this.updatedAt = now;
    }

    static void checkRoles(Organisation organisation, Set<Role> roles, Set<Duty> duties) {
        if (roles.isEmpty()) {
            throw ProblemException.badRequest("ROLE_REQUIRED", "请至少为账号分配一个角色。");
        }
        for (Role role : roles) {
            if (!organisation.type().allows(role)) {
                throw ProblemException.badRequest("ROLE_NOT_ALLOWED_FOR_ORGANISATION",
                        "角色 " + role + " 不适用于该类型的组织（" + organisation.name() + "），请选择组织允许的角色。");
            }
        }
        if (roles.size() > 1 && roles.stream().anyMatch(HELD_ALONE::contains)) {
            throw ProblemException.badRequest("SEPARATED_ADMINISTRATOR",
                    "系统管理员、安全管理员、审计管理员须由不同的人担任（三员分立），且与运维监控一样不得兼任其他角色。");
        }
        if (roles.contains(Role.GOV_LEADER) && !roles.contains(Role.GOV_OFFICER)) {
            throw ProblemException.badRequest("LEADER_REQUIRES_OFFICER",
                    "分管领导须同时授予“政府经办人”角色（领导可查阅经办人所能查阅的一切）。");
        }
        if (!duties.isEmpty() && roles.stream().noneMatch(Role::isOperator)) {
            throw ProblemException.badRequest("DUTY_REQUIRES_OPERATOR_ROLE", "岗位（收银员、巡查员、维修工）仅适用于承接主体人员。");
        }
    }

    void disable(Instant now) {
        this.enabled = false;
        this.updatedAt = now;
    }

    void enable(Instant now) {
        this.enabled = true;
        this.updatedAt = now;
    }

    /** An administrator's reset: the password stops working at once; the person sets a new one with the code sent to them. */
    void resetPassword(Instant now) {
        if (contactPhone == null && contactEmail == null) {
            throw ProblemException.conflict("CONTACT_MISSING",
                    "该账号未登记本人手机号或电子邮箱，无法发送重置码；请为本人新建账号（登记联系方式）后由安全管理员授权。");
        }
        this.passwordHash = null;
        this.mustChangePassword = false;
        this.updatedAt = now;
    }

    /** Whether the person has not set a password yet (new account, or reset). */
    public boolean awaitingActivation() {
        return passwordHash == null && !machine;
    }

    public boolean machine() {
        return machine;
    }

    /** A machine account acts by token while it is enabled and holds its role; a person's token acts while they may sign in. */
    boolean canUseTokens() {
        return machine ? enabled && !roles.isEmpty() : canSignIn();
    }

    /** Enabled, with a password of the person's own and at least one role. */
    boolean canSignIn() {
        return enabled && !machine && passwordHash != null && !roles.isEmpty();
    }

    String contactPhone() {
        return contactPhone;
    }

    String contactEmail() {
        return contactEmail;
    }

    /** A tenant account belongs to one member of one household: its data scope. */
    void linkToHousehold(Long householdId, Long memberId) {
        this.householdId = householdId;
        this.householdMemberId = memberId;
    }

    public Long householdId() {
        return householdId;
    }

    Long householdMemberId() {
        return householdMemberId;
    }

    /** The person's own password (a change, or set with a one-time code): any forced change is done. */
    void setOwnPassword(String newHash, Instant now) {
        this.passwordHash = newHash;
        this.mustChangePassword = false;
        this.passwordChangedAt = now;
        this.updatedAt = now;
    }

    public Long id() {
        return id;
    }

    public String username() {
        return username;
    }

    public String displayName() {
        return displayName;
    }

    public Long organisationId() {
        return organisationId;
    }

    String passwordHash() {
        return passwordHash;
    }

    public boolean enabled() {
        return enabled;
    }

    public boolean mustChangePassword() {
        return mustChangePassword;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public Set<Role> roles() {
        Set<Role> result = EnumSet.noneOf(Role.class);
        roles.forEach(g -> result.add(g.role()));
        return result;
    }

    public Set<Duty> duties() {
        Set<Duty> result = EnumSet.noneOf(Duty.class);
        duties.forEach(g -> result.add(g.duty()));
        return result;
    }

    @Table("user_role")
    record RoleGrant(Role role) {
    }

    @Table("user_duty")
    record DutyGrant(Duty duty) {
    }
}
