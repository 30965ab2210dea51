package cn.anju.housing;

import cn.anju.audit.AuditAction;

/** What the housing module writes on the audit log. */
enum HousingAudit implements AuditAction {
    PROJECT_CREATE, BUILDING_CREATE, FACILITY_CREATE, UNIT_STATUS_CHANGE
}
