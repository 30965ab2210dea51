package cn.anju.demo;

import cn.anju.identity.DemoAccounts;
import cn.anju.identity.EngagementAdministration;
import cn.anju.identity.IdentityQueries;
import cn.anju.identity.OrganisationAdministration;
import cn.anju.identity.OrganisationType;
import cn.anju.identity.SecurityPolicies;
import cn.anju.identity.SecurityPolicy;
import cn.anju.shared.CityProperties;
import cn.anju.shared.Districts;
import cn.anju.shared.Duty;
import cn.anju.shared.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The demo organisations and accounts of README.md, the day the platform started: the system administrator and the
 * other published accounts are opened with the published password ({@link DemoAccounts}); the administrator registers
 * the districts' bureaus, the operators and the evaluator; the security administrator switches the administrators'
 * one-time code off for the demo (a recorded policy change); the districts record the purchase and sign the service
 * contracts that decide which operator serves which district ({@link DemoContracts}); the officers of 榆阳区 and 神木市 engage the evaluation firm for this year, whole districts.
 * Done once; a later start finds the administrator and changes nothing.
 */
@Component
@Profile("demo")
class DemoData {

    /** The demo password of every demo account, as README.md lists them. */
    static final String PASSWORD = DemoAccounts.PASSWORD;
    static final String OPERATOR_ANJU = "OP-YLAJ";
    static final String OPERATOR_SHENMU = "OP-SMBZ";
    static final String EVALUATOR = "EV-SXXD";
    /** Who serves each demo district for its operator: the manager (plans, remits) and the clerk (cashier, inspector). */
    static final Map<String, String> MANAGERS = Map.of("610802", "anju.manager", "610803", "anju.manager", "610881", "shenmu.op");
    static final Map<String, String> CLERKS = Map.of("610802", "anju.staff", "610803", "anju.staff", "610881", "shenmu.op");

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    private final DemoActs acts;
    private final DemoAccounts accounts;
    private final OrganisationAdministration organisations;
    private final IdentityQueries identity;
    private final SecurityPolicies policies;
    private final DemoContracts contracts;
    private final EngagementAdministration engagements;
    private final Districts districts;
    /** The city bureau's organisation code, which {@code identity.Installation} registers. */
    private final String cityBureau;

    DemoData(DemoActs acts, DemoAccounts accounts, OrganisationAdministration organisations, IdentityQueries identity,
             SecurityPolicies policies, DemoContracts contracts, EngagementAdministration engagements, Districts districts,
             CityProperties city) {
        this.cityBureau = city.cityBureauCode();
        this.acts = acts;
        this.accounts = accounts;
        this.organisations = organisations;
        this.identity = identity;
        this.policies = policies;
        this.contracts = contracts;
        this.engagements = engagements;
        this.districts = districts;
    }

    /** @param since the day the platform started, and the operators began to serve their districts */
    void make(LocalDate since) {
        accounts.cityBureau();
        if (accounts.open("admin", "系统管理员", cityBureau, Set.of(Role.SYSTEM_ADMIN), Set.of()).isEmpty()) {
            return;
        }
        Instant at = acts.at(since, 8);
        acts.run(at, "admin", admin -> {
            for (Districts.District d : districts.ofCity(districts.cityCode())) {
                organisations.create(admin, new OrganisationAdministration.NewOrganisation("HS-" + d.code(), d.name() + "住房保障中心",
                        OrganisationType.DISTRICT_HOUSING, d.code(), null));
                organisations.create(admin, new OrganisationAdministration.NewOrganisation("FB-" + d.code(), d.name() + "财政局",
                        OrganisationType.DISTRICT_FINANCE, d.code(), null));
            }
            organisations.create(admin, new OrganisationAdministration.NewOrganisation(OPERATOR_ANJU, "榆林安居物业服务有限公司",
                    OrganisationType.OPERATOR, null, "91610800MA70000001"));
            organisations.create(admin, new OrganisationAdministration.NewOrganisation(OPERATOR_SHENMU, "神木市保障房运营管理有限公司",
                    OrganisationType.OPERATOR, null, "91610881MA70000002"));
            organisations.create(admin, new OrganisationAdministration.NewOrganisation(EVALUATOR, "陕西信达绩效评价咨询有限公司",
                    OrganisationType.EVALUATOR, null, "91610000MA70000003"));
        });
        int created = 1 + accounts();
        acts.run(at.plusSeconds(600), "security", security -> {
            SecurityPolicy p = policies.current(districts.cityCode());
            policies.change(security, new SecurityPolicies.Change(districts.cityCode(), p.passwordMinLength(), p.passwordMinClasses(), p.captchaAfter(),
                    p.lockAfter(), p.lockMinutes(), p.idleTimeoutMinutes(), false, "演示环境：管理员免动态码（生产环境默认开启）"));
        });
        contracts.make(since, organisationId(OPERATOR_ANJU), organisationId(OPERATOR_SHENMU));
        engageEvaluator();
        log.info("Demo data ready ({} demo accounts created now)", created);
    }

