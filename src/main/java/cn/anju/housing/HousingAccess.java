package cn.anju.housing;

import cn.anju.shared.Role;
import cn.anju.shared.web.MenuEntry;
import cn.anju.shared.web.MenuGroup;
import cn.anju.shared.web.RoleSets;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.Authentication;

import java.util.Set;

/** The stock is read by officers and the operator and changed by the government: the menu and {@code @PreAuthorize}. */
@Configuration(proxyBeanMethods = false)
class HousingAccess {

    static final Set<Role> STOCK_READERS = Set.of(Role.GOV_ADMIN, Role.GOV_OFFICER, Role.OPERATOR_MANAGER, Role.OPERATOR_STAFF);
    static final Set<Role> GOVERNMENT = Set.of(Role.GOV_ADMIN, Role.GOV_OFFICER);

    public boolean stockReaders(Authentication who) {
        return RoleSets.granted(who, STOCK_READERS);
    }

    public boolean government(Authentication who) {
        return RoleSets.granted(who, GOVERNMENT);
    }

    @Bean
    MenuEntry projectsMenu() {
        return new MenuEntry(MenuGroup.HOUSING_AND_HOUSEHOLDS, "menu.projects", "/housing/projects", 10, STOCK_READERS);
    }

    @Bean
    MenuEntry facilitiesMenu() {
        return new MenuEntry(MenuGroup.MAINTENANCE, "menu.facilities", "/housing/facilities", 10, STOCK_READERS);
    }

    @Bean
    MenuEntry unitsMenu() {
        return new MenuEntry(MenuGroup.HOUSING_AND_HOUSEHOLDS, "menu.units", "/housing/units", 20, STOCK_READERS);
    }
}
