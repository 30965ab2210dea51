package cn.anju.disclosure;

import cn.anju.identity.CurrentUser;
import cn.anju.identity.DataScope;
import cn.anju.identity.DataScopes;
import cn.anju.shared.Role;

import java.util.List;
import java.util.Set;

/**
 * Who handles public items before they are public: the government of their district (officers draft and withdraw,
 * leaders review), the city for every district. Operators and tenants read items once published, like everyone.
 */
final class DisclosureScope {

    private static final Set<Role> GOVERNMENT = Set.of(Role.GOV_ADMIN, Role.GOV_OFFICER);

    private DisclosureScope() {
    }

    static List<String> districts(CurrentUser user, DataScopes scopes) {
        if (!user.hasAny(GOVERNMENT.toArray(Role[]::new))) {
            return List.of();
        }
        return switch (scopes.of(user)) {
            case DataScope.City city -> List.copyOf(city.districtCodes());
            case DataScope.District district -> List.of(district.districtCode());
            default -> List.of();
        };
    }

    static boolean reads(CurrentUser user, DataScopes scopes, DisclosureItem item) {
        return districts(user, scopes).contains(item.districtCode());
    }
}
