/**
 * Maintenance (维修养护): work orders for common parts and shared facilities from tenants, patrols, the hotline,
 * staff and preventive schedules; the scope guard that refuses construction work; deadlines, escalation and the
 * on-time rate.
 */
@ApplicationModule(displayName = "Maintenance",
        allowedDependencies = {"shared", "contract::api", "lease::api", "housing::api", "identity::api", "audit::api"})
package cn.anju.maintenance;

import org.springframework.modulith.ApplicationModule;
