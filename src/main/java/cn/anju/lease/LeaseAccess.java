package cn.anju.lease;

import cn.anju.shared.Role;
import cn.anju.shared.web.MenuEntry;
import cn.anju.shared.web.MenuGroup;
import cn.anju.shared.web.RoleGate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;

import java.util.Set;

/** Lease actions are for the operator's clerks and the district's officers, checked before any body is read. */
@Configuration(proxyBeanMethods = false)
class LeaseAccess {

    static final Set<Role> CLERKS = Set.of(Role.GOV_ADMIN, Role.GOV_OFFICER, Role.OPERATOR_MANAGER, Role.OPERATOR_STAFF);

    @Bean
    MenuEntry leasesMenu() {
        return new MenuEntry(MenuGroup.MOVE_IN_AND_OUT, "menu.leases", "/leases", 30,
                Set.of(Role.GOV_ADMIN, Role.GOV_OFFICER, Role.OPERATOR_MANAGER, Role.OPERATOR_STAFF, Role.TENANT));
    }

    @Bean
    RoleGate leaseDraftGate() {
        return new RoleGate(HttpMethod.POST, "/api/v1/leases", CLERKS);
    }

    /** Only the government confirms a filing: an operator gets 403 whatever it sends. */
    @Bean
    @Order(0) // before the clerks' catch-all for /api/v1/leases/**
    RoleGate filingConfirmationGate() {
        return new RoleGate(HttpMethod.POST, "/api/v1/leases/*/filing/confirmation", Set.of(Role.GOV_ADMIN, Role.GOV_OFFICER));
    }

    @Bean
    RoleGate documentUploadGate() {
        return new RoleGate(HttpMethod.POST, "/api/v1/households/*/documents", CLERKS);
    }

    @Bean
    RoleGate leaseActionGate() {
        return new RoleGate(HttpMethod.POST, "/api/v1/leases/**", CLERKS);
    }
}
