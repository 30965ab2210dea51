package cn.anju.audit;

import cn.anju.shared.Role;
import cn.anju.shared.web.MenuEntry;
import cn.anju.shared.web.MenuGroup;
import cn.anju.shared.web.RoleSets;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.Authentication;

import java.util.Set;

/** The audit log is the auditor's alone (三员分立): the menu and {@code @PreAuthorize("@auditAccess.auditor(authentication)")}. */
@Configuration(proxyBeanMethods = false)
class AuditAccess {

    static final Set<Role> AUDITOR = Set.of(Role.AUDITOR);

    public boolean auditor(Authentication who) {
        return RoleSets.granted(who, AUDITOR);
    }

    @Bean
    MenuEntry auditLogMenu() {
        return new MenuEntry(MenuGroup.SYSTEM, "menu.audit", "/audit", 40, AUDITOR);
    }
}
