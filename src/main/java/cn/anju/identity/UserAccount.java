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
 * staff their duties. The separated administrators (三员分立) hold their role alone.
 */
@Table("app_user")
public class UserAccount {

    /** Roles that must be held alone: no combination with each other or with an operational role. */
    static final Set<Role> SEPARATED_ADMINISTRATORS = EnumSet.of(Role.SYSTEM_ADMIN, Role.SECURITY_ADMIN, Role.AUDITOR);

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
        UserAccount u = new UserAccount();
        u.username = username.toLowerCase();
        u.displayName = displayName;
        u.passwordHash = passwordHash;
        u.enabled = true;
        u.mustChangePassword = mustChangePassword;
        u.createdAt = now;
        u.updatedAt = now;
        u.organisationId = organisation.id();
        u.assign(organisation, roles, duties, now);
        return u;
    }

    /** Replaces roles and duties, checking them against the organisation and the separation of administrators. */
    void assign(Organisation organisation, Set<Role> newRoles, Set<Duty> newDuties, Instant now) {
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
        if (roles.size() > 1 && roles.stream().anyMatch(SEPARATED_ADMINISTRATORS::contains)) {
            throw ProblemException.badRequest("SEPARATED_ADMINISTRATOR",
                    "系统管理员、安全管理员、审计管理员须由不同的人担任（三员分立），且不得兼任其他角色。");
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

    /** An administrator's reset: the person must choose a new password at the next login. */
    void resetPassword(String newHash, Instant now) {
        this.passwordHash = newHash;
        this.mustChangePassword = true;
        this.updatedAt = now;
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

    /** The person's own change: the administrator's temporary password is gone, so the forced change is done. */
    void changePassword(String newHash, Instant now) {
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
