package cn.anju.demo;

import cn.anju.identity.IdentitySeeding;
import cn.anju.identity.OrganisationType;
import cn.anju.shared.Districts;
import cn.anju.shared.Duty;
import cn.anju.shared.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;

/** Loads the demo organisations and accounts; idempotent, so every restart leaves them as they are. */
@Component
@Profile("demo")
@Order(10)
class DemoData implements ApplicationRunner {

    /** The demo password of every demo account, as README.md lists them. */
    static final String PASSWORD = "Demo@2026";
    static final String CITY = "HB-610800";
    static final String OPERATOR_ANJU = "OP-YLAJ";
    static final String OPERATOR_SHENMU = "OP-SMBZ";
    static final String EVALUATOR = "EV-SXXD";

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    private final IdentitySeeding seeding;
    private final Districts districts;

    DemoData(IdentitySeeding seeding, Districts districts) {
        this.seeding = seeding;
        this.districts = districts;
    }

    @Override
    public void run(ApplicationArguments args) {
        organisations();
        int created = accounts();
        seeding.demoWithoutAdministratorSecondFactor();
        LocalDate since = LocalDate.of(2026, 1, 1);
        seeding.districtCoverage(OPERATOR_ANJU, "610802", since);
        seeding.districtCoverage(OPERATOR_ANJU, "610803", since);
        seeding.districtCoverage(OPERATOR_SHENMU, "610881", since);
        log.info("Demo data ready ({} demo accounts created now)", created);
    }

    private void organisations() {
        seeding.organisation(CITY, "榆林市住房和城乡建设局", OrganisationType.CITY_BUREAU, "610800", null);
        for (Districts.District d : districts.ofCity("610800")) {
            seeding.organisation("HS-" + d.code(), d.name() + "住房保障中心", OrganisationType.DISTRICT_HOUSING, d.code(), null);
            seeding.organisation("FB-" + d.code(), d.name() + "财政局", OrganisationType.DISTRICT_FINANCE, d.code(), null);
        }
        seeding.organisation(OPERATOR_ANJU, "榆林安居物业服务有限公司", OrganisationType.OPERATOR, null, "91610800MA70000001");
        seeding.organisation(OPERATOR_SHENMU, "神木市保障房运营管理有限公司", OrganisationType.OPERATOR, null, "91610881MA70000002");
        seeding.organisation(EVALUATOR, "陕西信达绩效评价咨询有限公司", OrganisationType.EVALUATOR, null, "91610000MA70000003");
    }

    private int accounts() {
        int n = 0;
        n += account("admin", "系统管理员", CITY, Role.SYSTEM_ADMIN);
        n += account("security", "安全管理员", CITY, Role.SECURITY_ADMIN);
        n += account("auditor", "审计管理员", CITY, Role.AUDITOR);
        n += account("city.gov", "王建国", CITY, Role.GOV_ADMIN);
        n += account("yuyang.gov", "李红梅", "HS-610802", Role.GOV_OFFICER);
        n += account("hengshan.gov", "张志强", "HS-610803", Role.GOV_OFFICER);
        n += account("shenmu.gov", "刘晓燕", "HS-610881", Role.GOV_OFFICER);
        n += account("yuyang.finance", "赵丽娟", "FB-610802", Role.FINANCE);
        n += account("anju.manager", "陈经理", OPERATOR_ANJU, Role.OPERATOR_MANAGER);
        n += seeding.account("anju.staff", "周明", OPERATOR_ANJU, Set.of(Role.OPERATOR_STAFF),
                EnumSet.of(Duty.CASHIER, Duty.INSPECTOR), PASSWORD, false) ? 1 : 0;
        n += account("shenmu.op", "高伟", OPERATOR_SHENMU, Role.OPERATOR_MANAGER);
        n += account("evaluator", "孙评估", EVALUATOR, Role.EVALUATOR);
        n += account("monitor", "运维值班", CITY, Role.MONITOR);
        return n;
    }

    private int account(String username, String name, String organisation, Role role) {
        return seeding.account(username, name, organisation, Set.of(role), Set.of(), PASSWORD, false) ? 1 : 0;
    }
}
