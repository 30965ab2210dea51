/**
 * Monitoring (监测平台): daily snapshots of every measure of the shared interface per project and per district, written
 * once; dashboards for the city, a district and a project read them (trends, problem lists that drill down to exactly
 * the records counted that day), alerts against thresholds that are policy settings with history.
 */
@ApplicationModule(displayName = "Monitoring",
        allowedDependencies = {"shared", "identity::api", "housing::api", "audit::api", "notification::api"})
package cn.anju.monitoring;

import org.springframework.modulith.ApplicationModule;
