package cn.anju.identity;

import cn.anju.shared.Role;
import cn.anju.support.PlatformTest;
import cn.anju.support.TestClock;
import cn.anju.support.WebClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static cn.anju.support.WebClient.location;
import static org.assertj.core.api.Assertions.assertThat;

/** Administrators give a one-time code after the password while their policy asks for it (the default outside the demo). */
@PlatformTest
class SecondFactorTest {

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
    TestAccounts seeding;

    @AfterEach
    void demoDefaults() {
        TestClock.reset();
        policies.change(user("security"), new SecurityPolicies.Change("610800", 8, 3, 3, 5, 30, 30, false, "测试结束：恢复演示设置"));
    }

    CurrentUser user(String username) {
        return ((AccountUserDetails) users.loadUserByUsername(username)).currentUser();
    }

    @Test
    void theRfc6238TestVector() {
        byte[] key = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);
        assertThat(Totp.code(key, Totp.step(59_000), 8)).isEqualTo("94287082");
        assertThat(Totp.code(key, Totp.step(1_111_111_109_000L), 8)).isEqualTo("07081804");
        assertThat(Totp.decode(Totp.base32(key))).isEqualTo(key);
    }

    @Test
    void anAdministratorEnrolsThenGivesAFreshCodeAtEveryLogin() {
        String username = "sysadmin." + UUID.randomUUID().toString().substring(0, 6);
        seeding.account(username, "第二系统管理员", "HB-610800", Set.of(Role.SYSTEM_ADMIN), Set.of(), "Initial-Pass-1", true);
        accounts.changeOwnPassword(user(username), "Initial-Pass-1", "Chosen-Pass-2", "Chosen-Pass-2");
        policies.change(user("security"), new SecurityPolicies.Change("610800", 8, 3, 3, 5, 30, 30, true, "启用管理员动态码"));

        WebClient client = new WebClient(port);
        assertThat(location(client.login(username, "Chosen-Pass-2"))).isEqualTo("/login/second-factor");
        HttpResponse<String> api = client.getJson("/api/v1/me");
        assertThat(api.statusCode()).isEqualTo(401);
        assertThat(WebClient.json(api).get("code").asString()).isEqualTo("SECOND_FACTOR_REQUIRED");
        assertThat(location(client.get("/admin/accounts"))).isEqualTo("/login/second-factor");

        String page = client.get("/login/second-factor").body();
        Matcher m = Pattern.compile("id=\"totp-secret\">([A-Z2-7 ]+)<").matcher(page);
        assertThat(m.find()).as("the enrolment shows the secret").isTrue();
        String secret = m.group(1).replace(" ", "");
        String csrf = client.csrfTokenFrom("/login/second-factor");
        HttpResponse<String> wrong = client.postForm("/login/second-factor", Map.of("_csrf", csrf, "code", "000000"));
        assertThat(wrong.body()).contains("动态码不正确");
        String code = Totp.code(secret, Totp.step(TestClock.clock().millis()));
        assertThat(location(client.postForm("/login/second-factor", Map.of("_csrf", csrf, "code", code)))).isEqualTo("/");
        assertThat(client.getJson("/api/v1/me").statusCode()).isEqualTo(200);

        // a code works once; the next step's code works
        WebClient again = new WebClient(port);
        assertThat(location(again.login(username, "Chosen-Pass-2"))).isEqualTo("/login/second-factor");
        String csrf2 = again.csrfTokenFrom("/login/second-factor");
        assertThat(again.get("/login/second-factor").body()).doesNotContain("totp-secret");
        assertThat(again.postForm("/login/second-factor", Map.of("_csrf", csrf2, "code", code)).body()).contains("已使用");
        TestClock.advance(Duration.ofSeconds(Totp.STEP_SECONDS));
        String next = Totp.code(secret, Totp.step(TestClock.clock().millis()));
        assertThat(location(again.postForm("/login/second-factor", Map.of("_csrf", csrf2, "code", next)))).isEqualTo("/");

        // other roles never see the step
        assertThat(location(new WebClient(port).login("yuyang.gov", "Demo@2026"))).isEqualTo("/");
    }
}
