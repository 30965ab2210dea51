package cn.anju.imports;

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

/** Imports are the housing officers' (the stock and eligibility are the government's), checked before the upload is read. */
@Configuration(proxyBeanMethods = false)
class ImportAccess {

    static final Set<Role> GOVERNMENT = Set.of(Role.GOV_ADMIN, Role.GOV_OFFICER);

    public boolean government(Authentication who) {
        return RoleSets.granted(who, GOVERNMENT);
    }

    @Bean
    MenuEntry importsMenu() {
        return new MenuEntry(MenuGroup.HOUSING_AND_HOUSEHOLDS, "menu.imports", "/imports", 40, GOVERNMENT);
    }

    @Bean
    RoleGate importApiGate() {
        return new RoleGate(HttpMethod.POST, "/api/v1/imports/**", GOVERNMENT);
    }

    @Bean
    RoleGate importPageGate() {
        return new RoleGate(HttpMethod.POST, "/imports/**", GOVERNMENT);
    }
}
