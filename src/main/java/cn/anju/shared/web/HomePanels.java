package cn.anju.shared.web;

import java.util.List;
import java.util.Map;

/**
 * A card a module adds to the home page for a user (the tenant's service channels, for one): the module names its own
 * Thymeleaf fragment and the data it reads, so the portal shows it without knowing the module.
 *
 * @param <U> the signed-in user, as in {@link WorkItems}
 */
public interface HomePanels<U> {

    /**
     * @param template the module's template, e.g. {@code feedback/contact-card}; @param fragment its fragment taking {@code data};
     * @param top      shown first, above the work items (a level's dashboard), else below the user's card
     */
    record Panel(String template, String fragment, Map<String, Object> data, boolean top) {

        public Panel(String template, String fragment, Map<String, Object> data) {
            this(template, fragment, data, false);
        }
    }

    List<Panel> forUser(U user);
}
