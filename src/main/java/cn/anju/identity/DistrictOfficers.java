package cn.anju.identity;

import cn.anju.shared.Role;
import org.springframework.modulith.NamedInterface;

/**
 * Who keeps a district's register of operators' coverage and evaluators' engagements: the district housing bureau's
 * administrators and officers for their district, the city bureau's administrators for any district of the city.
 */
@NamedInterface("api")
public final class DistrictOfficers {

    private DistrictOfficers() {
    }

    public static boolean mayMaintain(CurrentUser actor, String districtCode) {
        if (!actor.hasAny(Role.GOV_ADMIN, Role.GOV_OFFICER)) {
            return false;
        }
        return switch (actor.organisationType()) {
            case CITY_BUREAU -> actor.has(Role.GOV_ADMIN);
            case DISTRICT_HOUSING -> districtCode.equals(actor.regionCode());
            default -> false;
        };
    }
}
