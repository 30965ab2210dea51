package cn.anju.shared.web;

import cn.anju.shared.Role;

import java.util.Set;

/**
 * One item of the left menu, contributed as a bean by the module that owns the page. The shell shows an item
 * only to the roles listed, so a menu never offers a page the user would be refused.
 *
 * @param group      where it sits
 * @param messageKey its label in {@code messages*.properties}
 * @param path       the page it opens
 * @param order      position within the group
 * @param roles      who may use it
 */
public record MenuEntry(MenuGroup group, String messageKey, String path, int order, Set<Role> roles) {

    public MenuEntry {
        roles = Set.copyOf(roles);
    }

    public boolean visibleTo(Set<Role> userRoles) {
        return userRoles.stream().anyMatch(roles::contains);
    }
}
