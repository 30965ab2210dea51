package cn.anju.identity;

import cn.anju.shared.Role;
import cn.anju.support.PlatformTest;
import cn.anju.support.TestClock;
import cn.anju.support.WebClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An evaluation firm's engagement (测评委托) gives its EVALUATOR users their scope for surveys and evaluations, on the
 * days it holds, and nothing of the operational records. Each test engages a firm of its own, so the scope it expects is
 * exactly what it recorded.
 */
@PlatformTest
class EvaluatorEngagementTest {

    private static final String API = "/api/v1/evaluator-engagements";

    @LocalServerPort
    int port;
    @Autowired
    TestAccounts seeding;
    @Autowired
    DataScopes scopes;
    @Autowired
    AccountUserDetailsService users;
    @Autowired
    Organisations organisations;
    @Autowired
    JdbcClient jdbc;

    record Firm(long id, String username) {
    }

    /** A new evaluation firm with one EVALUATOR account, engaged for nothing yet. */
    Firm newFirm() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String code = "EV-T" + suffix.toUpperCase(Locale.ROOT);
        long id = seeding.organisation(code, "测试评估机构" + suffix, OrganisationType.EVALUATOR, null, null);
        String username = "pingjia." + suffix;
        seeding.account(username, "评估员" + suffix, code, Set.of(Role.EVALUATOR), Set.of(), WebClient.DEMO_PASSWORD, false);
        return new Firm(id, username);
    }

    CurrentUser user(String username) {
        return ((AccountUserDetails) users.loadUserByUsername(username)).currentUser();
    }

    JsonNode scopeOf(String username) {
        return WebClient.json(WebClient.loggedIn(port, username).getJson("/api/v1/me")).get("scope");
    }

    static List<Long> longs(JsonNode array) {
        List<Long> values = new ArrayList<>();
        array.forEach(n -> values.add(n.asLong()));
        return values;
    }

    static String body(long evaluatorId, String district, List<Long> projects, LocalDate from, LocalDate to) {
        return """
                {"evaluatorId":%d,"districtCode":"%s","projectIds":%s,"validFrom":"%s","validTo":%s,"note":"年度满意度调查"}"""
                .formatted(evaluatorId, district, projects, from, to == null ? "null" : "\"" + to + "\"");
    }

    static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(n -> values.add(n.asString()));
        return values;
    }

    /** Two projects of 榆阳区, as its officer lists them. */
    List<Long> yuyangProjects() {
        List<Long> ids = new ArrayList<>();
        WebClient.json(WebClient.loggedIn(port, "yuyang.gov").getJson("/api/v1/projects")).forEach(p -> ids.add(p.get("id").asLong()));
        assertThat(ids).hasSizeGreaterThanOrEqualTo(2);
        return ids.subList(0, 2).stream().sorted().toList();
    }

    @Test
    void anOfficerEngagesAFirmForTwoProjectsAndItsScopeIsExactlyThoseOnTheDaysTheEngagementHolds() {
        Firm firm = newFirm();
        LocalDate today = TestClock.today();
        JsonNode before = scopeOf(firm.username());
        assertThat(before.get("type").asString()).isEqualTo("EVALUATOR");
        assertThat(before.get("districtCodes").size() + before.get("projectIds").size()).as("engaged for nothing yet").isZero();

        List<Long> projects = yuyangProjects();
        WebClient officer = WebClient.loggedIn(port, "yuyang.gov");
        HttpResponse<String> created = officer.postJson(API, body(firm.id(), "610802", projects, today.minusDays(10), today.plusDays(100)));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode rows = WebClient.json(created);
        assertThat(rows.size()).as("one row per project, recorded in one call").isEqualTo(2);
        List<Long> rowProjects = new ArrayList<>();
        rows.forEach(r -> rowProjects.add(r.get("projectId").asLong()));
        assertThat(rowProjects).containsExactlyInAnyOrderElementsOf(projects);
        rows.forEach(r -> assertThat(r.get("districtCode").asString()).isEqualTo("610802"));

        JsonNode scope = scopeOf(firm.username());
        assertThat(scope.get("type").asString()).isEqualTo("EVALUATOR");
        assertThat(scope.get("districtCodes").size()).as("no whole district").isZero();
        assertThat(longs(scope.get("projectIds"))).containsExactlyElementsOf(projects);
        DataScope.Evaluator now = (DataScope.Evaluator) scopes.of(user(firm.username()));
        assertThat(now.engagedIn("610802", projects.get(0))).isTrue();
        assertThat(now.coversDistrict("610802")).as("no operational records").isFalse();

        DataScope.Evaluator dayBefore = (DataScope.Evaluator) scopes.on(user(firm.username()), today.minusDays(11));
        assertThat(dayBefore.projectIds()).as("a day before it begins").isEmpty();
        assertThat(dayBefore.wholeDistricts()).isEmpty();

        // the firm reads its own rows, the officer ends them yesterday
        JsonNode own = WebClient.json(WebClient.loggedIn(port, firm.username()).getJson(API));
        assertThat(own.size()).isEqualTo(2);
        own.forEach(r -> assertThat(r.get("evaluatorId").asLong()).isEqualTo(firm.id()));
        for (JsonNode row : rows) {
            HttpResponse<String> ended = officer.postJson(API + "/" + row.get("id").asLong() + "/end",
                    "{\"lastDay\":\"" + today.minusDays(1) + "\"}");
            assertThat(ended.statusCode()).as(ended.body()).isEqualTo(200);
            assertThat(WebClient.json(ended).get("active").asBoolean()).isFalse();
            assertThat(jdbc.sql("select count(*) from audit_log where action = 'ENGAGEMENT_END' and target_id = ?")
                    .param(row.get("id").asString()).query(Long.class).single()).isEqualTo(1);
        }
        JsonNode after = scopeOf(firm.username());
        assertThat(after.get("districtCodes").size() + after.get("projectIds").size()).as("ended yesterday: nothing today").isZero();
        assertThat(((DataScope.Evaluator) scopes.on(user(firm.username()), today.minusDays(1))).projectIds())
                .as("the scope of a past day is still answered").containsExactlyInAnyOrderElementsOf(projects);
        assertThat(WebClient.json(WebClient.loggedIn(port, firm.username()).getJson(API)).size()).as("ended rows are kept").isEqualTo(2);
    }

    @Test
    void onlyTheDistrictsOfficersAndTheCityAdministratorEngage() {
        Firm firm = newFirm();
        LocalDate today = TestClock.today();
        String yuyang = body(firm.id(), "610802", List.of(), today, null);
        for (String who : List.of("hengshan.gov", "shenmu.gov", firm.username())) {
            HttpResponse<String> refused = WebClient.loggedIn(port, who).postJson(API, yuyang);
            assertThat(refused.statusCode()).as(who).isEqualTo(403);
            assertThat(refused.body()).as(who).contains("ENGAGEMENT_NOT_YOURS");
        }
        for (String who : List.of("anju.manager", "yuyang.finance", "admin")) {
            assertThat(WebClient.loggedIn(port, who).postJson(API, yuyang).statusCode()).as(who).isEqualTo(403);
        }
        HttpResponse<String> city = WebClient.loggedIn(port, "city.gov").postJson(API, yuyang);
        assertThat(city.statusCode()).as(city.body()).isEqualTo(201);
        long id = WebClient.json(city).get(0).get("id").asLong();
        assertThat(strings(scopeOf(firm.username()).get("districtCodes"))).as("the whole district").containsExactly("610802");
        HttpResponse<String> notTheirs = WebClient.loggedIn(port, "shenmu.gov").postJson(API + "/" + id + "/end", "{}");
        assertThat(notTheirs.statusCode()).isEqualTo(403);
        assertThat(WebClient.loggedIn(port, "yuyang.gov").postJson(API + "/" + id + "/end", "{}").statusCode()).isEqualTo(200);
    }

    @Test
    void onlyAnEvaluationFirmIsEngagedAndItsDatesMustBeInOrder() {
        Firm firm = newFirm();
        LocalDate today = TestClock.today();
        WebClient officer = WebClient.loggedIn(port, "yuyang.gov");
        long operator = organisations.findByCode("OP-YLAJ").orElseThrow().id();
        HttpResponse<String> notAnEvaluator = officer.postJson(API, body(operator, "610802", List.of(), today, null));
        assertThat(notAnEvaluator.statusCode()).isEqualTo(400);
        assertThat(WebClient.json(notAnEvaluator).get("code").asString()).isEqualTo("NOT_AN_EVALUATOR");
        assertThat(WebClient.json(notAnEvaluator).get("detail").asString()).isEqualTo("测评委托只能授予第三方评估机构。");

        HttpResponse<String> inverted = officer.postJson(API, body(firm.id(), "610802", List.of(), today, today.minusDays(1)));
        assertThat(WebClient.json(inverted).get("code").asString()).isEqualTo("ENGAGEMENT_DATES_INVERTED");
        HttpResponse<String> noProject = officer.postJson(API, body(firm.id(), "610802", List.of(Long.MAX_VALUE), today, null));
        assertThat(noProject.statusCode()).isEqualTo(400);
        assertThat(WebClient.json(noProject).get("code").asString()).isEqualTo("PROJECT_NOT_FOUND");
        long shenmuProject = WebClient.json(WebClient.loggedIn(port, "shenmu.gov").getJson("/api/v1/projects")).get(0).get("id").asLong();
        HttpResponse<String> elsewhere = officer.postJson(API, body(firm.id(), "610802", List.of(shenmuProject), today, null));
        assertThat(elsewhere.statusCode()).isEqualTo(400);
        assertThat(WebClient.json(elsewhere).get("code").asString()).as("another district's project under this district")
                .isEqualTo("PROJECT_NOT_IN_DISTRICT");
        assertThat(WebClient.json(WebClient.loggedIn(port, firm.username()).getJson(API)).size()).as("nothing was recorded").isZero();
    }

    @Test
    void theDemoFirmIsEngagedForTwoDistrictsAndStillReadsNoOperationalRecords() {
        JsonNode scope = scopeOf("evaluator");
        assertThat(scope.get("type").asString()).isEqualTo("EVALUATOR");
        assertThat(strings(scope.get("districtCodes"))).containsExactly("610802", "610881");
        WebClient evaluator = WebClient.loggedIn(port, "evaluator");
        for (String path : List.of("/api/v1/households", "/api/v1/leases", "/api/v1/projects", "/api/v1/units", "/api/v1/operator-coverage")) {
            HttpResponse<String> r = evaluator.getJson(path);
            if (r.statusCode() != 403) {
                assertThat(r.statusCode()).as(path).isEqualTo(200);
                JsonNode answer = WebClient.json(r);
                assertThat((answer.has("items") ? answer.get("items") : answer).size()).as(path).isZero();
            }
        }
        // the page: the officers record, the firm reads its own, operators are refused
        String page = evaluator.get("/engagements").body();
        assertThat(page).contains("陕西信达绩效评价咨询有限公司").contains("榆阳区").contains("神木市").doesNotContain("engagement-form");
        assertThat(WebClient.loggedIn(port, "yuyang.gov").get("/engagements").body()).contains("engagement-form").doesNotContain("神木市</td>");
        assertThat(WebClient.loggedIn(port, "anju.manager").get("/engagements").statusCode()).isEqualTo(403);
        assertThat(WebClient.loggedIn(port, "anju.manager").getJson(API).statusCode()).isEqualTo(403);
    }
}
