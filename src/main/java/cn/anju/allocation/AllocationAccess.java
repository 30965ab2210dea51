package cn.anju.allocation;

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

/** Rounds are run by the district's officers; choices are recorded by them or the operator; results are public. */
@Configuration(proxyBeanMethods = false)
class AllocationAccess {

    static final Set<Role> GOVERNMENT = Set.of(Role.GOV_ADMIN, Role.GOV_OFFICER);
    static final Set<Role> CLERKS = Set.of(Role.GOV_ADMIN, Role.GOV_OFFICER, Role.OPERATOR_MANAGER, Role.OPERATOR_STAFF);

    public boolean government(Authentication who) {
        return RoleSets.granted(who, GOVERNMENT);
    }

    public boolean clerks(Authentication who) {
        return RoleSets.granted(who, CLERKS);
    }

    @Bean
    MenuEntry selectionRoundsMenu() {
        return new MenuEntry(MenuGroup.MOVE_IN_AND_OUT, "menu.selectionRounds", "/selection-rounds", 20, CLERKS);
    }

    @Bean
    MenuEntry directAllocationsMenu() {
        return new MenuEntry(MenuGroup.MOVE_IN_AND_OUT, "menu.directAllocations", "/direct-allocations", 25, CLERKS);
    }

    /** Only the government allocates, whatever the body says. */
    @Bean
    RoleGate directAllocationGate() {
        return new RoleGate(HttpMethod.POST, "/api/v1/direct-allocations", GOVERNMENT);
    }

    @Bean
    RoleGate roundCreateGate() {
        return new RoleGate(HttpMethod.POST, "/api/v1/selection-rounds", GOVERNMENT);
    }

    @Bean
    RoleGate roundStepGate() {
        return new RoleGate(HttpMethod.POST, "/api/v1/selection-rounds/*/{step:publish|public-value|draw}", GOVERNMENT);
    }

    @Bean
    PublicPath publicResults() {
        return new PublicPath("/public/selection-rounds/**");
    }
}
