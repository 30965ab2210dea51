/**
 * Identity: organisations (city bureau, district bureaus, operators, evaluators), user accounts with roles and
 * duties, login, operator coverage and the data scope derived from it.
 *
 * <p>Other modules use {@link cn.anju.identity.CurrentUser}, {@link cn.anju.identity.DataScope} and
 * {@link cn.anju.identity.IdentityQueries}; everything else here is internal.
 */
@ApplicationModule(displayName = "Identity",
        allowedDependencies = {"shared", "audit::api", "notification::api"})
package cn.anju.identity;

import org.springframework.modulith.ApplicationModule;
