package cn.anju.identity;

import cn.anju.shared.Role;
import cn.anju.shared.web.MenuEntry;
import cn.anju.shared.web.MenuGroup;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.EnumSet;
import java.util.Set;

/** The identity module's pages in the left menu. */
@Configuration(proxyBeanMethods = false)
class IdentityMenu {

    @Bean
    MenuEntry accountsMenu() {
        return new MenuEntry(MenuGroup.SYSTEM, "menu.accounts", "/admin/accounts", 10, Set.of(Role.SYSTEM_ADMIN));
    }

    @Bean
    MenuEntry organisationsMenu() {
        return new MenuEntry(MenuGroup.SYSTEM, "menu.organisations", "/admin/organisations", 20,
                Set.of(Role.SYSTEM_ADMIN, Role.GOV_ADMIN, Role.GOV_OFFICER));
    }

    @Bean
    MenuEntry coverageMenu() {
        return new MenuEntry(MenuGroup.SUPERVISION, "menu.coverage", "/coverage", 10,
                Set.of(Role.GOV_ADMIN, Role.GOV_OFFICER, Role.FINANCE, Role.OPERATOR_MANAGER));
    }

    @Bean
    MenuEntry calendarMenu() {
        return new MenuEntry(MenuGroup.SYSTEM, "menu.calendar", "/admin/calendar", 25,
                Set.of(Role.SYSTEM_ADMIN, Role.GOV_ADMIN, Role.GOV_OFFICER, Role.OPERATOR_MANAGER));
    }

    @Bean
    MenuEntry securityPolicyMenu() {
        return new MenuEntry(MenuGroup.SYSTEM, "menu.securityPolicy", "/security/policy", 30, Set.of(Role.SECURITY_ADMIN));
    }

    @Bean
    MenuEntry roleGrantsMenu() {
        return new MenuEntry(MenuGroup.SYSTEM, "menu.roleGrants", "/security/accounts", 35, Set.of(Role.SECURITY_ADMIN));
    }

    @Bean
    MenuEntry changePasswordMenu() {
        return new MenuEntry(MenuGroup.PERSONAL, "menu.changePassword", "/password/change", 20, EnumSet.allOf(Role.class));
    }

    @Bean
    MenuEntry apiTokensMenu() {
        return new MenuEntry(MenuGroup.PERSONAL, "menu.apiTokens", "/me/tokens", 30, EnumSet.allOf(Role.class));
    }

    @Bean
    MenuEntry myAccountMenu() {
        return new MenuEntry(MenuGroup.PERSONAL, "menu.myAccount", "/me", 10, EnumSet.allOf(Role.class));
    }
}
