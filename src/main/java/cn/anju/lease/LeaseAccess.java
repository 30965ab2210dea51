package cn.anju.lease;

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

/** Lease actions are for the operator's clerks and the district's officers, checked before any body is read. */
@Configuration(proxyBeanMethods = false)
class LeaseAccess {

    static final Set<Role> CLERKS = Set.of(Role.GOV_ADMIN, Role.GOV_OFFICER, Role.OPERATOR_MANAGER, Role.OPERATOR_STAFF);
    /** The clerks, and a tenant for their own lease and file. */
    static final Set<Role> READERS = Set.of(Role.GOV_ADMIN, Role.GOV_OFFICER, Role.OPERATOR_MANAGER, Role.OPERATOR_STAFF, Role.TENANT);
    static final Set<Role> GOVERNMENT = Set.of(Role.GOV_ADMIN, Role.GOV_OFFICER);

    public boolean clerks(Authentication who) {
        return RoleSets.granted(who, CLERKS);
    }

    public boolean readers(Authentication who) {
        return RoleSets.granted(who, READERS);
    }

    public boolean government(Authentication who) {
        return RoleSets.granted(who, GOVERNMENT);
    }

    @Bean
    MenuEntry leasesMenu() {
        return new MenuEntry(MenuGroup.MOVE_IN_AND_OUT, "menu.leases", "/leases", 30, READERS);
    }

    @Bean
    RoleGate leaseDraftGate() {
        return new RoleGate(HttpMethod.POST, "/api/v1/leases", CLERKS);
    }

    /** Only the government confirms a filing: an operator gets 403 whatever it sends. */
    @Bean
    @Order(0) // before the clerks' catch-all for /api/v1/leases/**
    RoleGate filingConfirmationGate() {
        return new RoleGate(HttpMethod.POST, "/api/v1/leases/*/filing/confirmation", GOVERNMENT);
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
