package cn.anju.contract;

import cn.anju.identity.CurrentUser;
import cn.anju.identity.DataScopes;
import cn.anju.identity.DemoAccounts;
import cn.anju.identity.OrganisationType;
import cn.anju.identity.TestAccounts;
import cn.anju.shared.Duty;
import cn.anju.shared.Role;
import cn.anju.support.ContractFixtures;
import cn.anju.support.PlatformTest;
import cn.anju.support.TestClock;
import cn.anju.support.WebClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The contract is the only source of an operator's coverage: typed coverage is refused, a contract grants from its
 * first day through its last, an amendment's project from its effective day, and an end or a termination alone takes
 * everything operational away from the next day, leaving the wind-down's settlement and remittance.
 */
@PlatformTest
class ContractCoverageTest {

    @LocalServerPort
    int port;
    @Autowired
    TestAccounts accounts;
    @Autowired
    DataScopes scopes;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    /** A new operator with a manager account of its own (username returned) and its organisation id. */
    record Operator(long id, String manager, CurrentUser staff) {
    }

    Operator newOperator() {
        String code = "OP-C" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        long id = accounts.organisation(code, "合同测试运营公司" + code.substring(4), OrganisationType.OPERATOR, null, null);
        String manager = "mgr." + code.substring(4).toLowerCase();
        accounts.account(manager, "测试经理", code, Set.of(Role.OPERATOR_MANAGER), Set.of(), DemoAccounts.PASSWORD, false);
        CurrentUser staff = new CurrentUser(-1L, "t", "t", id, "t", OrganisationType.OPERATOR, null, Set.of(Role.OPERATOR_STAFF),
                Set.of(), false, null);
        return new Operator(id, manager, staff);
    }

    List<Long> projects(String district, int n) {
        return jdbc.sql("select id from project where district_code = ? order by id limit ?").params(district, n).query(Long.class).list();
    }

    @Test
    void coverageTypedByHandGrantsNothingOnlyAContractInForceDoes() {
        Operator op = newOperator();
        LocalDate today = TestClock.today();
        var typed = WebClient.loggedIn(port, "yuyang.gov").postJson("/api/v1/operator-coverage",
                "{\"operatorId\":" + op.id() + ",\"districtCode\":\"610802\",\"validFrom\":\"" + today.minusDays(5) + "\"}");
        assertThat(typed.statusCode()).isEqualTo(405);
        assertThat(WebClient.json(typed).get("code").asString()).isEqualTo("COVERAGE_FROM_CONTRACTS");
        assertThat(scopes.of(op.staff()).coversDistrict("610802")).isFalse();

        long contract = ContractFixtures.signed(port, accounts, "610802", op.id(), List.of(), today.plusDays(3), today.plusDays(200));
        assertThat(scopes.of(op.staff()).coversDistrict("610802")).as("signed, not yet in force").isFalse();
        assertThat(scopes.on(op.staff(), today.plusDays(3)).coversDistrict("610802")).as("from its first day").isTrue();
        JsonNode row = WebClient.json(WebClient.loggedIn(port, "yuyang.gov").getJson("/api/v1/operator-coverage")).valueStream()
                .filter(r -> r.get("operatorId").asLong() == op.id()).findFirst().orElseThrow();
        assertThat(row.get("contractId").asLong()).as("the row names its contract").isEqualTo(contract);
    }

    @Test
    void endingOrTerminatingTheContractAloneRevokesEveryScopedRouteFromTheNextDay() {
        Operator op = newOperator();
        LocalDate today = TestClock.today();
        List<Long> two = projects("610881", 2);
        long contract = ContractFixtures.signed(port, accounts, "610881", op.id(), two, today.minusDays(30), today.plusDays(300));
        List<String> lists = scopedLists();
        List<String> seen = routesWithRows(op.manager(), lists);
        assertThat(seen).as("the manager works in the contract's projects").contains("/api/v1/projects", "/api/v1/leases");

        ContractFixtures.terminate(port, "610881", contract, today);
        assertThat(routesWithRows(op.manager(), lists)).as("today is still its last day").contains("/api/v1/leases");
        TestClock.advance(Duration.ofDays(1));
        try {
            assertThat(routesWithRows(op.manager(), lists)).as("nothing operational after the last day").isEmpty();
            assertThat(scopes.on(op.staff(), today).coversProject("610881", two.getFirst())).as("the last day itself").isTrue();
        } finally {
            TestClock.reset();
        }

        Operator ended = newOperator();
        ContractFixtures.signed(port, accounts, "610881", ended.id(), two, today.minusDays(60), today.minusDays(1));
        assertThat(routesWithRows(ended.manager(), lists)).as("a contract that ended yesterday").isEmpty();
    }

