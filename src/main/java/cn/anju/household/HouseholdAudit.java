package cn.anju.household;

import cn.anju.audit.AuditAction;

/** What the household module writes on the audit log (until 2026-12 the searches and contact changes were dotted lowercase). */
enum HouseholdAudit implements AuditAction {
    HOUSEHOLD_REGISTER, HOUSEHOLD_EXACT_SEARCH, HOUSEHOLD_MEMBER_CONTACTS, ELIGIBILITY_DECIDE, ELIGIBILITY_STATUS,
    CHANGE_REPORT_FILE, CHANGE_REPORT_DECIDE
}
