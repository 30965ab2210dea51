package cn.anju.shared;

/**
 * Platform roles (DOMAIN.md section 1). The three separated administrators (三员分立) are
 * {@link #SYSTEM_ADMIN}, {@link #SECURITY_ADMIN} and {@link #AUDITOR}; {@link #MONITOR} watches the platform's
 * health and metrics and, like them, sees no operational data.
 */
public enum Role {
    SYSTEM_ADMIN,
    SECURITY_ADMIN,
    GOV_ADMIN,
    /** 分管领导: held with {@link #GOV_OFFICER} in a district's housing bureau; approves what another officer prepared (four eyes). */
    GOV_LEADER,
    GOV_OFFICER,
    FINANCE,
    OPERATOR_MANAGER,
    OPERATOR_STAFF,
    TENANT,
    EVALUATOR,
    AUDITOR,
    /** 运维监控: reads the operations endpoints ({@code /actuator/*}) with an API token; no business data, held alone. */
    MONITOR,
    /** 渠道网关: an outside system (the city's 12345 hotline) pushing cases by API token; a machine account, held alone. */
    CHANNEL_GATEWAY;

    /** A role an outside system's machine account holds, never a person. */
    public boolean isMachine() {
        return this == CHANNEL_GATEWAY;
    }

    /** The name Spring Security checks with {@code hasRole}. */
    public String authority() {
        return "ROLE_" + name();
    }

    public boolean isGovernment() {
        return this == GOV_ADMIN || this == GOV_OFFICER || this == GOV_LEADER;
    }

    public boolean isOperator() {
        return this == OPERATOR_MANAGER || this == OPERATOR_STAFF;
    }
}
