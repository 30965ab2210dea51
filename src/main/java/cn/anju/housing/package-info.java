/**
 * Housing stock: projects, buildings, units with their states, and the register of shared facilities
 * (共用部位、共用设施设备) that maintenance keeps. The government owns the stock; operators see the projects their
 * coverage holds.
 */
@ApplicationModule(displayName = "Housing",
        allowedDependencies = {"shared", "identity::api", "audit::api", "imports::api"})
package cn.anju.housing;

import org.springframework.modulith.ApplicationModule;