    @Test
    void inItsWindDownTheOperatorRemitsTheRentItCollectedItselfAndNoOneElses() {
        Operator op = newOperator();
        LocalDate today = TestClock.today();
        long project = projects("610881", 1).getFirst();
        long lease = jdbc.sql("select lease_id from lease_billing_basis where project_id = ? and status = 'ACTIVE' order by lease_id limit 1")
                .param(project).query(Long.class).single();
        long contract = ContractFixtures.signed(port, accounts, "610881", op.id(), List.of(project), today.minusDays(100), today.plusDays(300));
        String cashier = op.manager().replace("mgr.", "cash.");
        accounts.account(cashier, "测试收银员", organisationCode(op.id()), Set.of(Role.OPERATOR_STAFF), Set.of(Duty.CASHIER), DemoAccounts.PASSWORD, false);
        var paid = WebClient.loggedIn(port, cashier).postJsonWithHeaders("/api/v1/payments",
                "{\"leaseId\":" + lease + ",\"channel\":\"CASH\",\"amount\":123.45}", Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        assertThat(paid.statusCode()).as(paid.body()).isEqualTo(201);
        ContractFixtures.terminate(port, "610881", contract, today);
        TestClock.advance(Duration.ofDays(1));
        try {
            remitsItsOwn(op, cashier, today.plusDays(1));
        } finally {
            TestClock.reset();
        }
    }

    void remitsItsOwn(Operator op, String cashier, LocalDate today) {
        WebClient manager = WebClient.loggedIn(port, op.manager());
        JsonNode held = WebClient.json(manager.getJson("/api/v1/treasury/held"));
        assertThat(held.size()).isOne();
        assertThat(held.get(0).get("held").decimalValue()).as("only what its own cashier took").isEqualByComparingTo("123.45");
        var batch = manager.postJson("/api/v1/remittances", "{\"districtCode\":\"610881\",\"upTo\":\"" + today + "\"}");
        assertThat(batch.statusCode()).as(batch.body()).isEqualTo(201);
        JsonNode batches = WebClient.json(manager.getJson("/api/v1/remittances"));
        assertThat(batches.get(0).get("payments").asInt()).isOne();
        assertThat(batches.get(0).get("amount").decimalValue()).isEqualByComparingTo("123.45");
        assertThat(routesWithRows(cashier, scopedLists())).as("the cashier works no more").isEmpty();
    }

    String organisationCode(long id) {
        return jdbc.sql("select code from organisation where id = ?").param(id).query(String.class).single();
    }

    @Test
    void afterTheEndTheOperatorReachesItsSettlementAndReportPagesAndNothingOperational() {
        Operator op = newOperator();
        LocalDate today = TestClock.today();
        long contract = ContractFixtures.signed(port, accounts, "610881", op.id(), projects("610881", 1), today.minusDays(100), today.minusDays(10));
        WebClient manager = WebClient.loggedIn(port, op.manager());
        assertThat(manager.getJson("/api/v1/contracts/" + contract).statusCode()).as("its contract, budget use and settlements").isEqualTo(200);
        assertThat(manager.get("/contracts/" + contract).statusCode()).isEqualTo(200);
        var treasury = manager.get("/rent/treasury");
        assertThat(treasury.statusCode()).as("remitting the rent it still holds: " + treasury.body().substring(0, Math.min(3000, treasury.body().length())))
                .isEqualTo(200);
        assertThat(manager.getJson("/api/v1/remittances").statusCode()).isEqualTo(200);
        assertThat(WebClient.json(manager.getJson("/api/v1/treasury/held")).size()).as("it collected nothing, so holds nothing").isZero();
        assertThat(routesWithRows(op.manager(), scopedLists())).isEmpty();
        assertThat(scopes.finishing(op.staff()).coversDistrict("610881")).as("the wind-down keeps the remittance").isTrue();

        Operator past = newOperator();
        long old = ContractFixtures.signed(port, accounts, "610881", past.id(), projects("610881", 1), today.minusDays(300), today.minusDays(91));
        assertThat(WebClient.loggedIn(port, past.manager()).getJson("/api/v1/contracts/" + old).statusCode())
                .as("after the 90-day wind-down, nothing").isEqualTo(404);
        assertThat(scopes.finishing(past.staff()).coversDistrict("610881")).isFalse();
    }

    @Test
    void anAmendmentAddingAProjectGrantsItFromItsEffectiveDateNotBefore() {
        Operator op = newOperator();
        LocalDate today = TestClock.today();
        List<Long> two = projects("610802", 2);
        long contract = ContractFixtures.signed(port, accounts, "610802", op.id(), List.of(two.get(0)), today.minusDays(10), today.plusDays(300));
        var amended = WebClient.loggedIn(port, "yuyang.gov").postJson("/api/v1/contracts/" + contract + "/amendments",
                "{\"effectiveOn\":\"" + today.plusDays(5) + "\",\"reason\":\"新增项目\",\"addProjects\":[" + two.get(1) + "]}");
        assertThat(amended.statusCode()).as(amended.body()).isEqualTo(201);
        assertThat(scopes.on(op.staff(), today.plusDays(4)).coversProject("610802", two.get(1))).as("the day before").isFalse();
        assertThat(scopes.on(op.staff(), today.plusDays(5)).coversProject("610802", two.get(1))).as("its effective day").isTrue();
        assertThat(scopes.of(op.staff()).coversProject("610802", two.get(0))).isTrue();

        var dropped = WebClient.loggedIn(port, "yuyang.gov").postJson("/api/v1/contracts/" + contract + "/amendments",
                "{\"effectiveOn\":\"" + today.plusDays(20) + "\",\"reason\":\"移交项目\",\"dropProjects\":[" + two.get(0) + "]}");
        assertThat(dropped.statusCode()).as(dropped.body()).isEqualTo(201);
        int version = WebClient.json(WebClient.loggedIn(port, "yuyang.gov").getJson("/api/v1/contracts/" + contract)).get("contract").get("version").asInt();
        var stale = WebClient.loggedIn(port, "yuyang.gov").postJson("/api/v1/contracts/" + contract + "/amendments",
                "{\"effectiveOn\":\"" + today.plusDays(30) + "\",\"reason\":\"延期\",\"newEndsOn\":\"" + today.plusDays(400) + "\",\"version\":" + (version - 1) + "}");
        assertThat(stale.statusCode()).as("a form that saw an older version").isEqualTo(409);
        assertThat(WebClient.json(stale).get("code").asString()).isEqualTo("CONCURRENT_CHANGE");
        assertThat(scopes.on(op.staff(), today.plusDays(19)).coversProject("610802", two.get(0))).isTrue();
        assertThat(scopes.on(op.staff(), today.plusDays(20)).coversProject("610802", two.get(0))).isFalse();
        JsonNode history = WebClient.json(WebClient.loggedIn(port, "yuyang.gov").getJson("/api/v1/contracts/" + contract + "/amendments"));
        assertThat(history.size()).isEqualTo(2);
        assertThat(history.get(1).get("seq").asInt()).isEqualTo(2);
    }

    /** What the operator keeps after the end: its own coverage history, its contracts and, in the wind-down, the remittance of rent it holds. */
    /**
     * What an operator may still read after its contract: the contract itself, the rent it has to remit, the financial
     * reports it still owes for the contract's last periods, and the platform's default indicator tree (the same for all).
     */
    static final Set<String> NOT_OPERATIONAL = Set.of("/api/v1/operator-coverage", "/api/v1/contracts", "/api/v1/procurements",
            "/api/v1/remittances", "/api/v1/treasury/held", "/api/v1/reconciliation", "/api/v1/financial-reports/overdue",
            "/api/v1/indicator-trees");

    /** Every GET route of the API without a path variable: the lists a user reads. */
    List<String> scopedLists() {
        List<String> paths = new ArrayList<>();
        mappings.getHandlerMethods().forEach((info, method) -> info.getPathPatternsCondition().getPatternValues().forEach(p -> {
            if (p.startsWith("/api/v1/") && !p.contains("{") && info.getMethodsCondition().getMethods().stream()
                    .anyMatch(m -> m.name().equals("GET")) && !p.startsWith("/api/v1/me") && !p.startsWith("/api/v1/measures")
                    && !p.equals("/api/v1/working-days") && !p.equals("/api/v1/organisations") && !NOT_OPERATIONAL.contains(p)) {
                paths.add(p);
            }
        }));
        return paths.stream().sorted().toList();
    }

    /** The routes that answer the user with at least one row (a list, or a page's items). */
    List<String> routesWithRows(String user, List<String> paths) {
        WebClient web = WebClient.loggedIn(port, user);
        List<String> withRows = new ArrayList<>();
        for (String p : paths) {
            var r = web.getJson(p);
            if (r.statusCode() != 200 || !r.body().startsWith("[") && !r.body().startsWith("{")) {
                continue;
            }
            JsonNode body = WebClient.json(r);
            JsonNode rows = body.has("items") ? body.get("items") : body;
            if (rows.isArray() && !rows.isEmpty()) {
                withRows.add(p);
            }
        }
        return withRows;
    }
}
