package cn.anju.identity;

import cn.anju.shared.Role;
import org.springframework.modulith.NamedInterface;

import java.util.EnumSet;
import java.util.Set;

/** Kinds of organisation, and which roles their members may hold. */
@NamedInterface("api")
public enum OrganisationType {
    /** 市住建局: oversees every district; hosts the platform's separated administrators and its monitoring. */
    CITY_BUREAU(EnumSet.of(Role.GOV_ADMIN, Role.GOV_OFFICER, Role.SYSTEM_ADMIN, Role.SECURITY_ADMIN, Role.AUDITOR,
            Role.MONITOR, Role.CHANNEL_GATEWAY)),
    /** 区县住建局 / 住房保障中心: the purchaser of its district. */
    DISTRICT_HOUSING(EnumSet.of(Role.GOV_ADMIN, Role.GOV_OFFICER, Role.GOV_LEADER, Role.TENANT)),
    /** 区县财政局. */
    DISTRICT_FINANCE(EnumSet.of(Role.FINANCE)),
    /** 承接主体: the contracted operator. */
    OPERATOR(EnumSet.of(Role.OPERATOR_MANAGER, Role.OPERATOR_STAFF)),
    /** 第三方: evaluation agency or auditor. */
    EVALUATOR(EnumSet.of(Role.EVALUATOR, Role.AUDITOR));

    private final Set<Role> allowedRoles;

    OrganisationType(Set<Role> allowedRoles) {
        this.allowedRoles = allowedRoles;
    }

    public boolean allows(Role role) {
        return allowedRoles.contains(role);
    }

    public Set<Role> allowedRoles() {
        return EnumSet.copyOf(allowedRoles);
    }

    /** City and district bodies carry a region code; operators and evaluators serve wherever contracted. */
    public boolean hasRegion() {
        return this == CITY_BUREAU || this == DISTRICT_HOUSING || this == DISTRICT_FINANCE;
    }
}
