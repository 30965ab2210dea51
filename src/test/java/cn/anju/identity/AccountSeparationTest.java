package cn.anju.identity;

import cn.anju.notification.Notifications;
import cn.anju.shared.Role;
import cn.anju.support.PlatformTest;
import cn.anju.support.WebClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static cn.anju.support.WebClient.location;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 13 (5): no one administrator can make a working business account. Each administrator is driven over HTTP
 * through every door their pages and API offer; the one-time code only ever reaches the person's own phone (here:
 * the notification outbox and the recorded SMS), so the account never signs in for the administrator.
 */
@PlatformTest
class AccountSeparationTest {

    static final String GUESSED = "Guess-Work-2026";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Organisations organisations;
    @Autowired
    AccountActivation activation;
    @Autowired
    RoleGrants grants;
    @Autowired
    AccountUserDetailsService users;
    @Autowired
    Notifications notifications;

    CurrentUser user(String username) {
        return ((AccountUserDetails) users.loadUserByUsername(username)).currentUser();
    }

    long org(String code) {
        return organisations.findByCode(code).orElseThrow().id();
    }

    /** The system administrator opens an account through the page; returns its id. */
    long openThroughThePage(WebClient admin, String username, String mobile) {
        HttpResponse<String> created = admin.postForm("/admin/accounts", Map.of("_csrf", admin.csrfToken(),
                "username", username, "displayName", "新经办人", "organisationId", Long.toString(org("HS-610802")),
                "mobile", mobile));
        assertThat(location(created)).startsWith("/admin/accounts/");
        return Long.parseLong(location(created).substring("/admin/accounts/".length()));
    }

    /** Everything the system administrator can read about the account. */
    List<String> whatTheSystemAdministratorSees(WebClient admin, long id, String username) {
        return List.of(admin.get("/admin/accounts/" + id).body(), admin.get("/admin/accounts?keyword=" + username).body(),
                admin.getJson("/api/v1/accounts/" + id).body(), admin.getJson("/api/v1/accounts?keyword=" + username).body(),
                new String(admin.getBytes("/admin/accounts/export?keyword=" + username).body()));
    }

    /** Without the code, activation is only guessing: five wrong tries spend the code. */
    void guessCodes(String username) {
        WebClient anyone = new WebClient(port);
        for (String guess : List.of("00000000", "12345678", "11111111", "88888888", "20262026", "99999999")) {
            String page = anyone.postForm("/account/activate", Map.of("_csrf", anyone.csrfTokenFrom("/account/activate"),
                    "username", username, "code", guess, "password", GUESSED, "confirmation", GUESSED)).body();
            assertThat(page).contains("激活码不正确");
        }
    }

    @Test
    void theSystemAdministratorAloneCannotMakeAWorkingAccountNorTakeOneOver() {
        AccountCodesReader phone = new AccountCodesReader(jdbc);
        WebClient admin = WebClient.loggedIn(port, "admin");
        String username = "alone." + UUID.randomUUID().toString().substring(0, 6);
        // the administrator may even type their own mobile: the account still has no role
        long id = openThroughThePage(admin, username, "13912345678");
        String code = phone.latestCode(id);
        whatTheSystemAdministratorSees(admin, id, username).forEach(answer -> assertThat(answer).doesNotContain(code));

        // no door to roles for the system administrator
        String csrf = admin.csrfToken();
        assertThat(admin.postForm("/security/accounts/" + id + "/roles", Map.of("_csrf", csrf,
                "organisationId", Long.toString(org("HS-610802")), "roles", "GOV_OFFICER")).statusCode()).isEqualTo(403);
        assertThat(admin.postForm("/admin/accounts/" + id + "/roles", Map.of("_csrf", csrf,
                "organisationId", Long.toString(org("HS-610802")), "roles", "GOV_OFFICER")).statusCode()).isGreaterThanOrEqualTo(400);
        assertThat(admin.get("/security/accounts/" + id).statusCode()).isEqualTo(403);

        // a reset sends a new code, to the same phone; the administrator sees neither
        assertThat(location(admin.postForm("/admin/accounts/" + id + "/reset-password", Map.of("_csrf", csrf))))
                .isEqualTo("/admin/accounts/" + id);
        String second = phone.latestCode(id);
        whatTheSystemAdministratorSees(admin, id, username).forEach(answer -> assertThat(answer).doesNotContain(second));
        guessCodes(username);
        assertThat(admin.postForm("/admin/accounts/" + id + "/enable", Map.of("_csrf", csrf)).statusCode()).isEqualTo(302);

        // even had the code leaked, an account without a role signs in nowhere
        assertThat(location(admin.postForm("/admin/accounts/" + id + "/reset-password", Map.of("_csrf", csrf)))).endsWith("/" + id);
        assertThat(activation.activate(username, phone.latestCode(id), GUESSED, GUESSED)).isFalse();
        assertThat(location(new WebClient(port).login(username, GUESSED))).isEqualTo("/login?error");
        assertThat(jdbc.sql("select count(*) from user_role where app_user = ?").param(id).query(Long.class).single()).isZero();

        // a working officer's account (opened, activated by its person, granted by security): a reset only locks it
        String officer = "officer." + UUID.randomUUID().toString().substring(0, 6);
        long officerId = openThroughThePage(admin, officer, "13700001111");
        activation.activate(officer, phone.latestCode(officerId), "Own-Secret-4711", "Own-Secret-4711");
        grants.grant(user("security"), officerId, org("HS-610802"), Set.of(Role.GOV_OFFICER), Set.of());
        assertThat(location(new WebClient(port).login(officer, "Own-Secret-4711"))).isEqualTo("/");
        admin.postForm("/admin/accounts/" + officerId + "/reset-password", Map.of("_csrf", csrf));
        String resetCode = phone.latestCode(officerId);
        whatTheSystemAdministratorSees(admin, officerId, officer).forEach(answer -> assertThat(answer).doesNotContain(resetCode));
        guessCodes(officer);
        assertThat(location(new WebClient(port).login(officer, "Own-Secret-4711"))).isEqualTo("/login?error");
        assertThat(location(new WebClient(port).login(officer, GUESSED))).isEqualTo("/login?error");
        // opening the same user name again (to give it another phone) is refused
        assertThat(admin.postForm("/admin/accounts", Map.of("_csrf", csrf, "username", officer, "displayName", "冒名",
                "organisationId", Long.toString(org("HS-610802")), "mobile", "13912345678")).body()).contains("已被使用");
    }

