/**
 * The page shell: top bar, the role's left menu (assembled from the {@link cn.anju.shared.web.MenuEntry} beans
 * that modules contribute), breadcrumb, and a home page made for each role.
 */
@ApplicationModule(displayName = "Portal",
        allowedDependencies = {"shared", "identity::api"})
package cn.anju.portal;

import org.springframework.modulith.ApplicationModule;
