package cn.anju.identity;

import cn.anju.shared.Role;
import cn.anju.support.PlatformTest;
import cn.anju.support.TestClock;
import cn.anju.support.WebClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static cn.anju.support.WebClient.location;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The login door of MLPS 2.0 level 3, exercised over real HTTP with the platform clock moved, not waited for. */
@PlatformTest
class LoginPolicyTest {

    @LocalServerPort
    int port;
    @Autowired
    AccountAdministration accounts;
    @Autowired
    AccountUserDetailsService users;
    @Autowired
    SecurityPolicies policies;
    @Autowired
    Organisations organisations;
    @Autowired
    SessionRepository<? extends Session> sessions;
    @Autowired
    TestAccounts seeding;

    @AfterEach
    void resetClock() {
        TestClock.reset();
    }

    CurrentUser user(String username) {
        return ((AccountUserDetails) users.loadUserByUsername(username)).currentUser();
    }

    /** A fresh account whose forced password change is already done, so each test starts clean. */
    String freshAccount(String organisationCode) {
        String username = "login." + UUID.randomUUID().toString().substring(0, 8);
        seeding.account(username, "测试用户", organisationCode,
                Set.of(organisationCode.startsWith("OP") ? Role.OPERATOR_STAFF : Role.GOV_OFFICER), Set.of(), "Initial-Pass-1", true);
        accounts.changeOwnPassword(user(username), "Initial-Pass-1", "Chosen-Pass-2", "Chosen-Pass-2");
        return username;
    }

    String captchaAnswer(WebClient client) {
        client.get("/login/captcha");
        return sessions.findById(client.sessionId()).getAttribute(LoginFlow.CAPTCHA_ANSWER).toString();
    }

    @Test
    void anUnknownUserAndAWrongPasswordLookTheSame() {
        String real = freshAccount("OP-YLAJ");
        WebClient a = new WebClient(port);
        WebClient b = new WebClient(port);
        HttpResponse<String> wrongPassword = a.login(real, "Wrong-Pass-9");
        HttpResponse<String> unknownUser = b.login("no.such." + UUID.randomUUID().toString().substring(0, 6), "Wrong-Pass-9");
        assertThat(location(wrongPassword)).isEqualTo("/login?error");
        assertThat(location(unknownUser)).isEqualTo("/login?error");
        String pageA = a.get("/login?error").body().replaceAll("value=\"[^\"]*\"", "");
        String pageB = b.get("/login?error").body().replaceAll("value=\"[^\"]*\"", "");
        assertThat(pageA).contains("用户名或密码错误").isEqualTo(pageB);
    }

    @Test
    void aCaptchaIsRequiredAfterThreeFailuresAndTheLockComesAtFive() {
        String username = freshAccount("OP-YLAJ");
        WebClient client = new WebClient(port);
        for (int i = 0; i < 3; i++) {
            assertThat(location(client.login(username, "Wrong-Pass-9"))).isEqualTo("/login?error");
        }
        assertThat(client.get("/login").body()).contains("id=\"captcha-block\"");
        // the right password without the CAPTCHA is not even checked
        assertThat(location(client.login(username, "Chosen-Pass-2"))).isEqualTo("/login?captcha");
        assertThat(location(client.login(username, "Chosen-Pass-2", "00000"))).isEqualTo("/login?captcha");

        assertThat(location(client.login(username, "Wrong-Pass-9", captchaAnswer(client)))).isEqualTo("/login?error");
        assertThat(location(client.login(username, "Wrong-Pass-9", captchaAnswer(client)))).isEqualTo("/login?locked");
        // locked: even the right password and CAPTCHA are turned away
        assertThat(location(client.login(username, "Chosen-Pass-2", captchaAnswer(client)))).isEqualTo("/login?locked");
        assertThat(client.get("/login?locked").body()).contains("已被锁定 30 分钟");

        TestClock.advance(Duration.ofMinutes(31));
        assertThat(location(client.login(username, "Chosen-Pass-2"))).isEqualTo("/");
    }

    @Test
    void unknownNamesLockToSoTheLockRevealsNothing() {
        String ghost = "ghost." + UUID.randomUUID().toString().substring(0, 6);
        WebClient client = new WebClient(port);
        for (int i = 0; i < 3; i++) {
            client.login(ghost, "Wrong-Pass-9");
        }
        assertThat(client.get("/login").body()).contains("id=\"captcha-block\"");
        client.login(ghost, "Wrong-Pass-9", captchaAnswer(client));
        assertThat(location(client.login(ghost, "Wrong-Pass-9", captchaAnswer(client)))).isEqualTo("/login?locked");
    }