    /** Each district's officer engages the evaluation firm for the calendar year, recorded in the days before it begins. */
    private void engageEvaluator() {
        long evaluator = organisationId(EVALUATOR);
        LocalDate first = acts.today().withDayOfYear(1);
        LocalDate last = first.plusYears(1).minusDays(1);
        for (String officer : new String[]{"yuyang.gov", "shenmu.gov"}) {
            acts.run(acts.at(first.minusDays(10), 10), officer, gov -> engagements.engage(gov, new EngagementAdministration.NewEngagement(
                    evaluator, gov.regionCode(), List.of(), first, last, "年度公租房运营服务满意度调查与绩效评价")));
        }
    }

    private int accounts() {
        int n = 0;
        n += account("security", "安全管理员", cityBureau, Role.SECURITY_ADMIN);
        n += account("auditor", "审计管理员", cityBureau, Role.AUDITOR);
        n += account("city.gov", "王建国", cityBureau, Role.GOV_ADMIN);
        n += account("yuyang.gov", "李红梅", "HS-610802", Role.GOV_OFFICER);
        n += account("hengshan.gov", "张志强", "HS-610803", Role.GOV_OFFICER);
        n += account("shenmu.gov", "刘晓燕", "HS-610881", Role.GOV_OFFICER);
        n += account("yuyang.finance", "赵丽娟", "FB-610802", Role.FINANCE);
        n += account("hengshan.finance", "马文博", "FB-610803", Role.FINANCE);
        n += account("shenmu.finance", "白雪梅", "FB-610881", Role.FINANCE);
        n += accounts.open("yuyang.leader", "郭振华", "HS-610802", Set.of(Role.GOV_OFFICER, Role.GOV_LEADER), Set.of()).isPresent() ? 1 : 0;
        n += accounts.open("shenmu.leader", "杨国栋", "HS-610881", Set.of(Role.GOV_OFFICER, Role.GOV_LEADER), Set.of()).isPresent() ? 1 : 0;
        n += account("anju.manager", "陈经理", OPERATOR_ANJU, Role.OPERATOR_MANAGER);
        n += accounts.open("anju.staff", "周明", OPERATOR_ANJU, Set.of(Role.OPERATOR_STAFF), EnumSet.of(Duty.CASHIER, Duty.INSPECTOR))
                .isPresent() ? 1 : 0;
        n += accounts.open("anju.service", "吴静", OPERATOR_ANJU, Set.of(Role.OPERATOR_STAFF), EnumSet.of(Duty.COMPLAINT_HANDLER))
                .isPresent() ? 1 : 0;
        n += account("shenmu.op", "高伟", OPERATOR_SHENMU, Role.OPERATOR_MANAGER);
        n += account("evaluator", "孙评估", EVALUATOR, Role.EVALUATOR);
        n += account("monitor", "运维值班", cityBureau, Role.MONITOR);
        n += accounts.openMachine("gateway.12345", "12345热线转办接口", cityBureau, Role.CHANNEL_GATEWAY).isPresent() ? 1 : 0;
        return n;
    }

    private int account(String username, String name, String organisation, Role role) {
        return accounts.open(username, name, organisation, Set.of(role), Set.of()).isPresent() ? 1 : 0;
    }

    private long organisationId(String code) {
        return acts.now("admin", admin -> identity.organisations(admin)).stream().filter(o -> o.code().equals(code)).findFirst()
                .orElseThrow().id();
    }
}
