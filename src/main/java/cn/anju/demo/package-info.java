/**
 * The Yulin demo city, made in the {@code demo} profile only (never in {@code prod}) through the modules' own actions:
 * besides their {@code api} it uses their {@code actions}, the services their own pages and APIs call, as a signed-in
 * user would.
 */
@ApplicationModule(displayName = "Demo data",
        allowedDependencies = {"shared", "allocation::api", "household::api", "housing::api", "identity::api", "inspection::api", "lease::api",
                "maintenance::api", "rent::api", "allocation::actions", "household::actions", "housing::actions", "identity::actions",
                "imports::actions", "inspection::actions", "lease::actions", "maintenance::actions", "rent::actions", "feedback::actions",
                "survey::api", "survey::actions", "contract::api", "contract::actions", "evaluation::actions", "disclosure"})
package cn.anju.demo;

import org.springframework.modulith.ApplicationModule;
