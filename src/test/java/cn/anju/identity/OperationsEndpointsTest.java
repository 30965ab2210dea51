package cn.anju.identity;

import cn.anju.support.PlatformTest;
import cn.anju.support.WebClient;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 13 (7): {@code /actuator/health} answers anyone with the status only; every other operations endpoint
 * needs the API token of a MONITOR account; a browser session, even an administrator's, is not enough.
 */
@PlatformTest
class OperationsEndpointsTest {

    @LocalServerPort
    int port;

    static String tokenOf(WebClient owner) {
        return WebClient.json(owner.postJson("/api/v1/me/tokens", "{\"name\":\"监控采集\",\"days\":30}")).get("token").asString();
    }

    @Test
    void healthAnswersAnyoneWithTheStatusOnly() {
        HttpResponse<String> health = new WebClient(port).getJson("/actuator/health");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(WebClient.json(health).get("status").asString()).isEqualTo("UP");
        assertThat(health.body()).doesNotContain("components", "details", "db", "diskSpace");
    }

    @Test
    void metricsAndInfoNeedAMonitoringToken() {
        WebClient anyone = new WebClient(port);
        for (String path : new String[]{"/actuator/prometheus", "/actuator/info"}) {
            HttpResponse<String> r = anyone.get(path);
            assertThat(r.statusCode()).as(path).isEqualTo(401);
            assertThat(r.body()).doesNotContain("jvm_memory");
        }
        // a signed-in browser session does not open them, whoever it is
        assertThat(WebClient.loggedIn(port, "admin").get("/actuator/prometheus").statusCode()).isEqualTo(401);
        assertThat(WebClient.loggedIn(port, "monitor").get("/actuator/prometheus").statusCode()).isEqualTo(401);
        // a token of an account without the monitoring role is refused
        String officerToken = tokenOf(WebClient.loggedIn(port, "city.gov"));
        assertThat(anyone.getTextWithToken("/actuator/prometheus", officerToken).statusCode()).isEqualTo(403);
        assertThat(anyone.getTextWithToken("/actuator/prometheus", "anju_not-a-real-token").statusCode()).isEqualTo(401);

        String monitorToken = tokenOf(WebClient.loggedIn(port, "monitor"));
        HttpResponse<String> metrics = anyone.getTextWithToken("/actuator/prometheus", monitorToken);
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("jvm_memory");
        assertThat(anyone.getWithToken("/actuator/info", monitorToken).statusCode()).isEqualTo(200);
        assertThat(anyone.getWithToken("/actuator/health", monitorToken).body()).contains("components");
    }

    @Test
    void theMonitoringAccountSeesNoBusinessData() {
        String monitorToken = tokenOf(WebClient.loggedIn(port, "monitor"));
        WebClient client = new WebClient(port);
        HttpResponse<String> households = client.getWithToken("/api/v1/households", monitorToken);
        assertThat(households.statusCode() == 403
                || WebClient.json(households).get("total").asLong() == 0).as(households.body()).isTrue();
    }
}
