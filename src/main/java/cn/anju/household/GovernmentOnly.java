package cn.anju.household;

import cn.anju.identity.CurrentUser;
import cn.anju.identity.OrganisationType;
import cn.anju.shared.Role;
import cn.anju.shared.web.ProblemException;

/**
 * Eligibility is the government's: only a housing officer of the household's own district decides. The city
 * bureau reads every district and changes none; an operator never does.
 */
final class GovernmentOnly {

    private GovernmentOnly() {
    }

    static void requireDistrictOfficer(CurrentUser actor, String districtCode) {
        boolean officer = actor.hasAny(Role.GOV_ADMIN, Role.GOV_OFFICER)
                && actor.organisationType() == OrganisationType.DISTRICT_HOUSING
                && districtCode.equals(actor.regionCode());
        if (!officer) {
            throw ProblemException.forbidden("ELIGIBILITY_GOVERNMENT_ONLY",
                    "保障资格只能由该户所在区县的住房保障部门认定、延续、暂停或撤销。");
        }
    }
}
