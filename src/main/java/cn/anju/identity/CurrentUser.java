package cn.anju.identity;

import cn.anju.shared.Duty;
import cn.anju.shared.Role;
import org.springframework.modulith.NamedInterface;

import java.io.Serializable;
import java.util.Set;

/**
 * Who is calling: the signed-in user's account, organisation, roles and duties (and, for a tenant, its household). Controllers receive it as a
 * method parameter; it is stored in the database-backed session, so it is serialisable and holds no secrets.
 */
@NamedInterface("api")
public record CurrentUser(Long id, String username, String displayName, Long organisationId, String organisationName,
                          OrganisationType organisationType, String regionCode, Set<Role> roles, Set<Duty> duties,
                          boolean mustChangePassword, Long householdId)
        implements Serializable {

    public CurrentUser {
        roles = Set.copyOf(roles);
        duties = Set.copyOf(duties);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean hasAny(Role... any) {
        for (Role r : any) {
            if (roles.contains(r)) {
                return true;
            }
        }
        return false;
    }

    public boolean isOperator() {
        return organisationType == OrganisationType.OPERATOR;
    }

    /** The role that decides the home page when a user holds several: the first in declaration order. */
    public Role primaryRole() {
        return roles.stream().sorted().findFirst().orElseThrow();
    }
}
