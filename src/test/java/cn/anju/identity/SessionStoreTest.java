package cn.anju.identity;

import cn.anju.AnjuApplication;
import cn.anju.support.WebClient;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sessions live in PostgreSQL, not in the JVM: a session begun on one node is served by another, and survives a
 * restart of the platform. (ForkedPlatformIT proves the same across a kill -9 of a separate JVM.)
 */
class SessionStoreTest {

    @Test
    void aSessionSurvivesARestartAndMovesBetweenNodes() {
        ConfigurableApplicationContext first = start();
        WebClient client = WebClient.loggedIn(port(first), "hengshan.gov");
        assertThat(client.getJson("/api/v1/me").statusCode()).isEqualTo(200);
        first.close();

        ConfigurableApplicationContext second = start();
        ConfigurableApplicationContext third = start();
        try {
            for (ConfigurableApplicationContext node : new ConfigurableApplicationContext[]{second, third}) {
                var me = client.onPort(port(node)).getJson("/api/v1/me");
                assertThat(me.statusCode()).isEqualTo(200);
                assertThat(WebClient.json(me).get("username").asString()).isEqualTo("hengshan.gov");
            }
            client.onPort(port(second)).postForm("/logout", Map.of("_csrf", client.onPort(port(second)).csrfToken()));
            assertThat(client.onPort(port(third)).getJson("/api/v1/me").statusCode()).isEqualTo(401);
        } finally {
            second.close();
            third.close();
        }
    }

    private static ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(AnjuApplication.class).profiles("test", "demo")
                .properties("server.port=0").run();
    }

    private static int port(ConfigurableApplicationContext context) {
        return context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
    }
}
