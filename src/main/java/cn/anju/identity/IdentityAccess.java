package cn.anju.identity;

import cn.anju.shared.Role;
import cn.anju.shared.web.MenuEntry;
import cn.anju.shared.web.MenuGroup;
import cn.anju.shared.web.RoleSets;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.Authentication;

import java.util.EnumSet;
import java.util.Set;

/**
 * Who reaches the identity module's pages: its role sets, written once, for the menu and for the controllers'
 * {@code @PreAuthorize("@identityAccess.….(authentication)")}. Accounts are the system administrator's and grants
 * the security administrator's (三员分立).
 */
@Configuration(proxyBeanMethods = false)
class IdentityAccess {

    static final Set<Role> SYSTEM = Set.of(Role.SYSTEM_ADMIN);
    static final Set<Role> SECURITY = Set.of(Role.SECURITY_ADMIN);
    static final Set<Role> GOVERNMENT = Set.of(Role.GOV_ADMIN, Role.GOV_OFFICER);
    static final Set<Role> ORGANISATION_READERS = Set.of(Role.SYSTEM_ADMIN, Role.GOV_ADMIN, Role.GOV_OFFICER);
    static final Set<Role> COVERAGE_READERS = Set.of(Role.GOV_ADMIN, Role.GOV_OFFICER, Role.FINANCE, Role.OPERATOR_MANAGER);
    /** Who reads evaluators' engagements: the government that records them, and the firm its own (read-only). */
    static final Set<Role> ENGAGEMENT_READERS = Set.of(Role.GOV_ADMIN, Role.GOV_OFFICER, Role.EVALUATOR);
    static final Set<Role> CALENDAR_READERS = Set.of(Role.SYSTEM_ADMIN, Role.GOV_ADMIN, Role.GOV_OFFICER, Role.OPERATOR_MANAGER);
    static final Set<Role> EVERYONE = EnumSet.allOf(Role.class);

    public boolean system(Authentication who) {
        return RoleSets.granted(who, SYSTEM);
    }

    public boolean security(Authentication who) {
        return RoleSets.granted(who, SECURITY);
    }

    public boolean government(Authentication who) {
        return RoleSets.granted(who, GOVERNMENT);
    }

    public boolean organisationReaders(Authentication who) {
        return RoleSets.granted(who, ORGANISATION_READERS);
    }

    public boolean coverageReaders(Authentication who) {
        return RoleSets.granted(who, COVERAGE_READERS);
    }

    public boolean engagementReaders(Authentication who) {
        return RoleSets.granted(who, ENGAGEMENT_READERS);
    }

    @Bean
    MenuEntry accountsMenu() {
        return new MenuEntry(MenuGroup.SYSTEM, "menu.accounts", "/admin/accounts", 10, SYSTEM);
    }

    @Bean
    MenuEntry organisationsMenu() {
        return new MenuEntry(MenuGroup.SYSTEM, "menu.organisations", "/admin/organisations", 20, ORGANISATION_READERS);
    }

    @Bean
    MenuEntry coverageMenu() {
        return new MenuEntry(MenuGroup.SUPERVISION, "menu.coverage", "/coverage", 10, COVERAGE_READERS);
    }

    @Bean
    MenuEntry engagementsMenu() {
        return new MenuEntry(MenuGroup.SUPERVISION, "menu.engagements", "/engagements", 12, ENGAGEMENT_READERS);
    }

    @Bean
    MenuEntry calendarMenu() {
        return new MenuEntry(MenuGroup.SYSTEM, "menu.calendar", "/admin/calendar", 25, CALENDAR_READERS);
    }

    @Bean
    MenuEntry securityPolicyMenu() {
        return new MenuEntry(MenuGroup.SYSTEM, "menu.securityPolicy", "/security/policy", 30, SECURITY);
    }

    @Bean
    MenuEntry roleGrantsMenu() {
        return new MenuEntry(MenuGroup.SYSTEM, "menu.roleGrants", "/security/accounts", 35, SECURITY);
    }

    @Bean
    MenuEntry changePasswordMenu() {
        return new MenuEntry(MenuGroup.PERSONAL, "menu.changePassword", "/password/change", 20, EVERYONE);
    }

    @Bean
    MenuEntry apiTokensMenu() {
        return new MenuEntry(MenuGroup.PERSONAL, "menu.apiTokens", "/me/tokens", 30, EVERYONE);
    }

    @Bean
    MenuEntry myAccountMenu() {
        return new MenuEntry(MenuGroup.PERSONAL, "menu.myAccount", "/me", 10, EVERYONE);
    }
}
