package cn.anju.support;

import java.net.http.HttpResponse;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How one {@code /api/v1} endpoint keeps to the caller's data scope, as a check that runs against the live
 * platform. Every endpoint must have one (ApiScopeCoverageTest enumerates the handler mappings), so a module
 * that adds an endpoint adds its case to its own list ({@code RentScopeCases}, …) that {@link ScopeCases}
 * collects.
 */
@FunctionalInterface
public interface ScopeCase {

    void check(int port);

    /** Only these users may call it; each of the others gets 403. */
    static ScopeCase onlyFor(String method, String path, String allowed, String... refused) {
        return port -> {
            for (String who : refused) {
                HttpResponse<String> r = call(WebClient.loggedIn(port, who), method, path);
                assertThat(r.statusCode()).as(who + " " + method + " " + path).isEqualTo(403);
            }
            HttpResponse<String> ok = call(WebClient.loggedIn(port, allowed), method, path);
            assertThat(ok.statusCode()).as(allowed + " " + method + " " + path).isBetween(200, 299);
        };
    }

    /** Each caller's answer holds only what belongs to that caller (checked by a predicate on the body). */
    static ScopeCase eachSeesOnlyOwn(String path, Function<String, String> ownMarker, String... users) {
        return port -> {
            for (String who : users) {
                String body = WebClient.loggedIn(port, who).getJson(path).body();
                for (String other : users) {
                    if (!other.equals(who)) {
                        assertThat(body).as(who + " reading " + path).doesNotContain(ownMarker.apply(other));
                    }
                }
            }
        };
    }

    static HttpResponse<String> call(WebClient client, String method, String path) {
        return "GET".equals(method) ? client.getJson(path) : client.postJson(path, "{}");
    }
}
