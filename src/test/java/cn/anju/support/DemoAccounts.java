package cn.anju.support;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The demo accounts of README.md and what each must see: its home, its menus, its data scope. */
public final class DemoAccounts {

    private DemoAccounts() {
    }

    public record DemoAccount(String username, String displayName, String role, String organisationName,
                              String scopeType, List<String> scopeDistricts, Set<String> menus) {
    }

    private static final Set<String> PERSONAL = Set.of("menu.myAccount", "menu.changePassword", "menu.apiTokens");
    private static final Set<String> STOCK = plus(PERSONAL, "menu.projects", "menu.units", "menu.households",
            "menu.facilities", "menu.waitlist", "menu.selectionRounds", "menu.leases", "menu.directAllocations", "menu.bills",
            "menu.cases", "menu.workOrders", "menu.schedules", "menu.patrols", "menu.verifications", "menu.idleUnits", "menu.feedback");
    private static final Set<String> GOVERNMENT = plus(STOCK, "menu.organisations", "menu.coverage", "menu.engagements", "menu.imports",
            "menu.review", "menu.calendar", "menu.rentStandards", "menu.treasury", "menu.surveys", "menu.procurements", "menu.contracts",
            "menu.evaluations", "menu.settlements", "menu.financialReports", "menu.disclosures",
            "menu.informationRequests", "menu.monitoring");
    private static final Set<String> OPERATOR_MANAGER = plus(STOCK, "menu.coverage", "menu.calendar", "menu.rentCounter", "menu.rentStandards",
            "menu.treasury", "menu.surveys", "menu.contracts", "menu.evaluations", "menu.settlements", "menu.financialReports",
            "menu.monitoring");
    private static final Set<String> OPERATOR_STAFF = plus(STOCK, "menu.rentCounter");
    private static final Set<String> COVERAGE_READER = plus(PERSONAL, "menu.coverage", "menu.bills", "menu.rentStandards", "menu.treasury", "menu.surveys",
            "menu.procurements", "menu.contracts", "menu.evaluations", "menu.settlements", "menu.financialReports", "menu.monitoring");

    private static Set<String> plus(Set<String> base, String... more) {
        var all = new HashSet<>(base);
        all.addAll(List.of(more));
        return Set.copyOf(all);
    }
    private static final List<String> ALL_DISTRICTS = List.of("610802", "610803", "610822", "610824", "610825",
            "610826", "610827", "610828", "610829", "610830", "610831", "610881");

    /** Demo accounts that sign in. The machine account gateway.12345 has no password and acts by token only. */
    public static final List<DemoAccount> ALL = List.of(
            new DemoAccount("admin", "系统管理员", "SYSTEM_ADMIN", "榆林市住房和城乡建设局", "NONE", List.of(),
                    plus(PERSONAL, "menu.accounts", "menu.organisations", "menu.calendar")),
            new DemoAccount("security", "安全管理员", "SECURITY_ADMIN", "榆林市住房和城乡建设局", "NONE", List.of(),
                    plus(PERSONAL, "menu.securityPolicy", "menu.roleGrants")),
            new DemoAccount("auditor", "审计管理员", "AUDITOR", "榆林市住房和城乡建设局", "NONE", List.of(),
                    plus(PERSONAL, "menu.audit")),
            new DemoAccount("city.gov", "王建国", "GOV_ADMIN", "榆林市住房和城乡建设局", "CITY", ALL_DISTRICTS, GOVERNMENT),
            new DemoAccount("yuyang.gov", "李红梅", "GOV_OFFICER", "榆阳区住房保障中心", "DISTRICT", List.of("610802"), GOVERNMENT),
            new DemoAccount("hengshan.gov", "张志强", "GOV_OFFICER", "横山区住房保障中心", "DISTRICT", List.of("610803"), GOVERNMENT),
            new DemoAccount("shenmu.gov", "刘晓燕", "GOV_OFFICER", "神木市住房保障中心", "DISTRICT", List.of("610881"), GOVERNMENT),
            new DemoAccount("yuyang.leader", "郭振华", "GOV_LEADER", "榆阳区住房保障中心", "DISTRICT", List.of("610802"), GOVERNMENT),
            new DemoAccount("shenmu.leader", "杨国栋", "GOV_LEADER", "神木市住房保障中心", "DISTRICT", List.of("610881"), GOVERNMENT),
            new DemoAccount("yuyang.finance", "赵丽娟", "FINANCE", "榆阳区财政局", "DISTRICT", List.of("610802"), COVERAGE_READER),
            new DemoAccount("hengshan.finance", "马文博", "FINANCE", "横山区财政局", "DISTRICT", List.of("610803"), COVERAGE_READER),
            new DemoAccount("shenmu.finance", "白雪梅", "FINANCE", "神木市财政局", "DISTRICT", List.of("610881"), COVERAGE_READER),
            new DemoAccount("anju.manager", "陈经理", "OPERATOR_MANAGER", "榆林安居物业服务有限公司", "OPERATOR",
                    List.of("610802", "610803"), OPERATOR_MANAGER),
            new DemoAccount("anju.staff", "周明", "OPERATOR_STAFF", "榆林安居物业服务有限公司", "OPERATOR",
                    List.of("610802", "610803"), OPERATOR_STAFF),
            new DemoAccount("anju.service", "吴静", "OPERATOR_STAFF", "榆林安居物业服务有限公司", "OPERATOR",
                    List.of("610802", "610803"), OPERATOR_STAFF),
            new DemoAccount("shenmu.op", "高伟", "OPERATOR_MANAGER", "神木市保障房运营管理有限公司", "OPERATOR",
                    List.of("610881"), OPERATOR_MANAGER),
            new DemoAccount("evaluator", "孙评估", "EVALUATOR", "陕西信达绩效评价咨询有限公司", "EVALUATOR",
                    List.of("610802", "610881"), plus(PERSONAL, "menu.engagements", "menu.surveys", "menu.evaluations")),
            new DemoAccount("monitor", "运维值班", "MONITOR", "榆林市住房和城乡建设局", "NONE", List.of(), PERSONAL),
            new DemoAccount("tenant.demo", "张建华", "TENANT", "榆阳区住房保障中心", "HOUSEHOLD", List.of(),
                    plus(PERSONAL, "menu.myHousehold", "menu.leases", "menu.myRent", "menu.myContacts", "menu.myRepairs", "menu.myFeedback")));
}
