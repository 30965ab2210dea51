/**
 * Inspection (巡查): violation cases with their evidence and the government's decisions; patrols and occupant
 * verification feed it. The operator opens, adds evidence and reports; only the district's housing officer decides.
 */
@ApplicationModule(displayName = "Inspection",
        allowedDependencies = {"shared", "contract::api", "lease::api", "maintenance::api", "rent::api", "housing::api", "identity::api", "audit::api"})
package cn.anju.inspection;

import org.springframework.modulith.ApplicationModule;
