package cn.anju.identity;

import cn.anju.shared.crypto.Crypto;
import cn.anju.support.PlatformTest;
import cn.anju.support.TestClock;
import cn.anju.support.WebClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Personal API tokens: work without a session, never exceed their owner, stop when revoked or expired. */
@PlatformTest
class ApiTokenTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Crypto crypto;

    @AfterEach
    void resetClock() {
        TestClock.reset();
    }

    String issue(String username, int days) {
        HttpResponse<String> issued = WebClient.loggedIn(port, username)
                .postJson("/api/v1/me/tokens", "{\"name\":\"对接测试\",\"days\":" + days + "}");
        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
        return WebClient.json(issued).get("token").asString();
    }

    @Test
    void aTokenActsAsItsOwnerWithoutSessionOrCsrf() {
        String token = issue("yuyang.gov", 30);
        WebClient machine = new WebClient(port); // no cookies at all
        HttpResponse<String> me = machine.getWithToken("/api/v1/me", token);
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(WebClient.json(me).get("username").asString()).isEqualTo("yuyang.gov");
        assertThat(machine.sessionCookie()).isNull();

        HttpResponse<String> created = machine.postJsonWithToken("/api/v1/procurements", """
                {"districtCode":"610802","year":2027,"title":"令牌登记的采购项目","purchasingUnit":"榆阳区住房和城乡建设局",
                 "serviceItems":["MAINTENANCE"],"method":"PUBLIC_TENDER"}""", token);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    }

    @Test
    void aTokenIsLimitedToItsOwnersRolesAndScope() {
        String token = issue("shenmu.op", 30);
        WebClient machine = new WebClient(port);
        JsonNode rows = WebClient.json(machine.getWithToken("/api/v1/operator-coverage", token));
        assertThat(rows.size()).isPositive();
        rows.forEach(r -> assertThat(r.get("operatorName").asString()).isEqualTo("神木市保障房运营管理有限公司"));
        assertThat(machine.getWithToken("/api/v1/accounts", token).statusCode()).isEqualTo(403);
        assertThat(machine.getWithToken("/api/v1/audit/entries", token).statusCode()).isEqualTo(403);
        HttpResponse<String> more = machine.postJsonWithToken("/api/v1/me/tokens", "{\"name\":\"再签一个\"}", token);
        assertThat(more.statusCode()).isEqualTo(403);
        assertThat(WebClient.json(more).get("code").asString()).isEqualTo("TOKEN_CANNOT_ISSUE_TOKENS");
    }

    @Test
    void aRevokedOrExpiredTokenStopsWorking() {
        WebClient owner = WebClient.loggedIn(port, "hengshan.gov");
        HttpResponse<String> issued = owner.postJson("/api/v1/me/tokens", "{\"name\":\"将撤销\",\"days\":10}");
        String token = WebClient.json(issued).get("token").asString();
        long id = WebClient.json(issued).get("id").asLong();
        WebClient machine = new WebClient(port);
        assertThat(machine.getWithToken("/api/v1/me", token).statusCode()).isEqualTo(200);

        assertThat(owner.postJson("/api/v1/me/tokens/" + id + "/revoke", "{}").statusCode()).isEqualTo(204);
        HttpResponse<String> refused = machine.getWithToken("/api/v1/me", token);
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(WebClient.json(refused).get("code").asString()).isEqualTo("TOKEN_INVALID");

        String shortLived = issue("hengshan.gov", 1);
        assertThat(machine.getWithToken("/api/v1/me", shortLived).statusCode()).isEqualTo(200);
        TestClock.advance(Duration.ofDays(1).plusMinutes(1));
        assertThat(machine.getWithToken("/api/v1/me", shortLived).statusCode()).isEqualTo(401);
    }

    @Test
    void anotherPersonsTokenCannotBeRevokedAndOnlyHashesAreStored() {
        String token = issue("anju.manager", 30);
        long id = jdbc.sql("select id from api_token where token_hash = ?").param(crypto.digest(ApiTokens.TOKEN, token).tagged())
                .query(Long.class).single();
        HttpResponse<String> foreign = WebClient.loggedIn(port, "shenmu.op").postJson("/api/v1/me/tokens/" + id + "/revoke", "{}");
        assertThat(foreign.statusCode()).isEqualTo(404);
        long plain = jdbc.sql("select count(*) from api_token where token_hash = ? or token_prefix = ?")
                .params(token, token).query(Long.class).single();
        assertThat(plain).isZero();
        assertThat(new WebClient(port).getWithToken("/api/v1/me", token).statusCode()).isEqualTo(200);
    }

    @Test
    void aDisabledOwnersTokensStopWorking() {
        // the system administrator disables the owner; the machine client loses access at once
        String token = issue("evaluator", 30);
        WebClient machine = new WebClient(port);
        assertThat(machine.getWithToken("/api/v1/me", token).statusCode()).isEqualTo(200);
        long evaluator = jdbc.sql("select id from app_user where username = 'evaluator'").query(Long.class).single();
        WebClient admin = WebClient.loggedIn(port, "admin");
        String csrf = admin.csrfToken();
        admin.postForm("/admin/accounts/" + evaluator + "/disable", Map.of("_csrf", csrf));
        try {
            assertThat(machine.getWithToken("/api/v1/me", token).statusCode()).isEqualTo(401);
        } finally {
            admin.postForm("/admin/accounts/" + evaluator + "/enable", Map.of("_csrf", csrf));
        }
        assertThat(machine.getWithToken("/api/v1/me", token).statusCode()).isEqualTo(200);
    }
}
