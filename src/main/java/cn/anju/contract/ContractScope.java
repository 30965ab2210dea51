package cn.anju.contract;

import cn.anju.identity.CurrentUser;
import cn.anju.identity.DistrictOfficers;
import cn.anju.identity.OrganisationType;
import cn.anju.shared.Districts;
import cn.anju.shared.Role;
import cn.anju.shared.web.ProblemException;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who sees and who prepares which purchase. The city sees every district; a district's housing bureau and finance bureau
 * their own; an operator's manager its own contracts while in force and during their wind-down, nothing of another
 * operator's; everyone else nothing. A district's housing officers (and the city's administrators) prepare; its finance
 * bureau approves the budget; its leaders approve a termination (four eyes).
 */
@Component
class ContractScope {

    private final Districts districts;
    private final Clock clock;

    ContractScope(Districts districts, Clock clock) {
        this.districts = districts;
        this.clock = clock;
    }

    /** The districts whose purchases the user reads (empty for an operator, who reads by contract). */
    Set<String> districtsRead(CurrentUser user) {
        if (!user.hasAny(Role.GOV_ADMIN, Role.GOV_OFFICER, Role.FINANCE)) {
            return Set.of();
        }
        return switch (user.organisationType()) {
            case CITY_BUREAU -> districts.ofCity(districts.cityCode()).stream().map(Districts.District::code).collect(Collectors.toSet());
            case DISTRICT_HOUSING, DISTRICT_FINANCE -> Set.of(user.regionCode());
            default -> Set.of();
        };
    }

    boolean isOperatorManager(CurrentUser user) {
        return user.organisationType() == OrganisationType.OPERATOR && user.has(Role.OPERATOR_MANAGER);
    }

    boolean reads(CurrentUser user, ServiceContract c) {
        if (districtsRead(user).contains(c.districtCode())) {
            return true;
        }
        return isOperatorManager(user) && c.operatorId() == user.organisationId() && stillOpenTo(c, LocalDate.now(clock));
    }

    /** An operator reads its contract until its wind-down ends (a draft is the purchaser's until signed). */
    static boolean stillOpenTo(ServiceContract c, LocalDate day) {
        if (c.status() == ContractStatus.DRAFT) {
            return false;
        }
        LocalDate last = c.lastDay();
        return last == null || !last.plusDays(c.windDownDays()).isBefore(day);
    }

    boolean reads(CurrentUser user, Procurement p) {
        return districtsRead(user).contains(p.districtCode());
    }

    /** A district's housing officers, or the city's administrators for any district: they record the purchase (identity's rule). */
    static boolean prepares(CurrentUser user, String districtCode) {
        return DistrictOfficers.mayMaintain(user, districtCode);
    }

    void requirePreparer(CurrentUser user, String districtCode) {
        if (!prepares(user, districtCode)) {
            throw ProblemException.forbidden("PURCHASE_NOT_YOURS", "只有该区县住房保障部门的经办人（或市住建局管理员）可以办理本区县的购买服务事项。");
        }
    }

    /** The district's finance bureau: it records the budget approvals. */
    static boolean finance(CurrentUser user, String districtCode) {
        return user.has(Role.FINANCE) && user.organisationType() == OrganisationType.DISTRICT_FINANCE
                && districtCode.equals(user.regionCode());
    }

    void requireFinance(CurrentUser user, String districtCode) {
        if (!finance(user, districtCode)) {
            throw ProblemException.forbidden("BUDGET_NOT_YOURS", "预算批复只能由本区县财政局的财政人员登记。");
        }
    }

    Procurement visible(CurrentUser user, Procurement p) {
        if (!reads(user, p)) {
            throw notFound("PROCUREMENT_NOT_FOUND", "采购项目");
        }
        return p;
    }

    ServiceContract visible(CurrentUser user, ServiceContract c) {
        if (!reads(user, c)) {
            throw notFound("CONTRACT_NOT_FOUND", "服务合同");
        }
        return c;
    }

    static ProblemException notFound(String code, String what) {
        return ProblemException.notFound(code, what + "不存在，或不在您的数据范围内。");
    }

    List<String> sortedDistricts(CurrentUser user) {
        return districtsRead(user).stream().sorted().toList();
    }
}
