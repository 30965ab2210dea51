package cn.anju.lease;

import cn.anju.audit.AuditAction;

/** What the lease module writes on the audit log: each step of a lease's life, and the resident file's documents. */
enum LeaseAudit implements AuditAction {
    LEASE_SIGNED, LEASE_MOVED_IN, LEASE_RENEWAL_STARTED, LEASE_EXPIRED, LEASE_TERMINATED,
    RESIDENT_DOCUMENT_UPLOAD, RESIDENT_DOCUMENT_INTEGRITY;

    /** The action of a step, by the kind of the lease event it also writes (the kinds {@code LeaseRecords.apply} takes). */
    static LeaseAudit of(String event) {
        return switch (event) {
            case "SIGNED" -> LEASE_SIGNED;
            case "MOVED_IN" -> LEASE_MOVED_IN;
            case "RENEWAL_STARTED" -> LEASE_RENEWAL_STARTED;
            case "EXPIRED" -> LEASE_EXPIRED;
            case "TERMINATED" -> LEASE_TERMINATED;
            default -> throw new IllegalArgumentException("no audit action for the lease event " + event);
        };
    }
}
