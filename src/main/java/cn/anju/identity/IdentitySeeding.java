package cn.anju.identity;

import cn.anju.shared.Duty;
import cn.anju.shared.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Set;

/**
 * Writes organisations, accounts and coverage without a signed-in administrator: for the demo data and the first
 * administrator of a new installation only. Every method is idempotent, so a restart changes nothing.
 * No web path reaches this class.
 */
@NamedInterface("api")
@Service
public class IdentitySeeding {

    private final Organisations organisations;
    private final UserAccounts accounts;
    private final OperatorCoverages coverages;
    private final OrganisationAdministration organisationAdministration;
    private final AccountAdministration accountAdministration;
    private final Clock clock;
    private final JdbcClient jdbc;
    private final AccountUserDetailsService users;
    private final TenantAccounts tenants;

    IdentitySeeding(Organisations organisations, UserAccounts accounts, OperatorCoverages coverages,
                    OrganisationAdministration organisationAdministration,
                    AccountAdministration accountAdministration, Clock clock,
                    JdbcClient jdbc, AccountUserDetailsService users,
                    TenantAccounts tenants) {
        this.tenants = tenants;
        this.jdbc = jdbc;
        this.users = users;
        this.organisations = organisations;
        this.accounts = accounts;
        this.coverages = coverages;
        this.organisationAdministration = organisationAdministration;
        this.accountAdministration = accountAdministration;
        this.clock = clock;
    }

    /** A demo account as the platform sees it once signed in, so demo data goes through the same rules as a user would. */
    public CurrentUser actingAs(String username) {
        return ((AccountUserDetails) users.loadUserByUsername(username)).currentUser();
    }

    @Transactional
    public Long organisation(String code, String name, OrganisationType type, String regionCode, String creditCode) {
        return organisations.findByCode(code).map(Organisation::id).orElseGet(() -> organisationAdministration
                .register(new OrganisationAdministration.NewOrganisation(code, name, type, regionCode, creditCode))
                .id());
    }

    /**
     * Opens the account unless the username exists; returns whether it was created. For the demo and tests: the
     * password is checked for length and classes only, so the demo's published password stays usable.
     */
    @Transactional
    public boolean account(String username, String displayName, String organisationCode, Set<Role> roles,
                           Set<Duty> duties, String password, boolean mustChangePassword) {
        if (accounts.existsByUsername(username)) {
            return false;
        }
        Long organisationId = organisations.findByCode(organisationCode).orElseThrow().id();
        accountAdministration.open(new AccountAdministration.OpenAccount(username, displayName, organisationId, roles,
                duties, password), mustChangePassword, false);
        return true;
    }

    /**
     * One of the three administrators of a new production installation, with the one-time password its environment
     * variable gave (every password rule applies), to be changed at first sign-in. Nothing when the role is held.
     */
    @Transactional
    public boolean administrator(String username, String displayName, String organisationCode, Role role, String password) {
        boolean held = accounts.roleIsHeld(role.name());
        if (held || accounts.existsByUsername(username)) {
            return false;
        }
        Long organisationId = organisations.findByCode(organisationCode).orElseThrow().id();
        accountAdministration.open(new AccountAdministration.OpenAccount(username, displayName, organisationId, Set.of(role),
                Set.of(), password), true, true);
        return true;
    }

    /** The demo's tenant account, with the demo password (the common-password list does not apply to the demo). */
    @Transactional
    public long tenant(String username, String displayName, String districtCode, long householdId, long memberId,
                       String password) {
        return tenants.open(username, displayName, districtCode, householdId, memberId, password, false);
    }

    @Transactional
    public void districtCoverage(String operatorCode, String districtCode, LocalDate from) {
        Organisation operator = organisations.findByCode(operatorCode).orElseThrow();
        boolean present = coverages.activeFor(operator.id(), from).stream()
                .anyMatch(c -> c.projectId() == null && c.districtCode().equals(districtCode));
        if (!present) {
            Long systemUser = accounts.findAll().stream().map(UserAccount::id).min(Long::compare).orElseThrow();
            coverages.save(OperatorCoverage.grant(operator, districtCode, null, from, null, "演示数据",
                    systemUser, clock.instant()));
        }
    }

    public boolean exists(String username) {
        return accounts.existsByUsername(username);
    }

    public long userId(String username) {
        return accounts.findByUsername(username).orElseThrow().id();
    }

    /**
     * The demo only: administrators sign in without the one-time code, so that anyone can try the demo accounts.
     * Recorded as a policy change like any other (production keeps the default: on). Done once.
     */
    @Transactional
    public void demoWithoutAdministratorSecondFactor() {
        String reason = "演示环境：管理员免动态码（生产环境默认开启）";
        boolean done = jdbc.sql("select count(*) from security_policy where region_code = '610800' and reason = ?")
                .param(reason).query(Long.class).single() > 0;
        if (!done) {
            jdbc.sql("""
                            insert into security_policy (region_code, password_min_length, password_min_classes, captcha_after,
                                   lock_after, lock_minutes, idle_timeout_minutes, admin_second_factor, effective_from, changed_by, reason)
                            select region_code, password_min_length, password_min_classes, captcha_after, lock_after, lock_minutes,
                                   idle_timeout_minutes, false, ?, null, ? from security_policy where region_code = '610800'
                             order by effective_from desc, id desc limit 1""")
                    .params(Timestamp.from(clock.instant()), reason).update();
        }
    }

    public boolean roleHeld(Role role) {
        return accounts.roleIsHeld(role.name());
    }

    public boolean hasAccounts() {
        return accounts.count() > 0;
    }
}
