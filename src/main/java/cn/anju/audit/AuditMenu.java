package cn.anju.audit;

import cn.anju.shared.Role;
import cn.anju.shared.web.MenuEntry;
import cn.anju.shared.web.MenuGroup;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.Set;

@Configuration(proxyBeanMethods = false)
class AuditMenu {

    @Bean
    MenuEntry auditLogMenu() {
        return new MenuEntry(MenuGroup.SYSTEM, "menu.audit", "/audit", 40, Set.of(Role.AUDITOR));
    }
}
