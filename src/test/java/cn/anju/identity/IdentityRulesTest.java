package cn.anju.identity;

import cn.anju.shared.Duty;
import cn.anju.shared.Role;
import cn.anju.shared.web.ProblemException;
import cn.anju.support.ContractFixtures;
import cn.anju.support.PlatformTest;
import cn.anju.support.WebClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Account and coverage rules, enforced in the domain whatever page or API calls it. */
@PlatformTest
class IdentityRulesTest {

    @LocalServerPort
    int port;
    @Autowired
    AccountAdministration accounts;
    @Autowired
    RoleGrants grants;
    @Autowired
    AccountActivation activation;
    @Autowired
    TestAccounts testAccounts;
    @Autowired
    AccountUserDetailsService users;
    @Autowired
    DataScopes scopes;
    @Autowired
    Organisations organisations;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Clock clock;

    CurrentUser user(String username) {
        return ((AccountUserDetails) users.loadUserByUsername(username)).currentUser();
    }

    Long org(String code) {
        return organisations.findByCode(code).orElseThrow().id();
    }

    static String unique(String prefix) {
        return prefix + UUID.randomUUID().toString().substring(0, 8);
    }

    /** An account as the system administrator opens it: no roles, no password. */
    UserAccount opened(String organisationCode) {
        return accounts.create(user("admin"), new AccountAdministration.NewAccount(unique("x."), "某人",
                org(organisationCode), "13800138000", null));
    }

    @Test
    void rolesMustFitTheOrganisation() {
        UserAccount account = opened("HS-610802");
        assertThatThrownBy(() -> grants.grant(user("security"), account.id(), org("HS-610802"),
                Set.of(Role.OPERATOR_MANAGER), Set.of()))
                .isInstanceOf(ProblemException.class).hasFieldOrPropertyWithValue("code", "ROLE_NOT_ALLOWED_FOR_ORGANISATION");
    }

    @Test
    void separatedAdministratorsHoldTheirRoleAlone() {
        UserAccount account = opened("HB-610800");
        for (Set<Role> combination : Set.of(EnumSet.of(Role.SYSTEM_ADMIN, Role.AUDITOR),
                EnumSet.of(Role.SECURITY_ADMIN, Role.SYSTEM_ADMIN), EnumSet.of(Role.AUDITOR, Role.GOV_ADMIN),
                EnumSet.of(Role.MONITOR, Role.GOV_OFFICER))) {
            assertThatThrownBy(() -> grants.grant(user("security"), account.id(), org("HB-610800"), combination, Set.of()))
                    .as(combination.toString())
                    .isInstanceOf(ProblemException.class).hasFieldOrPropertyWithValue("code", "SEPARATED_ADMINISTRATOR");
        }
    }

    @Test
    void onlyTheSystemAdministratorOpensAccountsAndOnlyTheSecurityAdministratorGrantsRoles() {
        for (String who : new String[]{"security", "auditor", "city.gov", "anju.manager", "monitor"}) {
            assertThatThrownBy(() -> accounts.create(user(who), new AccountAdministration.NewAccount(unique("x."),
                    "某人", org("OP-YLAJ"), "13800138000", null)))
                    .as(who).isInstanceOf(ProblemException.class).hasFieldOrPropertyWithValue("code", "SYSTEM_ADMIN_REQUIRED");
        }
        UserAccount account = opened("OP-YLAJ");
        for (String who : new String[]{"admin", "auditor", "city.gov", "anju.manager", "monitor"}) {
            assertThatThrownBy(() -> grants.grant(user(who), account.id(), org("OP-YLAJ"), Set.of(Role.OPERATOR_STAFF), Set.of()))
                    .as(who).isInstanceOf(ProblemException.class).hasFieldOrPropertyWithValue("code", "SECURITY_ADMIN_REQUIRED");
        }
        assertThatThrownBy(() -> grants.grant(user("security"), user("security").id(), org("HB-610800"),
                Set.of(Role.GOV_ADMIN), Set.of()))
                .hasFieldOrPropertyWithValue("code", "CANNOT_GRANT_SELF");
    }

