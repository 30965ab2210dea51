package cn.anju.support;

import cn.anju.identity.DemoAccounts;
import cn.anju.identity.OrganisationType;
import cn.anju.identity.TestAccounts;
import cn.anju.shared.Role;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Service contracts made through the API as a district would: procurement, the finance bureau's budget approval,
 * announcement, award, draft, signature with its PDF. The contract is the only way to give an operator coverage, so
 * every test that needs an operator somewhere makes one here (with its own operator, so the demo's scopes stay).
 */
public final class ContractFixtures {

    /** A district's housing officer; the city's administrator prepares for districts without a demo officer. */
    static final Map<String, String> OFFICERS = Map.of("610802", "yuyang.gov", "610803", "hengshan.gov", "610881", "shenmu.gov");
    static final Map<String, String> FINANCE = Map.of("610802", "yuyang.finance", "610803", "hengshan.finance", "610881", "shenmu.finance");
    public static final Map<String, String> LEADERS = Map.of("610802", "yuyang.leader", "610881", "shenmu.leader");
    /** A PDF as far as the platform checks one (its magic); the signed contract of a test. */
    public static final byte[] PDF = "%PDF-1.4\n%test contract\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes();

    private ContractFixtures() {
    }

    public static String officer(String district) {
        return OFFICERS.getOrDefault(district, "city.gov");
    }

    /** The district's finance user: the demo's, or a test account opened in the district's finance bureau. */
    public static String finance(TestAccounts accounts, String district) {
        String demo = FINANCE.get(district);
        if (demo != null) {
            return demo;
        }
        String username = "finance." + district;
        accounts.account(username, "财政测试", "FB-" + district, Set.of(Role.FINANCE), Set.of(), DemoAccounts.PASSWORD, false);
        return username;
    }

    /** A new operator organisation of the test's own. */
    public static long operator(TestAccounts accounts, String name) {
        String code = "OP-T" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        return accounts.organisation(code, name + code.substring(4), OrganisationType.OPERATOR, null, null);
    }

    /**
     * A procurement of the district for the year, budget approved, announced and awarded to the operator: the steps
     * {@link #stepsFrom} days apart, so that the contract can be signed by today.
     */
    public static long awarded(int port, TestAccounts accounts, String district, long operator, LocalDate from) {
        long id = created(port, district, from.getYear(), "PUBLIC_TENDER", null);
        LocalDate budget = stepsFrom(from);
        approveBudget(port, finance(accounts, district), id, from.getYear(), budget);
        step(port, officer(district), id, "announcement", Map.of("on", budget.plusDays(1).toString()));
        step(port, officer(district), id, "award", Map.of("on", budget.plusDays(2).toString(), "winnerId", String.valueOf(operator)));
        return id;
    }

    /** The budget approval's day: forty days before the contract starts, or three days ago if that is sooner. */
    static LocalDate stepsFrom(LocalDate from) {
        LocalDate early = from.minusDays(40);
        LocalDate latest = TestClock.today().minusDays(3);
        return early.isBefore(latest) ? early : latest;
    }

    public static long created(int port, String district, int year, String method, String reason) {
        String body = """
                {"districtCode":"%s","year":%d,"title":"测试采购","purchasingUnit":"测试住建局","serviceItems":["MOVE_IN_OUT","RENT_AND_USE","MAINTENANCE","GENERAL"],
                 "method":"%s"%s}""".formatted(district, year, method, reason == null ? "" : ",\"singleSourceReason\":\"" + reason + "\"");
        var r = WebClient.loggedIn(port, officer(district)).postJson("/api/v1/procurements", body);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return WebClient.json(r).get("id").asLong();
    }

    public static void approveBudget(int port, String finance, long procurement, int year, LocalDate on) {
        var r = WebClient.loggedIn(port, finance).postMultipart("/api/v1/procurements/" + procurement + "/budget-approval",
                Map.of("year", String.valueOf(year), "amountFen", "10000000", "approvalNo", "财预〔" + year + "〕1号",
                        "approvedBy", "测试财政局", "approvedOn", on.toString()), "budget.pdf", "application/pdf", PDF);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    }

    static void step(int port, String who, long procurement, String step, Map<String, String> fields) {
        var r = WebClient.loggedIn(port, who).postMultipart("/api/v1/procurements/" + procurement + "/" + step, fields,
                step + ".pdf", "application/pdf", PDF);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    }

    /** A draft over the projects (none: the whole district, new projects included) for the period. */
    public static long draft(int port, String district, long procurement, long operator, List<Long> projects, LocalDate from, LocalDate to) {
        String body = """
                {"procurementId":%d,"operatorId":%d,"contractNo":"T-%s","title":"测试服务合同","startsOn":"%s","endsOn":"%s",
                 "allProjects":%b,"projectIds":[%s],"fees":{"kind":"LUMP_SUM","lumpSumFen":1000000,"cycle":"QUARTERLY"},
                 "holdbackPercent":5}""".formatted(procurement, operator, UUID.randomUUID().toString().substring(0, 12), from, to,
                projects.isEmpty(), projects.stream().map(String::valueOf).collect(Collectors.joining(",")));
        var r = WebClient.loggedIn(port, officer(district)).postJson("/api/v1/contracts", body);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return WebClient.json(r).get("id").asLong();
    }

    public static void sign(int port, String district, long contract, LocalDate on) {
        var r = WebClient.loggedIn(port, officer(district)).postMultipart("/api/v1/contracts/" + contract + "/signature",
                Map.of("signedOn", on.toString()), "contract.pdf", "application/pdf", PDF);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    }

    /** A signed contract of the operator over the projects (none: the whole district) from one day through another. */
    public static long signed(int port, TestAccounts accounts, String district, long operator, List<Long> projects, LocalDate from, LocalDate to) {
        long procurement = awarded(port, accounts, district, operator, from);
        long contract = draft(port, district, procurement, operator, projects, from, to);
        sign(port, district, contract, stepsFrom(from).plusDays(3));
        return contract;
    }

    /** The officer asks to terminate after {@code lastDay}; the district's leader approves. */
    public static void terminate(int port, String district, long contract, LocalDate lastDay) {
        var asked = WebClient.loggedIn(port, officer(district)).postJson("/api/v1/contracts/" + contract + "/termination",
                "{\"lastDay\":\"" + lastDay + "\",\"reason\":\"测试终止\"}");
        assertThat(asked.statusCode()).as(asked.body()).isEqualTo(200);
        var approved = WebClient.loggedIn(port, LEADERS.get(district)).postJson("/api/v1/contracts/" + contract + "/termination/approval", "{}");
        assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);
    }
}
