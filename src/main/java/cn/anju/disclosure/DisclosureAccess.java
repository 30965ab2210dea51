package cn.anju.disclosure;

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

/** Who reaches the disclosure routes: the government handles items; everyone reads what is published, signed in or not
 * ({@code /api/public/**} is open in the API's security chain). */
@Configuration(proxyBeanMethods = false)
class DisclosureAccess {

    static final Set<Role> HANDLERS = Set.of(Role.GOV_ADMIN, Role.GOV_OFFICER);

    public boolean handles(Authentication who) {
        return RoleSets.granted(who, HANDLERS);
    }

    @Bean
    MenuEntry disclosureMenu() {
        return new MenuEntry(MenuGroup.SUPERVISION, "menu.disclosures", "/disclosures", 8, HANDLERS);
    }

    @Bean
    MenuEntry informationRequestMenu() {
        return new MenuEntry(MenuGroup.SUPERVISION, "menu.informationRequests", "/information-requests", 9, HANDLERS);
    }

    /** The public portal: its list, its items and its feed; the form to ask for information and to follow a request. */
    @Bean
    PublicPath publicPortal() {
        return new PublicPath("/public");
    }

    @Bean
    PublicPath publicItems() {
        return new PublicPath("/public/disclosures/**");
    }

    @Bean
    PublicPath publicFeed() {
        return new PublicPath("/public/disclosures.atom");
    }

    @Bean
    PublicPath publicRequestForm() {
        return new PublicPath("/public/requests");
    }

    @Bean
    PublicPath publicRequests() {
        return new PublicPath("/public/requests/**");
    }

    @Bean
    RoleGate informationRequestWriteGate() {
        return new RoleGate(HttpMethod.POST, "/api/v1/information-requests/**", HANDLERS);
    }

    @Bean
    RoleGate disclosureWriteGate() {
        return new RoleGate(HttpMethod.POST, "/api/v1/disclosures/**", HANDLERS);
    }
}
