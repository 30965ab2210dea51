package cn.anju;

import cn.anju.shared.web.RoleGate;
import cn.anju.support.DemoAccounts;
import cn.anju.support.HostileRequests.Kind;
import cn.anju.support.HostileRequests;
import cn.anju.support.PlatformTest;
import cn.anju.support.WebClient;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.AntPathMatcher;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every operation of {@code /v3/api-docs}, read when the test runs (so a new operation is covered without a line
 * here), called with hostile input of every {@link Kind} as the first demo account that may call it, and with one
 * hostile kind as every demo account. No answer is a 5xx, every refusal is problem details, and a refused request
 * writes nothing: no row of any table has a newer transaction id than the request (sessions and job locks aside).
 */
@PlatformTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiFuzzTest {

    /** Who is tried first: the broadest operator and government roles, then the narrower ones. */
    private static final List<String> ORDER = List.of("anju.manager", "city.gov", "yuyang.gov", "anju.staff", "yuyang.finance",
            "admin", "security", "auditor", "tenant.demo", "monitor", "evaluator", "hengshan.gov", "shenmu.gov", "shenmu.op");
    /**
     * Not evidence of a refused request's write: sessions (saved on every request) and job locks, and the audit log,
     * which records some refusals on purpose (a partner callback with a bad signature).
     */
    private static final Set<String> NOT_WRITES = Set.of("spring_session", "spring_session_attributes", "shedlock",
            "audit_log", "audit_chain");

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    List<RoleGate> gates;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    private final HttpClient http = HttpClient.newHttpClient();
    private final Map<String, String> tokens = new LinkedHashMap<>();
    private final Map<String, String> roles = new LinkedHashMap<>();
    private final AntPathMatcher paths = new AntPathMatcher();
    private OpenAPI api;
    private List<String> tables;

    @BeforeAll
    void readTheApiAndIssueTokens() {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        options.setResolveFully(true);
        api = new OpenAPIV3Parser().readContents(WebClient.loggedIn(port, "admin").getJson("/v3/api-docs").body(), null, options)
                .getOpenAPI();
        DemoAccounts.ALL.forEach(a -> roles.put(a.username(), a.role()));
        // a token, not a session: a session is saved on every request, which would hide a real write
        for (String who : ORDER) {
            var issued = WebClient.loggedIn(port, who).postJson("/api/v1/me/tokens", "{\"name\":\"api-fuzz\",\"days\":1}");
            tokens.put(who, WebClient.json(issued).get("token").asString());
        }
        // a token records when it was last used at most once a minute; marked as just used for the whole run
        jdbc.update("update api_token set last_used_at = timestamp '2999-01-01' where name = 'api-fuzz'");
        tables = jdbc.queryForList("select relname from pg_stat_user_tables where schemaname = current_schema()", String.class)
                .stream().filter(t -> !NOT_WRITES.contains(t)).toList();
    }

    @Test
    void theWalkCoversEveryApiEndpoint() {
        Set<String> documented = new TreeSet<>(operations().keySet());
        Set<String> mapped = new TreeSet<>();
        mappings.getHandlerMethods().keySet().forEach(info -> info.getPatternValues().stream()
                .filter(p -> p.startsWith("/api/v1"))
                .forEach(p -> info.getMethodsCondition().getMethods().forEach(m -> mapped.add(m.name() + " " + p.replaceAll("\\{(\\w+):[^}]*}", "{$1}")))));
        assertThat(documented).as("operations in /v3/api-docs").hasSizeGreaterThanOrEqualTo(100).containsAll(mapped);
    }

    @Test
    void noHostileInputGetsAServerErrorOrAWrite() {
        List<String> failures = new ArrayList<>();
        Set<String> answered = new TreeSet<>();
        operations().forEach((key, operation) -> {
            String[] mp = key.split(" ", 2);
            String who = firstAllowed(mp[0], mp[1], operation, failures);
            for (Kind kind : Kind.values()) {
                int status = check(who, HostileRequests.build(mp[0], mp[1], operation, kind), kind, failures);
                if (status != 401 && status != 403) {
                    answered.add(key);
                }
            }
        });
        assertThat(failures).as("hostile requests answered wrongly").isEmpty();
        // the walk reached the operations themselves, not only the door: the tokens work and the roles were found
        assertThat(answered).as("operations that got past authentication").hasSizeGreaterThan(operations().size() * 3 / 4);
    }

    @Test
    void oneHostileKindThroughTheWholeRoleMatrix() {
        List<String> failures = new ArrayList<>();
        operations().forEach((key, operation) -> {
            String[] mp = key.split(" ", 2);
            for (String who : ORDER) {
                check(who, HostileRequests.build(mp[0], mp[1], operation, Kind.TEN_THOUSAND_CHARACTERS), Kind.TEN_THOUSAND_CHARACTERS, failures);
            }
        });
        assertThat(failures).as("hostile requests answered wrongly").isEmpty();
    }

    private Map<String, Operation> operations() {
        Map<String, Operation> operations = new TreeMap<>();
        api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, op) -> operations.put(method.name() + " " + path, op)));
        return operations;
    }

    /**
     * The first account in {@link #ORDER} that the role gates let through and that is not refused with 403 for a
     * hostile request of the SQL kind (checked as it goes); the first the gates let through if every one is refused.
     */
    private String firstAllowed(String method, String path, Operation operation, List<String> failures) {
        String sample = path.replaceAll("\\{[^}]+}", "1");
        List<String> candidates = ORDER.stream().filter(who -> gates.stream()
                .filter(g -> g.method().name().equals(method) && paths.match(g.pattern(), sample))
                .allMatch(g -> Set.of(g.roleNames()).contains(roles.get(who)))).toList();
        for (String who : candidates) {
            if (check(who, HostileRequests.build(method, path, operation, Kind.SQL), Kind.SQL, failures) != 403) {
                return who;
            }
        }
        return candidates.isEmpty() ? ORDER.getFirst() : candidates.getFirst();
    }

    /** Sends one request and records what is wrong with its answer; returns the status. */
    private int check(String who, HostileRequests.Request request, Kind kind, List<String> failures) {
        long before = nextTransactionId();
        HttpResponse<String> response = send(who, request);
        int status = response.statusCode();
        String what = who + " " + kind + " " + request + " -> " + status;
        String type = response.headers().firstValue("Content-Type").orElse("");
        if (status >= 500) {
            failures.add(what + " " + response.body().substring(0, Math.min(300, response.body().length())));
        } else if (status >= 400 && !type.startsWith("application/problem+json")) {
            failures.add(what + " answered " + type + ", not problem details");
        } else if (status >= 400) {
            String written = writtenSince(before);
            if (written != null) {
                failures.add(what + " refused, yet wrote to " + written);
            }
        }
        return status;
    }

    private HttpResponse<String> send(String who, HostileRequests.Request request) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + request.path()))
                .header("Accept", "application/json").header("Authorization", "Bearer " + tokens.get(who));
        request.headers().forEach(b::header);
        if (request.contentType() != null) {
            b.header("Content-Type", request.contentType());
        }
        b.method(request.method(), request.body() == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(request.body()));
        try {
            return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(request.toString(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The id the next writing transaction gets; reading it writes nothing. */
    private long nextTransactionId() {
        return jdbc.queryForObject("select pg_snapshot_xmax(pg_current_snapshot())::text::bigint", Long.class);
    }

    /** A table with a row that a transaction since {@code before} inserted or updated, or null. */
    private String writtenSince(long before) {
        if (nextTransactionId() == before) {
            return null; // no transaction has written anything at all
        }
        long xid = before % (1L << 32);
        for (String table : tables) {
            Boolean written = jdbc.queryForObject("select exists (select 1 from " + table + " where xmin::text::bigint >= ?)", Boolean.class, xid);
            if (Boolean.TRUE.equals(written)) {
                return table;
            }
        }
        return null;
    }
}
