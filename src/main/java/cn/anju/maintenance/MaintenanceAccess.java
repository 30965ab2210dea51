package cn.anju.maintenance;

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

/** Who reaches the maintenance pages and actions, checked before any body is read. */
@Configuration(proxyBeanMethods = false)
class MaintenanceAccess {

    static final Set<Role> OPERATOR = Set.of(Role.OPERATOR_MANAGER, Role.OPERATOR_STAFF);
    static final Set<Role> READERS = Set.of(Role.GOV_ADMIN, Role.GOV_OFFICER, Role.OPERATOR_MANAGER, Role.OPERATOR_STAFF, Role.TENANT);
    /** Everyone who works on orders: the readers but the tenant, who has pages of their own. */
    static final Set<Role> STAFF = Set.of(Role.GOV_ADMIN, Role.GOV_OFFICER, Role.OPERATOR_MANAGER, Role.OPERATOR_STAFF);
    /** Who plans preventive work: the operator's manager and the district's officers. */
    static final Set<Role> PLANNERS = Set.of(Role.OPERATOR_MANAGER, Role.GOV_ADMIN, Role.GOV_OFFICER);
    static final Set<Role> SUBMITTERS = Set.of(Role.OPERATOR_MANAGER, Role.OPERATOR_STAFF, Role.TENANT);
    static final Set<Role> TENANT = Set.of(Role.TENANT);

    public boolean operator(Authentication who) {
        return RoleSets.granted(who, OPERATOR);
    }

    public boolean staff(Authentication who) {
        return RoleSets.granted(who, STAFF);
    }

    public boolean planners(Authentication who) {
        return RoleSets.granted(who, PLANNERS);
    }

    public boolean tenant(Authentication who) {
        return RoleSets.granted(who, TENANT);
    }

    @Bean
    MenuEntry workOrdersMenu() {
        return new MenuEntry(MenuGroup.MAINTENANCE, "menu.workOrders", "/work-orders", 10, STAFF);
    }

    @Bean
    MenuEntry schedulesMenu() {
        return new MenuEntry(MenuGroup.MAINTENANCE, "menu.schedules", "/maintenance/schedules", 20, STAFF);
    }

    @Bean
    MenuEntry myRepairsMenu() {
        return new MenuEntry(MenuGroup.PERSONAL, "menu.myRepairs", "/my/repairs", 7, TENANT);
    }

    /** The tenant confirms or reopens their own order; staff everything else: the role decides before the body is read. */
    @Bean
    @Order(0)
    RoleGate workOrderConfirmGate() {
        return new RoleGate(HttpMethod.POST, "/api/v1/work-orders/*/{action:confirmation|reopening}", READERS);
    }

    @Bean
    @Order(0)
    RoleGate workOrderSubmitGate() {
        return new RoleGate(HttpMethod.POST, "/api/v1/work-orders", SUBMITTERS);
    }

    @Bean
    RoleGate workOrderActionGate() {
        return new RoleGate(HttpMethod.POST, "/api/v1/work-orders/**", OPERATOR);
    }

    @Bean
    RoleGate scheduleGate() {
        return new RoleGate(HttpMethod.POST, "/api/v1/facilities/*/schedules", PLANNERS);
    }
}
