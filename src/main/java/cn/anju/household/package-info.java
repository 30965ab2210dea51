/**
 * Households the government found eligible, their members (ID numbers and phones encrypted, searchable by keyed
 * index), the government-only eligibility decisions with their history, and the change reports operators file.
 */
@ApplicationModule(displayName = "Household",
        allowedDependencies = {"shared", "identity::api", "audit::api", "imports::api", "notification::api"})
package cn.anju.household;

import org.springframework.modulith.ApplicationModule;
