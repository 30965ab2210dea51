package cn.anju.audit;

/** The actions the audit module's own tests write. */
enum TestAudit implements AuditAction {
    TEST_ACTION, LATER, DB_ROLE_CHECK
}