    @Test
    void aNewAccountNeedsTheOwnersContactAndAFreeUsername() {
        assertThatThrownBy(() -> accounts.create(user("admin"), new AccountAdministration.NewAccount(unique("x."),
                "某人", org("OP-YLAJ"), null, null)))
                .hasFieldOrPropertyWithValue("code", "CONTACT_REQUIRED");
        assertThatThrownBy(() -> accounts.create(user("admin"), new AccountAdministration.NewAccount(unique("x."),
                "某人", org("OP-YLAJ"), "1380013", null)))
                .hasFieldOrPropertyWithValue("code", "MOBILE_FORMAT");
        assertThatThrownBy(() -> accounts.create(user("admin"), new AccountAdministration.NewAccount(unique("x."),
                "某人", org("OP-YLAJ"), null, "zhou.ming@")))
                .hasFieldOrPropertyWithValue("code", "EMAIL_FORMAT");
        // the test platform has an SMTP server: an e-mail address alone carries the code
        UserAccount byMail = accounts.create(user("admin"), new AccountAdministration.NewAccount(unique("x."),
                "某人", org("OP-YLAJ"), null, "zhou.ming@example.com"));
        assertThat(new AccountCodesReader(jdbc).latestChannel(byMail.id())).isEqualTo("EMAIL");
        assertThatThrownBy(() -> accounts.create(user("admin"), new AccountAdministration.NewAccount("Anju.Staff",
                "某人", org("OP-YLAJ"), "13800138000", null)))
                .hasFieldOrPropertyWithValue("code", "USERNAME_TAKEN");
    }

    @Test
    void aNewAccountSignsInOnceThePersonSetsAPasswordAndTheSecurityAdministratorGrantsRolesAndADisabledOneCannot() {
        AccountCodesReader phone = new AccountCodesReader(jdbc);
        String username = unique("cashier.");
        UserAccount created = accounts.create(user("admin"), new AccountAdministration.NewAccount(username, "收银员甲",
                org("OP-YLAJ"), "139 0000 1111", null));
        assertThat(created.roles()).isEmpty();
        assertThat(created.awaitingActivation()).isTrue();
        assertThat(phone.latestChannel(created.id())).isEqualTo("SMS");

        assertThat(activation.activate(username, phone.latestCode(created.id()), "Kassen-Buch-73", "Kassen-Buch-73"))
                .as("activated but no role yet").isFalse();
        assertThat(WebClient.location(new WebClient(port).login(username, "Kassen-Buch-73"))).isEqualTo("/login?error");

        UserAccount granted = grants.grant(user("security"), created.id(), org("OP-YLAJ"), Set.of(Role.OPERATOR_STAFF),
                Set.of(Duty.CASHIER));
        assertThat(granted.duties()).containsExactly(Duty.CASHIER);
        WebClient client = new WebClient(port);
        assertThat(WebClient.location(client.login(username, "Kassen-Buch-73"))).isEqualTo("/");
        assertThat(WebClient.json(client.getJson("/api/v1/me")).get("username").asString()).isEqualTo(username);

        accounts.disable(user("admin"), created.id());
        var refused = new WebClient(port).login(username, "Kassen-Buch-73");
        assertThat(refused.headers().firstValue("Location").orElseThrow()).endsWith("/login?error");
    }

    @Test
    void onlyTheNewestCodeWorksAndWrongCodesRunOut() {
        AccountCodesReader phone = new AccountCodesReader(jdbc);
        UserAccount account = opened("OP-YLAJ");
        String first = phone.latestCode(account.id());
        accounts.resetPassword(user("admin"), account.id());
        String second = phone.latestCode(account.id());
        if (!first.equals(second)) {
            assertThatThrownBy(() -> activation.activate(account.username(), first, "Kassen-Buch-73", "Kassen-Buch-73"))
                    .hasFieldOrPropertyWithValue("code", "ACCOUNT_CODE_INVALID");
        }
        String wrong = second.equals("00000000") ? "11111111" : "00000000";
        for (int i = 0; i < AccountCodes.MAX_ATTEMPTS; i++) {
            assertThatThrownBy(() -> activation.activate(account.username(), wrong, "Kassen-Buch-73", "Kassen-Buch-73"))
                    .hasFieldOrPropertyWithValue("code", "ACCOUNT_CODE_INVALID");
        }
        assertThatThrownBy(() -> activation.activate(account.username(), second, "Kassen-Buch-73", "Kassen-Buch-73"))
                .as("spent by five wrong tries").hasFieldOrPropertyWithValue("code", "ACCOUNT_CODE_INVALID");
    }

