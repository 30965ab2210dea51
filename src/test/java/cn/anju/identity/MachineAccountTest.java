package cn.anju.identity;

import cn.anju.support.PlatformTest;
import cn.anju.support.WebClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;

import static cn.anju.support.WebClient.location;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An outside system's machine account (the 12345 gateway): opened by the system administrator without password or
 * contact, its machine role granted and its token issued by the security administrator; it never signs in, and a
 * person's account can never hold its role.
 */
@PlatformTest
class MachineAccountTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    long cityBureau() {
        return jdbc.sql("select organisation_id from app_user where username = 'security'").query(Long.class).single();
    }

    String inbound(String externalId) {
        return "{\"channel\":\"CITY_12345\",\"externalId\":\"" + externalId + "\",\"receivedAt\":\"2026-11-16T09:00:00+08:00\","
                + "\"text\":\"路灯不亮\",\"districtCode\":\"610802\"}";
    }

    @Test
    void openedByTheSystemAdministratorGrantedAndGivenItsTokenByTheSecurityAdministratorNeverSignsIn() {
        WebClient admin = WebClient.loggedIn(port, "admin");
        String username = "gw-" + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> created = admin.postForm("/admin/accounts", Map.of("_csrf", admin.csrfToken(), "username", username,
                "displayName", "区12345接口", "organisationId", Long.toString(cityBureau()), "machine", "true"));
        assertThat(location(created)).as(created.body()).startsWith("/admin/accounts/");
        long id = Long.parseLong(location(created).substring("/admin/accounts/".length()));
        assertThat(admin.get("/admin/accounts/" + id).body()).contains("机器账号").doesNotContain("待本人激活");

        WebClient security = WebClient.loggedIn(port, "security");
        String csrf = security.csrfToken();
        String tokens = "/api/v1/security/accounts/" + id + "/tokens";
        assertThat(security.postJson(tokens, "{\"name\":\"12345\",\"days\":30}").body()).as("no role yet")
                .contains("MACHINE_ACCOUNT_NOT_READY");
        security.postForm("/security/accounts/" + id + "/roles", Map.of("_csrf", csrf, "organisationId", Long.toString(cityBureau()),
                "roles", "OPERATOR_STAFF"));
        assertThat(security.get("/security/accounts/" + id).body()).contains("机器账号只能授予渠道网关");
        security.postForm("/security/accounts/" + id + "/roles", Map.of("_csrf", csrf, "organisationId", Long.toString(cityBureau()),
                "roles", "CHANNEL_GATEWAY"));
        assertThat(security.get("/security/accounts/" + id).body()).contains("接口令牌");

        var issued = security.postJson(tokens, "{\"name\":\"12345\",\"days\":30}");
        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
        String token = WebClient.json(issued).get("token").asString();
        assertThat(jdbc.sql("select password_hash is null from app_user where id = ?").param(id).query(Boolean.class).single()).isTrue();
        WebClient machine = new WebClient(port);
        assertThat(machine.postJsonWithToken("/api/v1/feedback/inbound", inbound("m-" + UUID.randomUUID()), token).statusCode())
                .isEqualTo(201);
        assertThat(machine.postJsonWithToken("/api/v1/me/tokens", "{\"name\":\"own\",\"days\":5}", token).statusCode())
                .as("a machine cannot issue itself tokens").isEqualTo(403);
        assertThat(location(new WebClient(port).login(username, ""))).as("never signs in").contains("/login");

        // the security page lists the token without its secret; revoked, it stops at once
        String page = security.get("/security/accounts/" + id + "/tokens").body();
        assertThat(page).contains("12345").doesNotContain(token);
        long tokenId = WebClient.json(issued).get("id").asLong();
        assertThat(security.postJson(tokens + "/" + tokenId + "/revoke", "{}").statusCode()).isEqualTo(204);
        assertThat(machine.postJsonWithToken("/api/v1/feedback/inbound", inbound("m-" + UUID.randomUUID()), token).statusCode())
                .isEqualTo(401);
    }

    @Test
    void aPersonsAccountNeverHoldsTheGatewayRoleAndADisabledMachineStops() {
        WebClient security = WebClient.loggedIn(port, "security");
        long staff = jdbc.sql("select id from app_user where username = 'anju.staff'").query(Long.class).single();
        security.postForm("/security/accounts/" + staff + "/roles", Map.of("_csrf", security.csrfToken(),
                "organisationId", Long.toString(cityBureau()), "roles", "CHANNEL_GATEWAY"));
        assertThat(security.get("/security/accounts/" + staff).body()).contains("渠道网关角色只授予系统管理员开设的机器账号");
        assertThat(jdbc.sql("select count(*) from user_role where app_user = ? and role = 'CHANNEL_GATEWAY'").param(staff)
                .query(Long.class).single()).isZero();

        long gateway = jdbc.sql("select id from app_user where username = 'gateway.12345'").query(Long.class).single();
        String token = WebClient.json(security.postJson("/api/v1/security/accounts/" + gateway + "/tokens", "{\"name\":\"停用测试\",\"days\":5}"))
                .get("token").asString();
        WebClient admin = WebClient.loggedIn(port, "admin");
        admin.postForm("/admin/accounts/" + gateway + "/disable", Map.of("_csrf", admin.csrfToken()));
        try {
            assertThat(new WebClient(port).postJsonWithToken("/api/v1/feedback/inbound", inbound("d-" + UUID.randomUUID()), token)
                    .statusCode()).isEqualTo(401);
        } finally {
            admin.postForm("/admin/accounts/" + gateway + "/enable", Map.of("_csrf", admin.csrfToken()));
        }
        assertThat(new WebClient(port).postJsonWithToken("/api/v1/feedback/inbound", inbound("e-" + UUID.randomUUID()), token)
                .statusCode()).isEqualTo(201);
    }
}
