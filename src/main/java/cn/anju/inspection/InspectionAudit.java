package cn.anju.inspection;

import cn.anju.audit.AuditAction;

/**
 * What the inspection module writes on the audit log: violation cases (each state a case reaches), their evidence,
 * patrols, occupant checks and meter readings. Until 2026-12 these were dotted lowercase ({@code violation_case.closed});
 * {@link AuditAction#current} shows those rows under these names.
 */
enum InspectionAudit implements AuditAction {
    VIOLATION_CASE_OPEN, VIOLATION_CASE_DRAFT, VIOLATION_CASE_REPORTED, VIOLATION_CASE_UNDER_REVIEW, VIOLATION_CASE_DECIDE,
    VIOLATION_CASE_DECIDED, VIOLATION_CASE_RECTIFIED, VIOLATION_CASE_VACATED, VIOLATION_CASE_CLOSED,
    VIOLATION_CASE_EVIDENCE, VIOLATION_CASE_EVIDENCE_INTEGRITY, PATROL_PLAN_CREATE, PATROL_TASK_RECORD, VERIFICATION_OPEN,
    VERIFICATION_VISIT, METER_READING_IMPORT;

    /** The step of a case that reached this state. */
    static InspectionAudit caseReached(CaseState state) {
        return switch (state) {
            case DRAFT -> VIOLATION_CASE_DRAFT;
            case REPORTED -> VIOLATION_CASE_REPORTED;
            case UNDER_REVIEW -> VIOLATION_CASE_UNDER_REVIEW;
            case DECIDED -> VIOLATION_CASE_DECIDED;
            case RECTIFIED -> VIOLATION_CASE_RECTIFIED;
            case VACATED -> VIOLATION_CASE_VACATED;
            case CLOSED -> VIOLATION_CASE_CLOSED;
        };
    }
}
