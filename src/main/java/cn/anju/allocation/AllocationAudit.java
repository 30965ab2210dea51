package cn.anju.allocation;

import cn.anju.audit.AuditAction;

/** What selection rounds and direct allocation write on the audit log. */
enum AllocationAudit implements AuditAction {
    SELECTION_ROUND_CREATE, SELECTION_ROUND_PUBLISH, SELECTION_ROUND_PUBLIC_VALUE, SELECTION_ROUND_DRAW, SELECTION_CHOICE,
    DIRECT_ALLOCATION
}
