package cn.anju.identity;

import cn.anju.shared.Duty;
import cn.anju.shared.Role;
import org.springframework.stereotype.Component;

import java.util.Set;

/**
 * Accounts and organisations a test needs, opened the way an installation opens its first accounts (roles and a
 * password at once, without an administrator): test code only, so no production path reaches it.
 */
@Component
public class TestAccounts {

    private final Installation installation;
    private final UserAccounts accounts;

    TestAccounts(Installation installation, UserAccounts accounts) {
        this.installation = installation;
        this.accounts = accounts;
    }

    public Long organisation(String code, String name, OrganisationType type, String regionCode, String creditCode) {
        return installation.organisation(new OrganisationAdministration.NewOrganisation(code, name, type, regionCode, creditCode)).id();
    }

    /** Opens the account unless the username exists; the password is checked for length and classes only. */
    public boolean account(String username, String displayName, String organisationCode, Set<Role> roles, Set<Duty> duties,
                           String password, boolean mustChangePassword) {
        return installation.open(username, displayName, organisationCode, roles, duties, password, mustChangePassword, false).isPresent();
    }

    public long userId(String username) {
        return accounts.findByUsername(username).orElseThrow().id();
    }
}
