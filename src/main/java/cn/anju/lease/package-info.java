/**
 * Leases (租赁合同): drafted from a selection choice for a household with eligibility in force, signed, activated at
 * move-in, ended; one open lease per unit and per household; the term capped by policy.
 */
@ApplicationModule(displayName = "Lease",
        allowedDependencies = {"shared", "allocation::api", "household::api", "housing::api", "identity::api", "audit::api", "notification::api"})
package cn.anju.lease;

import org.springframework.modulith.ApplicationModule;
