package cn.anju.identity;

import cn.anju.audit.AuditAction;

/** What the identity module writes on the audit log: sign-in, accounts, roles, coverage, the calendar, reveals. */
public enum IdentityAudit implements AuditAction {
    LOGIN, LOGIN_SECOND_FACTOR, ACCOUNT_CODE, ACCOUNT_ACTIVATE, ACCOUNT_CREATE, ACCOUNT_DISABLE, ACCOUNT_ENABLE,
    ACCOUNT_PASSWORD_RESET, ACCOUNT_GRANT, PASSWORD_CHANGE, API_TOKEN_ISSUE, API_TOKEN_REVOKE, TENANT_ACCOUNT_OPEN,
    TENANT_PASSWORD_RESET, SECURITY_POLICY_CHANGE, PII_REVEAL, ORGANISATION_CREATE, COVERAGE_GRANT, COVERAGE_END,
    CALENDAR_SET, CALENDAR_REMOVE
}
