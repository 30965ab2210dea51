package cn.anju.disclosure;

import cn.anju.audit.AuditAction;

/** What the disclosure module writes on the audit log. */
enum DisclosureAudit implements AuditAction {
    DISCLOSURE_DRAFT, DISCLOSURE_PUBLISH, DISCLOSURE_WITHDRAW, DISCLOSURE_REDRAFT,
    INFORMATION_REQUEST_RECEIVED, INFORMATION_REQUEST_EXTEND, INFORMATION_REQUEST_ANSWER, INFORMATION_REQUEST_APPLICANT_REVEAL
}
