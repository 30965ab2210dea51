package cn.anju.identity;

import org.springframework.stereotype.Component;

/** Which policy governs a login attempt: the district of the account's organisation, else the city default. */
@Component
class LoginPolicyResolver {

    private final UserAccounts accounts;
    private final Organisations organisations;
    private final SecurityPolicies policies;

    LoginPolicyResolver(UserAccounts accounts, Organisations organisations, SecurityPolicies policies) {
        this.accounts = accounts;
        this.organisations = organisations;
        this.policies = policies;
    }

    SecurityPolicy forUsername(String username) {
        String region = accounts.findByUsername(username == null ? "" : username.trim().toLowerCase())
                .flatMap(a -> organisations.findById(a.organisationId()))
                .map(Organisation::regionCode)
                .orElse(null);
        return policies.current(region);
    }

    Long accountId(String username) {
        return accounts.findByUsername(username == null ? "" : username.trim().toLowerCase()).map(UserAccount::id).orElse(null);
    }
}
