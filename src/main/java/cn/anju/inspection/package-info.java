/**
 * Inspection (巡查): violation cases with their evidence and the government's decisions; patrols and occupant
 * verification feed it. The operator opens, adds evidence and reports; only the district's housing officer decides.
 */
@ApplicationModule(displayName = "Inspection")
package cn.anju.inspection;

import org.springframework.modulith.ApplicationModule;
