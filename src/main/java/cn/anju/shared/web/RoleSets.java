package cn.anju.shared.web;

import cn.anju.shared.Role;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

import java.util.Set;

/**
 * The one check behind every {@code @PreAuthorize}: each module names its role sets once, as {@code Set<Role>}
 * constants of its {@code *Access} bean, and the bean's methods answer {@code @PreAuthorize("@leaseAccess.clerks(authentication)")}
 * with this. Menu entries and role gates take the same constants, so a page, its menu item and its API cannot
 * disagree about who may use them. Same meaning as Spring's {@code hasAnyRole}: one of the roles' authorities.
 */
public final class RoleSets {

    private RoleSets() {
    }

    public static boolean granted(Authentication who, Set<Role> roles) {
        if (who == null) {
            return false;
        }
        for (GrantedAuthority a : who.getAuthorities()) {
            for (Role r : roles) {
                if (r.authority().equals(a.getAuthority())) {
                    return true;
                }
            }
        }
        return false;
    }
}
