package cn.anju.housing;

import cn.anju.shared.Role;
import cn.anju.shared.web.MenuEntry;
import cn.anju.shared.web.MenuGroup;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.Set;

@Configuration(proxyBeanMethods = false)
class HousingMenu {

    static final Set<Role> STOCK_READERS = Set.of(Role.GOV_ADMIN, Role.GOV_OFFICER, Role.OPERATOR_MANAGER, Role.OPERATOR_STAFF);

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
