/**
 * Housing selection (选房): rounds over a pool of vacant units and the eligible waitlisted households, ordered by a
 * lottery anyone can re-check from published data (docs/lottery.md), then the choices made in that order.
 */
@ApplicationModule(displayName = "Allocation",
        allowedDependencies = {"shared", "household::api", "housing::api", "identity::api", "audit::api"})
package cn.anju.allocation;

import org.springframework.modulith.ApplicationModule;
