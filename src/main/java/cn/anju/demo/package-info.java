/**
 * The Yulin demo data, loaded in the {@code demo} profile only (never in {@code prod}): the city bureau, the
 * twelve districts' housing and finance bureaus, two operators, an evaluator and the demo accounts of README.md.
 */
@ApplicationModule(displayName = "Demo data",
        allowedDependencies = {"shared", "allocation::api", "household::api", "housing::api", "identity::api", "inspection::api", "lease::api", "maintenance::api", "rent::api"})
package cn.anju.demo;

import org.springframework.modulith.ApplicationModule;
