package cn.anju.identity;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/** Loads an account for login. Unknown user and wrong password end in the same message (no user enumeration). */
@Component
class AccountUserDetailsService implements UserDetailsService {

    private final UserAccounts accounts;
    private final Organisations organisations;

    AccountUserDetailsService(UserAccounts accounts, Organisations organisations) {
        this.accounts = accounts;
        this.organisations = organisations;
    }

    @Override
    public UserDetails loadUserByUsername(String username) throws UsernameNotFoundException {
        UserAccount account = accounts.findByUsername(username == null ? "" : username.trim().toLowerCase())
                .orElseThrow(() -> new UsernameNotFoundException("unknown account"));
        Organisation organisation = organisations.findById(account.organisationId()).orElseThrow();
        CurrentUser user = new CurrentUser(account.id(), account.username(), account.displayName(),
                organisation.id(), organisation.name(), organisation.type(), organisation.regionCode(),
                account.roles(), account.duties(), account.mustChangePassword(), account.householdId());
        // no password of the person's own yet, or no role granted yet: the account does not sign in
        return new AccountUserDetails(user, account.passwordHash(), account.canSignIn() && organisation.active(),
                account.canUseTokens() && organisation.active());
    }
}
