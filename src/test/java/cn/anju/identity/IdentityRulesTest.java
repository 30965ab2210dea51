package cn.anju.identity;

import cn.anju.shared.Duty;
import cn.anju.shared.Role;
import cn.anju.shared.web.ProblemException;
import cn.anju.support.PlatformTest;
import cn.anju.support.WebClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
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
    CoverageAdministration coverage;
    @Autowired
    AccountUserDetailsService users;
    @Autowired
    DataScopes scopes;
    @Autowired
    Organisations organisations;
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

    @Test
    void rolesMustFitTheOrganisation() {
        assertThatThrownBy(() -> accounts.create(user("admin"), new AccountAdministration.NewAccount(unique("x."),
                "某人", org("HS-610802"), Set.of(Role.OPERATOR_MANAGER), Set.of(), "Str0ng!pass")))
                .isInstanceOf(ProblemException.class).hasFieldOrPropertyWithValue("code", "ROLE_NOT_ALLOWED_FOR_ORGANISATION");
    }

    @Test
    void separatedAdministratorsHoldTheirRoleAlone() {
        for (Set<Role> combination : Set.of(EnumSet.of(Role.SYSTEM_ADMIN, Role.AUDITOR),
                EnumSet.of(Role.SECURITY_ADMIN, Role.SYSTEM_ADMIN), EnumSet.of(Role.AUDITOR, Role.GOV_ADMIN))) {
            assertThatThrownBy(() -> accounts.create(user("admin"), new AccountAdministration.NewAccount(unique("x."),
                    "某人", org("HB-610800"), combination, Set.of(), "Str0ng!pass")))
                    .as(combination.toString())
                    .isInstanceOf(ProblemException.class).hasFieldOrPropertyWithValue("code", "SEPARATED_ADMINISTRATOR");
        }
    }

    @Test
    void onlyTheSystemAdministratorManagesAccounts() {
        for (String who : new String[]{"security", "auditor", "city.gov", "anju.manager"}) {
            assertThatThrownBy(() -> accounts.create(user(who), new AccountAdministration.NewAccount(unique("x."),
                    "某人", org("OP-YLAJ"), Set.of(Role.OPERATOR_STAFF), Set.of(), "Str0ng!pass")))
                    .as(who).isInstanceOf(ProblemException.class).hasFieldOrPropertyWithValue("code", "SYSTEM_ADMIN_REQUIRED");
        }
    }

    @Test
    void passwordsFollowThePolicyAndUsernamesAreUnique() {
        assertThatThrownBy(() -> accounts.create(user("admin"), new AccountAdministration.NewAccount(unique("x."),
                "某人", org("OP-YLAJ"), Set.of(Role.OPERATOR_STAFF), Set.of(), "alllowercase1")))
                .hasFieldOrPropertyWithValue("code", "PASSWORD_TOO_SIMPLE");
        assertThatThrownBy(() -> accounts.create(user("admin"), new AccountAdministration.NewAccount(unique("x."),
                "某人", org("OP-YLAJ"), Set.of(Role.OPERATOR_STAFF), Set.of(), "S1!a")))
                .hasFieldOrPropertyWithValue("code", "PASSWORD_TOO_SHORT");
        assertThatThrownBy(() -> accounts.create(user("admin"), new AccountAdministration.NewAccount("Anju.Staff",
                "某人", org("OP-YLAJ"), Set.of(Role.OPERATOR_STAFF), Set.of(), "Str0ng!pass")))
                .hasFieldOrPropertyWithValue("code", "USERNAME_TAKEN");
    }

    @Test
    void aNewAccountLogsInAndADisabledOneCannot() {
        String username = unique("cashier.");
        UserAccount created = accounts.create(user("admin"), new AccountAdministration.NewAccount(username, "收银员甲",
                org("OP-YLAJ"), Set.of(Role.OPERATOR_STAFF), Set.of(Duty.CASHIER), "Str0ng!pass"));
        assertThat(created.mustChangePassword()).isTrue();
        assertThat(created.duties()).containsExactly(Duty.CASHIER);

        WebClient client = new WebClient(port);
        // an administrator's password opens only the change-password page
        assertThat(client.login(username, "Str0ng!pass").headers().firstValue("Location").orElseThrow())
                .endsWith("/password/change");

        accounts.disable(user("admin"), created.id());
        var refused = new WebClient(port).login(username, "Str0ng!pass");
        assertThat(refused.headers().firstValue("Location").orElseThrow()).endsWith("/login?error");
    }

    @Test
    void onlyTheDistrictsOwnOfficersSetItsCoverage() {
        LocalDate today = LocalDate.now(clock);
        assertThatThrownBy(() -> coverage.grant(user("hengshan.gov"), new CoverageAdministration.NewCoverage(
                org("OP-SMBZ"), "610802", null, today, null, null)))
                .hasFieldOrPropertyWithValue("code", "COVERAGE_NOT_YOURS");
        assertThatThrownBy(() -> coverage.grant(user("anju.manager"), new CoverageAdministration.NewCoverage(
                org("OP-YLAJ"), "610881", null, today, null, null)))
                .hasFieldOrPropertyWithValue("code", "COVERAGE_NOT_YOURS");
        assertThatThrownBy(() -> coverage.grant(user("yuyang.gov"), new CoverageAdministration.NewCoverage(
                org("HS-610803"), "610802", null, today, null, null)))
                .hasFieldOrPropertyWithValue("code", "NOT_AN_OPERATOR");
    }

    @Test
    void operatorScopeFollowsCoverageOnTheDay() {
        LocalDate today = LocalDate.now(clock);
        CurrentUser shenmu = user("shenmu.op");
        assertThat(scopes.of(shenmu).coversDistrict("610827")).isFalse();

        OperatorCoverage granted = coverage.grant(user("city.gov"), new CoverageAdministration.NewCoverage(
                org("OP-SMBZ"), "610827", null, today.minusDays(3), null, "米脂临时托管"));
        assertThat(scopes.of(shenmu).coversDistrict("610827")).isTrue();
        assertThat(scopes.on(shenmu, today.minusDays(4)).coversDistrict("610827")).isFalse();

        coverage.end(user("city.gov"), granted.id(), today.minusDays(1));
        assertThat(scopes.of(shenmu).coversDistrict("610827")).isFalse();
        assertThat(scopes.on(shenmu, today.minusDays(2)).coversDistrict("610827")).isTrue();
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
    void separatedAdministratorsSeeNoOperationalData() {
        for (String who : new String[]{"admin", "security", "auditor"}) {
            assertThat(scopes.of(user(who))).as(who).isInstanceOf(DataScope.None.class);
        }
    }
}
