package cn.anju.shared.crypto;

import cn.anju.support.PlatformTest;
import cn.anju.support.WebClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo city is written in whichever suite the environment names (CI runs this under both): its personal data,
 * blind indexes, API tokens and audit chain all take the active suite's algorithms, and its audit verifies.
 */
@PlatformTest
class DemoInActiveSuiteTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Crypto crypto;

    @Test
    void theDemoIsWrittenWithTheActiveSuite() {
        String expectedSuite = System.getenv().getOrDefault("ANJU_CRYPTO_SUITE", "INTERNATIONAL");
        assertThat(crypto.suite().name()).isEqualTo(expectedSuite);
        String cipher = crypto.suite().cipher().tag();
        String hash = crypto.suite().hash().tag();
        assertThat(jdbc.sql("select count(*) from household_member").query(Long.class).single()).isPositive();
        assertThat(jdbc.sql("select count(*) from household_member where id_number not like ? or id_number_index not like ?")
                .params("enc:v1:" + cipher + ":%", "hmac-" + hash + ":%").query(Long.class).single())
                .as("every member's ID number under " + cipher + " and indexed with HMAC-" + hash).isZero();

        JsonNode verification = WebClient.json(WebClient.loggedIn(port, "auditor").getJson("/api/v1/audit/verification"));
        assertThat(verification.get("intact").asBoolean()).isTrue();
        assertThat(verification.get("algorithms").toString()).contains(crypto.suite().hash().displayName());
        assertThat(jdbc.sql("select count(*) from audit_chain where algorithm <> ?").param(hash).query(Long.class).single())
                .as("a demo sealed under one suite names it in every link").isZero();
    }
}
