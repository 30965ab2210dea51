package cn.anju.feedback;

import cn.anju.shared.Role;
import cn.anju.shared.web.MenuEntry;
import cn.anju.shared.web.MenuGroup;
import cn.anju.shared.web.PublicPath;
import cn.anju.shared.web.RoleGate;
import cn.anju.shared.web.RoleSets;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.core.Authentication;

import java.util.Set;

/** Who reaches the complaint pages and actions, checked before any body is read (duties are checked by the services). */
@Configuration(proxyBeanMethods = false)
class FeedbackAccess {

    /** Who takes cases in: the operator's staff (客服专员, checked by duty), the channel gateway, the tenant's own form. */
    static final Set<Role> INTAKE = Set.of(Role.OPERATOR_MANAGER, Role.OPERATOR_STAFF, Role.CHANNEL_GATEWAY, Role.TENANT);
    /** The case desk: the operator's staff and the district's officers. */
    static final Set<Role> DESK = Set.of(Role.OPERATOR_MANAGER, Role.OPERATOR_STAFF, Role.GOV_ADMIN, Role.GOV_OFFICER);
    /** Who reads cases: the desk and the tenant (their household's). */
    static final Set<Role> READERS = Set.of(Role.OPERATOR_MANAGER, Role.OPERATOR_STAFF, Role.GOV_ADMIN, Role.GOV_OFFICER, Role.TENANT);
    static final Set<Role> OFFICERS = Set.of(Role.GOV_ADMIN, Role.GOV_OFFICER);
    static final Set<Role> TENANT = Set.of(Role.TENANT);

    public boolean intake(Authentication who) {
        return RoleSets.granted(who, INTAKE);
    }

    public boolean desk(Authentication who) {
        return RoleSets.granted(who, DESK);
    }

    public boolean readers(Authentication who) {
        return RoleSets.granted(who, READERS);
    }

    public boolean officers(Authentication who) {
        return RoleSets.granted(who, OFFICERS);
    }

    public boolean tenant(Authentication who) {
        return RoleSets.granted(who, TENANT);
    }

    @Bean
    MenuEntry feedbackDeskMenu() {
        return new MenuEntry(MenuGroup.SUPERVISION, "menu.feedback", "/feedback", 5, DESK);
    }

    @Bean
    MenuEntry myFeedbackMenu() {
        return new MenuEntry(MenuGroup.PERSONAL, "menu.myFeedback", "/my/feedback", 8, TENANT);
    }

    /** The channels, following a case by number and code, and the tenant's follow-up link: no account needed. */
    @Bean
    PublicPath feedbackContactPage() {
        return new PublicPath("/public/contact");
    }

    @Bean
    PublicPath feedbackPublicCases() {
        return new PublicPath("/public/cases/**");
    }

    @Bean
    PublicPath feedbackPublicCaseLookup() {
        return new PublicPath("/public/cases");
    }

    @Bean
    PublicPath feedbackFollowUpLink() {
        return new PublicPath("/feedback/follow-up/**");
    }

    @Bean
    @Order(0)
    RoleGate feedbackInboundGate() {
        return new RoleGate(HttpMethod.POST, "/api/v1/feedback/inbound", INTAKE);
    }

    @Bean
    @Order(0)
    RoleGate feedbackTenantAnswerGate() {
        return new RoleGate(HttpMethod.POST, "/api/v1/feedback/cases/*/satisfaction", READERS);
    }

    @Bean
    @Order(0)
    RoleGate feedbackOfficerGate() {
        return new RoleGate(HttpMethod.POST, "/api/v1/feedback/cases/*/{step:sample|supervision|district-decision}", OFFICERS);
    }

    @Bean
    RoleGate feedbackActionGate() {
        return new RoleGate(HttpMethod.POST, "/api/v1/feedback/cases/**", DESK);
    }
}
