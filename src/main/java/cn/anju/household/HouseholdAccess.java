package cn.anju.household;

import cn.anju.shared.Role;
import cn.anju.shared.web.MenuEntry;
import cn.anju.shared.web.MenuGroup;
import cn.anju.shared.web.PublicPath;
import cn.anju.shared.web.RoleGate;
import cn.anju.shared.web.RoleSets;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.core.Authentication;

import java.util.Set;

/**
 * Who reaches the household pages, and the gates the security filter checks before any body is read: writing
 * eligibility and deciding change reports is for government officers only, by API and by page alike.
 */
@Configuration(proxyBeanMethods = false)
class HouseholdAccess {

    static final Set<Role> GOVERNMENT = Set.of(Role.GOV_ADMIN, Role.GOV_OFFICER);
    static final Set<Role> CLERKS = Set.of(Role.GOV_ADMIN, Role.GOV_OFFICER, Role.OPERATOR_MANAGER, Role.OPERATOR_STAFF);
    /** The clerks, and a tenant for their own household. */
    static final Set<Role> READERS = Set.of(Role.GOV_ADMIN, Role.GOV_OFFICER, Role.OPERATOR_MANAGER, Role.OPERATOR_STAFF, Role.TENANT);
    static final Set<Role> TENANT = Set.of(Role.TENANT);

    public boolean government(Authentication who) {
        return RoleSets.granted(who, GOVERNMENT);
    }

    public boolean readers(Authentication who) {
        return RoleSets.granted(who, READERS);
    }

    public boolean tenant(Authentication who) {
        return RoleSets.granted(who, TENANT);
    }

    @Bean
    MenuEntry householdsMenu() {
        return new MenuEntry(MenuGroup.HOUSING_AND_HOUSEHOLDS, "menu.households", "/households", 30, CLERKS);
    }

    @Bean
    MenuEntry reviewMenu() {
        return new MenuEntry(MenuGroup.MOVE_IN_AND_OUT, "menu.review", "/households/review", 10, GOVERNMENT);
    }

    @Bean
    MenuEntry waitlistMenu() {
        return new MenuEntry(MenuGroup.MOVE_IN_AND_OUT, "menu.waitlist", "/households/waitlist", 5, CLERKS);
    }

    @Bean
    MenuEntry myHouseholdMenu() {
        return new MenuEntry(MenuGroup.HOUSING_AND_HOUSEHOLDS, "menu.myHousehold", "/my/household", 5, TENANT);
    }

    @Bean
    MenuEntry myContactsMenu() {
        return new MenuEntry(MenuGroup.PERSONAL, "menu.myContacts", "/my/contacts", 6, TENANT);
    }

    @Bean
    PublicPath activationPage() {
        return new PublicPath("/activate");
    }

    @Bean
    PublicPath activationSteps() {
        return new PublicPath("/activate/**");
    }

    @Bean
    RoleGate eligibilityApiGate() {
        return new RoleGate(HttpMethod.POST, "/api/v1/households/*/eligibility-decisions", GOVERNMENT);
    }

    @Bean
    RoleGate eligibilityStatusApiGate() {
        return new RoleGate(HttpMethod.POST, "/api/v1/eligibility-decisions/**", GOVERNMENT);
    }

    @Bean
    RoleGate changeReportDecisionApiGate() {
        return new RoleGate(HttpMethod.POST, "/api/v1/change-reports/**", GOVERNMENT);
    }

    @Bean
    RoleGate eligibilityPageGate() {
        return new RoleGate(HttpMethod.POST, "/households/*/eligibility-decisions/**", GOVERNMENT);
    }

    @Bean
    RoleGate changeReportDecisionPageGate() {
        return new RoleGate(HttpMethod.POST, "/households/*/change-reports/*/decision", GOVERNMENT);
    }
}
