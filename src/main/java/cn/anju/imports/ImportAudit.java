package cn.anju.imports;

import cn.anju.audit.AuditAction;

/** What the import runner writes on the audit log. */
enum ImportAudit implements AuditAction {
    IMPORT
}
