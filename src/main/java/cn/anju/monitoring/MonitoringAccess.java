package cn.anju.monitoring;

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

/**
 * Who reads the dashboards: the government (housing and finance bureaus, at their level) and the operator's managers
 * (their contracts' projects). Tenants, evaluators, staff and the separated administrators read none.
 */
@Configuration(proxyBeanMethods = false)
class MonitoringAccess {

    static final Set<Role> READERS = Set.of(Role.GOV_ADMIN, Role.GOV_OFFICER, Role.FINANCE, Role.OPERATOR_MANAGER);

    public boolean reads(Authentication who) {
        return RoleSets.granted(who, READERS);
    }

    @Bean
    MenuEntry monitoringMenu() {
        return new MenuEntry(MenuGroup.SUPERVISION, "menu.monitoring", "/monitoring", 0, READERS);
    }

    @Bean
    RoleGate monitoringReadGate() {
        return new RoleGate(HttpMethod.GET, "/api/v1/monitoring/**", READERS);
    }
}
