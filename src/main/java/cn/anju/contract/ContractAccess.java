package cn.anju.contract;

import cn.anju.shared.Role;
import cn.anju.shared.web.MenuEntry;
import cn.anju.shared.web.MenuGroup;
import cn.anju.shared.web.RoleGate;
import cn.anju.shared.web.RoleSets;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.core.Authentication;

import java.util.Set;

/** Who reaches the purchase's pages and actions (which district or contract each sees is {@link ContractScope}'s). */
@Configuration(proxyBeanMethods = false)
class ContractAccess {

    /** Procurement: the district's housing officers record it, its finance bureau approves the budget; the city reads all. */
    static final Set<Role> PROCUREMENT = Set.of(Role.GOV_ADMIN, Role.GOV_OFFICER, Role.FINANCE);
    /** Contracts: the same, and the operator's manager reads its own and confirms a handover. */
    static final Set<Role> CONTRACTS = Set.of(Role.GOV_ADMIN, Role.GOV_OFFICER, Role.FINANCE, Role.OPERATOR_MANAGER);
    /** Who writes a contract's steps (an operator manager only confirms a handover; the services check the rest). */
    static final Set<Role> CONTRACT_WRITERS = Set.of(Role.GOV_ADMIN, Role.GOV_OFFICER, Role.OPERATOR_MANAGER);

    public boolean procurement(Authentication who) {
        return RoleSets.granted(who, PROCUREMENT);
    }

    public boolean contracts(Authentication who) {
        return RoleSets.granted(who, CONTRACTS);
    }

    @Bean
    MenuEntry procurementMenu() {
        return new MenuEntry(MenuGroup.SUPERVISION, "menu.procurements", "/procurements", 1, PROCUREMENT);
    }

    @Bean
    MenuEntry contractMenu() {
        return new MenuEntry(MenuGroup.SUPERVISION, "menu.contracts", "/contracts", 2, CONTRACTS);
    }

    @Bean
    RoleGate procurementWriteGate() {
        return new RoleGate(HttpMethod.POST, "/api/v1/procurements/**", PROCUREMENT);
    }

    @Bean
    RoleGate contractWriteGate() {
        return new RoleGate(HttpMethod.POST, "/api/v1/contracts/**", CONTRACT_WRITERS);
    }
}
