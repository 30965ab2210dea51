package cn.anju.identity;

import cn.anju.rent.OnlinePayments;
import cn.anju.shared.Role;
import cn.anju.support.WebClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Set;

import static cn.anju.support.WebClient.location;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code prod} profile in its own database (no demo data): the bootstrap creates the three separated
 * administrators, each from its own one-time password; the OpenAPI document and Swagger UI are off; health answers
 * anyone with the status only.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "anju.embedded-db.database=anju_prod_profile",
        // production refuses the development key of the test profile: other keys, as an installation has them
        "anju.privacy.active-key=prod1",
        "anju.privacy.keys.dev1=2bUVu8+Nt1z0EW+NiyOCwJY03ch7d7Ta2Ot4U4YWNPU=",
        "anju.privacy.keys.prod1=B8c7225CZX76n99MLcyDH4RB0+2YV8gvkHuOsnFCLsI=",
        "anju.privacy.index-key=Ae54dZxBLlAYOaT06tnNxlUAf4eGzxSpa1wuAKkO9H8=",
        // and the national-algorithm keys the test profile names (an SM4 key of 16 bytes, an SM3 index key)
        "anju.privacy.keys.dev-sm4=gSmjvBk2eb4KV0rFWmYlVA==",
        "anju.privacy.guomi-index-key=vSbARNGmnR2cAC3JVksMUdQ6Gf9JA/fQV6+KnP8E3Ho=",
        "anju.bootstrap.admin-password=" + ProductionProfileTest.ADMIN_PASSWORD,
        "anju.bootstrap.security-password=" + ProductionProfileTest.SECURITY_PASSWORD,
        "anju.bootstrap.auditor-password=" + ProductionProfileTest.AUDITOR_PASSWORD,
        "server.servlet.session.cookie.secure=false"})
@ActiveProfiles({"test", "prod"})
class ProductionProfileTest {

    static final String ADMIN_PASSWORD = "Yulin-Bureau-7391";
    static final String SECURITY_PASSWORD = "Second-Key-5820";
    static final String AUDITOR_PASSWORD = "Third-Ledger-4467";

    @LocalServerPort
    int port;
    @Autowired
    AccountUserDetailsService users;
    @Autowired
    TestAccounts seeding;
    @Autowired
    FirstAdministratorBootstrap bootstrap;
    @Autowired
    UserAccounts accounts;

    @Test
    void theBootstrapCreatesTheThreeAdministratorsEachWithItsOwnOneTimePassword() {
        Map<String, Role> roles = Map.of("admin", Role.SYSTEM_ADMIN, "security", Role.SECURITY_ADMIN, "auditor", Role.AUDITOR);
        Map<String, String> passwords = Map.of("admin", ADMIN_PASSWORD, "security", SECURITY_PASSWORD, "auditor", AUDITOR_PASSWORD);
        for (String username : roles.keySet()) {
            CurrentUser user = ((AccountUserDetails) users.loadUserByUsername(username)).currentUser();
            assertThat(user.roles()).as(username).containsExactly(roles.get(username));
            assertThat(user.mustChangePassword()).as(username).isTrue();
            // its own password opens it (on to the second factor, on in production); another's does not
            assertThat(location(new WebClient(port).login(username, passwords.get(username)))).as(username)
                    .isEqualTo("/login/second-factor");
            String other = passwords.get(username.equals("admin") ? "security" : "admin");
            assertThat(location(new WebClient(port).login(username, other))).as(username).isEqualTo("/login?error");
        }
        long before = accounts.count();
        bootstrap.run(null); // a restart with the variables still set changes nothing
        assertThat(accounts.count()).isEqualTo(before);
    }

    @Test
    void apiDocsAndSwaggerUiAreOffInProduction() {
        seeding.account("docs.reader", "接口查阅", "HB-610800", Set.of(Role.GOV_OFFICER), Set.of(), "Docs-Reader-2026", false);
        WebClient reader = new WebClient(port);
        assertThat(location(reader.login("docs.reader", "Docs-Reader-2026"))).isEqualTo("/");
        assertThat(reader.getJson("/v3/api-docs").statusCode()).isEqualTo(404);
        assertThat(reader.get("/swagger-ui.html").statusCode()).isEqualTo(404);
        assertThat(reader.get("/swagger-ui/index.html").statusCode()).isEqualTo(404);
    }

    @Test
    void healthAnswersAnyoneWithTheStatusOnly() {
        HttpResponse<String> health = new WebClient(port).getJson("/actuator/health");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"UP\"").doesNotContain("components");
        assertThat(new WebClient(port).get("/actuator/prometheus").statusCode()).isEqualTo(401);
    }

    @Autowired
    OnlinePayments online;

    /** No simulator outside the demo: online payment is not open until a gateway is configured, its page is not there. */
    @Test
    void theSimulatedGatewayIsNotThereInProduction() {
        assertThat(online.available()).as("no gateway configured: online payment not open").isFalse();
        assertThat(new WebClient(port).get("/gateway-sim/WX610802TEST").statusCode()).isEqualTo(404);
        seeding.account("sim.prober", "网关探查", "HB-610800", Set.of(Role.GOV_OFFICER), Set.of(), "Sim-Prober-2026", false);
        WebClient signedIn = new WebClient(port);
        assertThat(location(signedIn.login("sim.prober", "Sim-Prober-2026"))).isEqualTo("/");
        assertThat(signedIn.get("/gateway-sim/WX610802TEST").statusCode()).isEqualTo(404);
        var callback = new WebClient(port).postJson("/api/v1/gateway/callbacks/sim", "{}", (String) null);
        assertThat(callback.statusCode()).as("no secret: callbacks are refused, nothing is paid").isEqualTo(503);
        assertThat(new WebClient(port).get("/demo/outbox").statusCode()).as("no demo outbox in production").isNotEqualTo(200);
        assertThat(signedIn.get("/demo/outbox").statusCode()).isEqualTo(404);
        assertThat(new WebClient(port).get("/account/activate").body()).doesNotContain("/demo/outbox");
    }
}
