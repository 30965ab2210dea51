package cn.anju.inspection;

import cn.anju.shared.Role;
import cn.anju.shared.web.MenuEntry;
import cn.anju.shared.web.MenuGroup;
import cn.anju.shared.web.RoleGate;
import cn.anju.shared.web.RoleSets;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.core.Authentication;

import java.util.Set;

/** Who reaches the case pages and actions, checked before any body is read. */
@Configuration(proxyBeanMethods = false)
class InspectionAccess {

    static final Set<Role> STAFF = Set.of(Role.GOV_ADMIN, Role.GOV_OFFICER, Role.OPERATOR_MANAGER, Role.OPERATOR_STAFF);
    static final Set<Role> OFFICERS = Set.of(Role.GOV_ADMIN, Role.GOV_OFFICER);
    /** Who plans patrols and verification campaigns: the operator's manager and the district's officers. */
    static final Set<Role> PLANNERS = Set.of(Role.OPERATOR_MANAGER, Role.GOV_ADMIN, Role.GOV_OFFICER);
    /** Who walks the patrols and makes the visits. */
    static final Set<Role> OPERATOR = Set.of(Role.OPERATOR_MANAGER, Role.OPERATOR_STAFF);

    public boolean staff(Authentication who) {
        return RoleSets.granted(who, STAFF);
    }

    public boolean officers(Authentication who) {
        return RoleSets.granted(who, OFFICERS);
    }

    public boolean planners(Authentication who) {
        return RoleSets.granted(who, PLANNERS);
    }

    public boolean operator(Authentication who) {
        return RoleSets.granted(who, OPERATOR);
    }

    @Bean
    MenuEntry casesMenu() {
        return new MenuEntry(MenuGroup.RENT_AND_USE, "menu.cases", "/cases", 50, STAFF);
    }

    @Bean
    MenuEntry patrolsMenu() {
        return new MenuEntry(MenuGroup.RENT_AND_USE, "menu.patrols", "/patrols", 45, STAFF);
    }

    @Bean
    RoleGate patrolPlanGate() {
        return new RoleGate(HttpMethod.POST, "/api/v1/patrol-plans", PLANNERS);
    }

    @Bean
    RoleGate patrolTaskGate() {
        return new RoleGate(HttpMethod.POST, "/api/v1/patrol-tasks/**", OPERATOR);
    }

    @Bean
    RoleGate patrolReadGate() {
        return new RoleGate(HttpMethod.GET, "/api/v1/patrol-*/**", STAFF);
    }

    @Bean
    MenuEntry verificationsMenu() {
        return new MenuEntry(MenuGroup.RENT_AND_USE, "menu.verifications", "/verifications", 47, STAFF);
    }

    @Bean
    MenuEntry idleUnitsMenu() {
        return new MenuEntry(MenuGroup.RENT_AND_USE, "menu.idleUnits", "/idle-units", 48, STAFF);
    }

    @Bean
    RoleGate verificationCampaignGate() {
        return new RoleGate(HttpMethod.POST, "/api/v1/verification-campaigns", PLANNERS);
    }

    @Bean
    RoleGate verificationVisitGate() {
        return new RoleGate(HttpMethod.POST, "/api/v1/verification-visits/**", OPERATOR);
    }

    @Bean
    RoleGate verificationReadGate() {
        return new RoleGate(HttpMethod.GET, "/api/v1/verification-campaigns/**", STAFF);
    }

    @Bean
    RoleGate readingsGate() {
        return new RoleGate(HttpMethod.POST, "/api/v1/meter-readings", STAFF);
    }

    @Bean
    RoleGate idleUnitsGate() {
        return new RoleGate(HttpMethod.GET, "/api/v1/idle-units", STAFF);
    }

    /** Only the government decides: an operator gets 403 whatever the body. */
    @Bean
    @Order(0)
    RoleGate caseDecisionGate() {
        return new RoleGate(HttpMethod.POST, "/api/v1/violation-cases/*/decision", OFFICERS);
    }

    @Bean
    @Order(0)
    RoleGate caseReviewGate() {
        return new RoleGate(HttpMethod.POST, "/api/v1/violation-cases/*/{action:review|return|reopen}", OFFICERS);
    }

    /** Cases are the staff's and the government's: finance, evaluators and tenants do not read them. */
    @Bean
    RoleGate caseReadGate() {
        return new RoleGate(HttpMethod.GET, "/api/v1/violation-cases/**", STAFF);
    }

    @Bean
    RoleGate caseListGate() {
        return new RoleGate(HttpMethod.GET, "/api/v1/violation-cases", STAFF);
    }

    @Bean
    RoleGate caseOpenGate() {
        return new RoleGate(HttpMethod.POST, "/api/v1/violation-cases", STAFF);
    }

    @Bean
    RoleGate caseActionGate() {
        return new RoleGate(HttpMethod.POST, "/api/v1/violation-cases/**", STAFF);
    }
}
