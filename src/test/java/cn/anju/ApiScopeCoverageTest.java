package cn.anju;

import cn.anju.support.PlatformTest;
import cn.anju.support.ScopeCase;
import cn.anju.support.ScopeCases;
import cn.anju.support.WebClient;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Data scope holds on every endpoint: the test reads every {@code /api/v1} endpoint from Spring MVC's handler
 * mappings and fails when one has no scope case, so the check grows with the API; then it runs every case.
 */
@PlatformTest
class ApiScopeCoverageTest {

    @LocalServerPort
    int port;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    Set<String> endpoints() {
        Set<String> endpoints = new TreeSet<>();
        mappings.getHandlerMethods().keySet().forEach(info -> info.getPatternValues().stream()
                .filter(p -> p.startsWith("/api/v1"))
                .forEach(p -> info.getMethodsCondition().getMethods()
                        .forEach(m -> endpoints.add(m.name() + " " + p))));
        return endpoints;
    }

    @Test
    void everyApiEndpointHasAScopeCase() {
        Set<String> endpoints = endpoints();
        assertThat(endpoints).as("endpoints found").hasSizeGreaterThanOrEqualTo(13);
        Set<String> missing = new TreeSet<>(endpoints);
        missing.removeAll(ScopeCases.all().keySet());
        assertThat(missing).as("endpoints without a scope case in ScopeCases").isEmpty();
        Set<String> stale = new TreeSet<>(ScopeCases.all().keySet());
        stale.removeAll(endpoints);
        assertThat(stale).as("scope cases for endpoints that no longer exist").isEmpty();
    }

    @TestFactory
    Stream<DynamicTest> everyScopeCaseHolds() {
        return ScopeCases.all().entrySet().stream()
                .map((Map.Entry<String, ScopeCase> e) -> DynamicTest.dynamicTest(e.getKey(), () -> e.getValue().check(port)));
    }

    @Test
    void theSecondOperatorCannotReadTheFirstsRecordsInThePagesEither() {
        String page = WebClient.loggedIn(port, "shenmu.op").get("/coverage").body();
        assertThat(page).contains("神木市保障房运营管理有限公司").doesNotContain("榆林安居物业服务有限公司");
        String home = WebClient.loggedIn(port, "shenmu.op").get("/").body();
        assertThat(home).doesNotContain("榆林安居物业服务有限公司");
    }

    @Test
    void theSeparatedAdministratorsCannotOpenEachOthersPages() {
        Map<String, Set<String>> refused = Map.of(
                "admin", Set.of("/audit", "/security/policy", "/coverage"),
                "security", Set.of("/admin/accounts", "/audit", "/admin/organisations", "/coverage"),
                "auditor", Set.of("/admin/accounts", "/security/policy", "/admin/organisations", "/coverage"));
        refused.forEach((who, pages) -> {
            WebClient client = WebClient.loggedIn(port, who);
            pages.forEach(p -> assertThat(client.get(p).statusCode()).as(who + " " + p).isEqualTo(403));
        });
        assertThat(WebClient.loggedIn(port, "admin").get("/admin/accounts").statusCode()).isEqualTo(200);
        assertThat(WebClient.loggedIn(port, "security").get("/security/policy").statusCode()).isEqualTo(200);
        assertThat(WebClient.loggedIn(port, "auditor").get("/audit").statusCode()).isEqualTo(200);
    }
}