    @Test
    void theSecurityAdministratorAloneCannotMakeAWorkingAccount() {
        AccountCodesReader phone = new AccountCodesReader(jdbc);
        WebClient security = WebClient.loggedIn(port, "security");
        String csrf = security.csrfToken();
        String username = "grantee." + UUID.randomUUID().toString().substring(0, 6);
        assertThat(security.postForm("/admin/accounts", Map.of("_csrf", csrf, "username", username, "displayName", "某人",
                "organisationId", Long.toString(org("HS-610802")), "mobile", "13912345678")).statusCode()).isEqualTo(403);
        assertThat(security.getJson("/api/v1/accounts").statusCode()).isEqualTo(403);

        // an account the system administrator opened for someone else: security grants it a business role
        long id = openThroughThePage(WebClient.loggedIn(port, "admin"), username, "13600002222");
        String code = phone.latestCode(id);
        HttpResponse<String> granted = security.postForm("/security/accounts/" + id + "/roles", Map.of("_csrf", csrf,
                "organisationId", Long.toString(org("HS-610802")), "roles", "GOV_OFFICER"));
        assertThat(location(granted)).isEqualTo("/security/accounts/" + id);
        assertThat(security.get("/security/accounts/" + id).body()).contains("政府经办人").doesNotContain(code);
        assertThat(security.get("/security/accounts?keyword=" + username).body()).doesNotContain(code);
        assertThat(security.postForm("/admin/accounts/" + id + "/reset-password", Map.of("_csrf", csrf)).statusCode()).isEqualTo(403);
        guessCodes(username);
        for (String tried : List.of(GUESSED, "Demo@2026", "")) {
            assertThat(location(new WebClient(port).login(username, tried))).isEqualTo("/login?error");
        }
        // nor to their own account
        assertThat(security.postForm("/security/accounts/" + user("security").id() + "/roles", Map.of("_csrf", csrf,
                "organisationId", Long.toString(org("HB-610800")), "roles", "GOV_ADMIN")).statusCode()).isEqualTo(302);
        assertThat(user("security").roles()).containsExactly(Role.SECURITY_ADMIN);
    }

    @Test
    void theCodeReachesThePersonsOwnPhoneOnly() {
        AccountCodesReader phone = new AccountCodesReader(jdbc);
        String username = "sms." + UUID.randomUUID().toString().substring(0, 6);
        long id = openThroughThePage(WebClient.loggedIn(port, "admin"), username, "13512345678");
        String code = phone.latestCode(id);
        notifications.dispatch();
        String sms = jdbc.sql("""
                        select l.phone_masked || ' ' || l.text from sms_log l join notification_outbox o on o.id = l.outbox_id
                         where o.recipient_type = 'app_user' and o.recipient_id = ?""")
                .param(id).query(String.class).single();
        assertThat(sms).contains("135****5678", username, code, "请勿告诉任何人，包括管理员");
        // the contact itself is encrypted at rest
        assertThat(jdbc.sql("select contact_phone from app_user where id = ?").param(id).query(String.class).single())
                .startsWith("enc:v1:").doesNotContain("13512345678");
    }
}
