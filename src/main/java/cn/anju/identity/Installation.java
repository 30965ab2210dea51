package cn.anju.identity;

import cn.anju.shared.CityProperties;
import cn.anju.shared.Duty;
import cn.anju.shared.Role;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.Optional;
import java.util.Set;

/**
 * What a new installation starts from, before anyone can sign in: the city bureau and the three separated
 * administrators (三员分立), opened without an administrator. Used by {@link FirstAdministratorBootstrap} (and by the
 * demo profile's published accounts, {@link DemoAccounts}); every step is idempotent.
 */
@Service
class Installation {

    private final Organisations organisations;
    private final UserAccounts accounts;
    private final OrganisationAdministration organisationAdministration;
    private final AccountAdministration accountAdministration;
    private final CityProperties city;

    Installation(Organisations organisations, UserAccounts accounts, OrganisationAdministration organisationAdministration,
                 AccountAdministration accountAdministration, CityProperties city) {
        this.city = city;
        this.organisations = organisations;
        this.accounts = accounts;
        this.organisationAdministration = organisationAdministration;
        this.accountAdministration = accountAdministration;
    }

    /** The organisation with the code, registered (with the ordinary checks) if it is not yet. */
    @Transactional
    Organisation organisation(OrganisationAdministration.NewOrganisation o) {
        return organisations.findByCode(o.code()).orElseGet(() -> organisationAdministration.register(o));
    }

    /** The city bureau the administrators belong to. */
    Organisation cityBureau() {
        return organisation(new OrganisationAdministration.NewOrganisation(city.cityBureauCode(), "榆林市住房和城乡建设局",
                OrganisationType.CITY_BUREAU, city.cityCode(), null));
    }

    boolean roleHeld(Role role) {
        return accounts.roleIsHeld(role.name());
    }

    /** Opens the account with its roles and password unless the username is taken; empty if it was. */
    @Transactional
    Optional<UserAccount> open(String username, String displayName, String organisationCode, Set<Role> roles, Set<Duty> duties,
                               String password, boolean mustChangePassword, boolean refuseCommonPasswords) {
        if (accounts.existsByUsername(username)) {
            return Optional.empty();
        }
        Long organisation = organisations.findByCode(organisationCode).orElseThrow().id();
        return Optional.of(accountAdministration.open(new AccountAdministration.OpenAccount(username, displayName, organisation, roles,
                duties, password), mustChangePassword, refuseCommonPasswords));
    }

    /** A machine account with its role unless the name is taken (the demo's 12345 gateway). */
    Optional<UserAccount> openMachine(String username, String displayName, String organisationCode, Set<Role> roles) {
        if (accounts.existsByUsername(username)) {
            return Optional.empty();
        }
        Long organisation = organisations.findByCode(organisationCode).orElseThrow().id();
        return Optional.of(accountAdministration.openMachine(username, displayName, organisation, roles));
    }

    /**
     * One of the three administrators, with the one-time password its environment variable gave (every password rule
     * applies), to be changed at first sign-in. Nothing when the role is held or the name taken.
     */
    @Transactional
    boolean administrator(String username, String displayName, Role role, String password) {
        if (roleHeld(role)) {
            return false;
        }
        cityBureau();
        return open(username, displayName, city.cityBureauCode(), Set.of(role), Set.of(), password, true, true).isPresent();
    }
}
