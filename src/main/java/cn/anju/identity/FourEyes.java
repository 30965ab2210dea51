package cn.anju.identity;

import cn.anju.shared.Role;
import cn.anju.shared.web.ProblemException;
import org.springframework.modulith.NamedInterface;

/**
 * The one four-eyes rule of the whole purchase (terminating a contract; later signing an evaluation, approving a
 * settlement, reviewing a disclosure): the approver is a {@link Role#GOV_LEADER} of the district's housing bureau and not
 * the person who prepared the matter.
 */
@NamedInterface("api")
public final class FourEyes {

    public static final String LEADER_REQUIRED = "FOUR_EYES_LEADER_REQUIRED";
    public static final String SAME_PERSON = "FOUR_EYES_SAME_PERSON";

    private FourEyes() {
    }

    /** Whether the user may approve matters of the district at all (the pages offer the approval then). */
    public static boolean isLeaderOf(CurrentUser user, String districtCode) {
        return user.has(Role.GOV_LEADER) && user.organisationType() == OrganisationType.DISTRICT_HOUSING
                && districtCode != null && districtCode.equals(user.regionCode());
    }

    /** Refuses with 403 unless {@code approver} is a leader of the district other than {@code preparedBy}. */
    public static void requireSecondPerson(CurrentUser approver, String districtCode, Long preparedBy, String matter) {
        if (!isLeaderOf(approver, districtCode)) {
            throw ProblemException.forbidden(LEADER_REQUIRED, matter + "须由本区县住房保障部门的分管领导审批。");
        }
        if (preparedBy != null && preparedBy.equals(approver.id())) {
            throw ProblemException.forbidden(SAME_PERSON, matter + "须由经办人以外的另一位分管领导审批（四眼原则），本人经办的事项不能本人审批。");
        }
    }
}
