package cn.anju.identity;

import cn.anju.shared.Duty;
import cn.anju.shared.Role;
import org.springframework.context.annotation.Profile;
import org.springframework.modulith.NamedInterface;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.Optional;
import java.util.Set;

/**
 * The demo profile's published accounts (README.md): anyone trying the demo signs in as them with the one published
 * password {@value #PASSWORD}. That password is on the common-password list every real password is checked against,
 * and no administrator may ever set a person's password, so no production action can make these accounts; this one
 * exists in the {@code demo} profile only. Everything else about them (organisations, coverage, policy) the demo does
 * through the ordinary actions, signed in as these accounts.
 */
@NamedInterface("actions")
@Service
@Profile("demo")
public class DemoAccounts {

    public static final String PASSWORD = "Demo@2026";

    private final Installation installation;
    private final UserAccounts accounts;
    private final TenantAccounts tenants;
    private final AccountUserDetailsService users;
    private final PasswordEncoder encoder;

    DemoAccounts(Installation installation, UserAccounts accounts, TenantAccounts tenants, AccountUserDetailsService users,
                 PasswordEncoder encoder) {
        this.installation = installation;
        this.accounts = accounts;
        this.tenants = tenants;
        this.users = users;
        this.encoder = encoder;
    }

    /**
     * Signs the demo account in as the login form would: loaded by the same service, the published password checked, an
     * account that may not sign in refused. (The application context has no shared AuthenticationManager bean to ask.)
     */
    public Authentication signIn(String username) {
        UserDetails details = users.loadUserByUsername(username);
        if (!details.isEnabled() || !encoder.matches(PASSWORD, details.getPassword())) {
            throw new IllegalStateException("the demo account " + username + " cannot sign in");
        }
        return UsernamePasswordAuthenticationToken.authenticated(details, null, details.getAuthorities());
    }

    /** The city bureau, as a new installation registers it before its first administrator. */
    public long cityBureau() {
        return installation.cityBureau().id();
    }

    /**
     * Opens the account with its roles and the published password (length and character classes still checked) unless
     * the username exists; returns the new account's id.
     */
    public Optional<Long> open(String username, String displayName, String organisationCode, Set<Role> roles, Set<Duty> duties) {
        return installation.open(username, displayName, organisationCode, roles, duties, PASSWORD, false, false).map(UserAccount::id);
    }

    /** An outside system's machine account with its role and no password; the security administrator issues its token. */
    public Optional<Long> openMachine(String username, String displayName, String organisationCode, Role role) {
        return installation.openMachine(username, displayName, organisationCode, Set.of(role)).map(UserAccount::id);
    }

    /** The demo tenant's account for a household member, with the published password. */
    @Transactional
    public Optional<Long> openTenant(String username, String displayName, String districtCode, long householdId, long memberId) {
        if (accounts.existsByUsername(username)) {
            return Optional.empty();
        }
        return Optional.of(tenants.open(username, displayName, districtCode, householdId, memberId, PASSWORD, false));
    }
}
