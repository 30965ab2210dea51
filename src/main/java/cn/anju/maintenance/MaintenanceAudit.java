package cn.anju.maintenance;

import cn.anju.audit.AuditAction;

/**
 * What the maintenance module writes on the audit log: work orders (each state an order reaches) and preventive
 * schedules. Until 2026-12 these were dotted lowercase ({@code work_order.accepted}); {@link AuditAction#current} shows
 * those rows under these names.
 */
enum MaintenanceAudit implements AuditAction {
    WORK_ORDER_SUBMIT, WORK_ORDER_SUBMITTED, WORK_ORDER_ACCEPTED, WORK_ORDER_REFUSED, WORK_ORDER_REFERRED,
    WORK_ORDER_DISPATCHED, WORK_ORDER_ON_SITE, WORK_ORDER_COMPLETED, WORK_ORDER_CONFIRMED, WORK_ORDER_REOPENED,
    MAINTENANCE_SCHEDULE_CREATE;

    /** The step of an order that reached this state. */
    static MaintenanceAudit orderReached(WorkOrderState state) {
        return switch (state) {
            case SUBMITTED -> WORK_ORDER_SUBMITTED;
            case ACCEPTED -> WORK_ORDER_ACCEPTED;
            case REFUSED -> WORK_ORDER_REFUSED;
            case REFERRED -> WORK_ORDER_REFERRED;
            case DISPATCHED -> WORK_ORDER_DISPATCHED;
            case ON_SITE -> WORK_ORDER_ON_SITE;
            case COMPLETED -> WORK_ORDER_COMPLETED;
            case CONFIRMED -> WORK_ORDER_CONFIRMED;
            case REOPENED -> WORK_ORDER_REOPENED;
        };
    }
}