    @Test
    void aLeaderIsAlsoAnOfficerOfADistrictsHousingBureau() {
        UserAccount account = opened("HS-610802");
        assertThatThrownBy(() -> grants.grant(user("security"), account.id(), org("HS-610802"), Set.of(Role.GOV_LEADER), Set.of()))
                .hasFieldOrPropertyWithValue("code", "LEADER_REQUIRES_OFFICER");
        assertThatThrownBy(() -> grants.grant(user("security"), account.id(), org("OP-YLAJ"),
                Set.of(Role.GOV_LEADER, Role.GOV_OFFICER), Set.of()))
                .hasFieldOrPropertyWithValue("code", "ROLE_NOT_ALLOWED_FOR_ORGANISATION");
        assertThat(grants.grant(user("security"), account.id(), org("HS-610802"), Set.of(Role.GOV_LEADER, Role.GOV_OFFICER), Set.of())
                .roles()).contains(Role.GOV_LEADER);
        assertThat(Role.GOV_LEADER.isGovernment()).isTrue();
    }

    @Test
    void operatorScopeFollowsItsContractsDays() {
        LocalDate today = LocalDate.now(clock);
        long operator = ContractFixtures.operator(testAccounts, "米脂临时托管");
        CurrentUser staff = new CurrentUser(-1L, "t", "t", operator, "t", OrganisationType.OPERATOR, null, Set.of(Role.OPERATOR_STAFF),
                Set.of(), false, null);
        assertThat(scopes.of(staff).coversDistrict("610827")).isFalse();

        ContractFixtures.signed(port, testAccounts, "610827", operator, java.util.List.of(), today.minusDays(3), today.plusDays(30));
        assertThat(scopes.of(staff).coversDistrict("610827")).isTrue();
        assertThat(scopes.on(staff, today.minusDays(4)).coversDistrict("610827")).isFalse();
        assertThat(scopes.on(staff, today.plusDays(30)).coversDistrict("610827")).isTrue();
        assertThat(scopes.on(staff, today.plusDays(31)).coversDistrict("610827")).as("the day after its last").isFalse();
    }

    @Test
    void oneOperatorCannotReadAnothersCoverage() {
        JsonNode shenmuRows = WebClient.json(WebClient.loggedIn(port, "shenmu.op").getJson("/api/v1/operator-coverage"));
        assertThat(shenmuRows.size()).isPositive();
        shenmuRows.forEach(r -> assertThat(r.get("operatorName").asString()).isEqualTo("神木市保障房运营管理有限公司"));

        JsonNode anjuRows = WebClient.json(WebClient.loggedIn(port, "anju.manager").getJson("/api/v1/operator-coverage"));
        anjuRows.forEach(r -> assertThat(r.get("operatorName").asString()).isEqualTo("榆林安居物业服务有限公司"));

        JsonNode financeRows = WebClient.json(WebClient.loggedIn(port, "yuyang.finance").getJson("/api/v1/operator-coverage"));
        financeRows.forEach(r -> assertThat(r.get("districtCode").asString()).isEqualTo("610802"));
    }

    @Test
    void separatedAdministratorsAndMonitoringSeeNoOperationalData() {
        for (String who : new String[]{"admin", "security", "auditor", "monitor"}) {
            assertThat(scopes.of(user(who))).as(who).isInstanceOf(DataScope.None.class);
        }
    }
}
