package cn.anju.shared;

/**
 * Platform roles (DOMAIN.md section 1). The three separated administrators (三员分立) are
 * {@link #SYSTEM_ADMIN}, {@link #SECURITY_ADMIN} and {@link #AUDITOR}.
 */
public enum Role {
    SYSTEM_ADMIN,
    SECURITY_ADMIN,
    GOV_ADMIN,
    GOV_OFFICER,
    FINANCE,
    OPERATOR_MANAGER,
    OPERATOR_STAFF,
    TENANT,
    EVALUATOR,
    AUDITOR;

    /** The name Spring Security checks with {@code hasRole}. */
    public String authority() {
        return "ROLE_" + name();
    }

    public boolean isGovernment() {
        return this == GOV_ADMIN || this == GOV_OFFICER;
    }

    public boolean isOperator() {
        return this == OPERATOR_MANAGER || this == OPERATOR_STAFF;
    }
}