    @Test
    void anAdministratorsPasswordMustBeChangedBeforeAnythingElse() {
        // as the production bootstrap leaves an administrator: a one-time password from the environment
        String username = "forced." + UUID.randomUUID().toString().substring(0, 8);
        seeding.account(username, "新同事", "HS-610802", Set.of(Role.GOV_OFFICER), Set.of(), "Temp-Pass-01", true);
        WebClient client = new WebClient(port);
        assertThat(location(client.login(username, "Temp-Pass-01"))).isEqualTo("/password/change");
        assertThat(location(client.get("/coverage"))).isEqualTo("/password/change");
        HttpResponse<String> api = client.getJson("/api/v1/me");
        assertThat(api.statusCode()).isEqualTo(403);
        assertThat(WebClient.json(api).get("code").asString()).isEqualTo("PASSWORD_CHANGE_REQUIRED");

        String csrf = client.csrfTokenFrom("/password/change");
        HttpResponse<String> weak = client.postForm("/password/change", Map.of("_csrf", csrf,
                "currentPassword", "Temp-Pass-01", "newPassword", "onlylower", "confirmation", "onlylower"));
        assertThat(weak.statusCode()).isEqualTo(200);
        assertThat(weak.body()).contains("至少 3 类");
        HttpResponse<String> same = client.postForm("/password/change", Map.of("_csrf", csrf,
                "currentPassword", "Temp-Pass-01", "newPassword", "Temp-Pass-01", "confirmation", "Temp-Pass-01"));
        assertThat(same.body()).contains("不能与当前密码相同");
        HttpResponse<String> done = client.postForm("/password/change", Map.of("_csrf", csrf,
                "currentPassword", "Temp-Pass-01", "newPassword", "Mine-Only-2026", "confirmation", "Mine-Only-2026"));
        assertThat(location(done)).isEqualTo("/");
        assertThat(client.getJson("/api/v1/me").statusCode()).isEqualTo(200);
        assertThat(client.get("/coverage").statusCode()).isEqualTo(200);
    }

    @Test
    void anIdleSessionEndsAfterThePolicysMinutes() {
        WebClient client = WebClient.loggedIn(port, "yuyang.gov");
        TestClock.advance(Duration.ofMinutes(29));
        assertThat(client.getJson("/api/v1/me").statusCode()).isEqualTo(200); // activity restarts the count
        TestClock.advance(Duration.ofMinutes(29));
        assertThat(client.getJson("/api/v1/me").statusCode()).isEqualTo(200);
        TestClock.advance(Duration.ofMinutes(31));
        HttpResponse<String> expired = client.getJson("/api/v1/me");
        assertThat(expired.statusCode()).isEqualTo(401);
        assertThat(WebClient.json(expired).get("code").asString()).isEqualTo("SESSION_EXPIRED");

        WebClient browser = WebClient.loggedIn(port, "yuyang.gov");
        TestClock.advance(Duration.ofMinutes(31));
        assertThat(location(browser.get("/coverage"))).isEqualTo("/login?expired");
    }

    @Test
    void onlyTheSecurityAdministratorChangesAPolicyAndItsHistoryIsKept() {
        SecurityPolicies.Change tighter = new SecurityPolicies.Change("610829", 10, 3, 2, 4, 60, 10, "吴堡县加强口令要求");
        for (String who : new String[]{"admin", "auditor", "city.gov"}) {
            assertThatThrownBy(() -> policies.change(user(who), tighter)).as(who)
                    .hasFieldOrPropertyWithValue("code", "SECURITY_ADMIN_REQUIRED");
        }
        assertThatThrownBy(() -> policies.change(user("security"),
                new SecurityPolicies.Change("610829", 6, 3, 2, 4, 60, 10, "太弱")))
                .hasFieldOrPropertyWithValue("code", "POLICY_TOO_WEAK");
        assertThatThrownBy(() -> policies.change(user("security"),
                new SecurityPolicies.Change("610829", 8, 3, 3, 5, 30, 60, "超时太长")))
                .hasFieldOrPropertyWithValue("code", "POLICY_OUT_OF_RANGE");

        assertThat(policies.current("610829").passwordMinLength()).isEqualTo(8); // the city default
        policies.change(user("security"), tighter);
        SecurityPolicy now = policies.current("610829");
        assertThat(now.passwordMinLength()).isEqualTo(10);
        assertThat(now.changedBy()).isEqualTo("security");
        policies.change(user("security"), new SecurityPolicies.Change("610829", 12, 4, 2, 4, 60, 10, "再次加强"));
        assertThat(policies.history("610829")).extracting(SecurityPolicy::passwordMinLength).containsExactly(12, 10);
        assertThat(policies.current("610802").passwordMinLength()).isEqualTo(8); // other districts unchanged
    }

    @Test
    void aDistrictsShorterIdleTimeoutAppliesToItsPeopleOnly() {
        policies.change(user("security"), new SecurityPolicies.Change("610831", 8, 3, 3, 5, 30, 10, "子洲县短超时"));
        String zizhou = "zz." + UUID.randomUUID().toString().substring(0, 8);
        seeding.account(zizhou, "子洲经办", "HS-610831", Set.of(Role.GOV_OFFICER), Set.of(), "Initial-Pass-1", true);
        accounts.changeOwnPassword(user(zizhou), "Initial-Pass-1", "Chosen-Pass-2", "Chosen-Pass-2");
        WebClient zz = new WebClient(port);
        assertThat(location(zz.login(zizhou, "Chosen-Pass-2"))).isEqualTo("/");
        WebClient yuyang = WebClient.loggedIn(port, "yuyang.gov");
        TestClock.advance(Duration.ofMinutes(11));
        assertThat(zz.getJson("/api/v1/me").statusCode()).isEqualTo(401);
        assertThat(yuyang.getJson("/api/v1/me").statusCode()).isEqualTo(200);
    }
}
