package cn.anju.portal;

import cn.anju.shared.Role;
import cn.anju.shared.web.MenuEntry;
import cn.anju.shared.web.MenuGroup;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/** The left menu: every module's entries, grouped by service area, filtered to what the user's roles may use. */
@Component
public class Menu {

    private final List<MenuEntry> entries;

    Menu(List<MenuEntry> entries) {
        this.entries = entries.stream()
                .sorted(Comparator.comparing(MenuEntry::group).thenComparingInt(MenuEntry::order)).toList();
    }

    public record Section(MenuGroup group, List<MenuEntry> entries) {
    }

    public List<Section> forRoles(Set<Role> roles) {
        Map<MenuGroup, List<MenuEntry>> grouped = new TreeMap<>();
        for (MenuEntry e : entries) {
            if (e.visibleTo(roles)) {
                grouped.computeIfAbsent(e.group(), g -> new ArrayList<>()).add(e);
            }
        }
        return grouped.entrySet().stream().map(en -> new Section(en.getKey(), List.copyOf(en.getValue()))).toList();
    }

    /** The entry a path belongs to (longest matching prefix), for the breadcrumb and the active menu item. */
    public Optional<MenuEntry> entryFor(String path) {
        return entries.stream()
                .filter(e -> path.equals(e.path()) || path.startsWith(e.path() + "/"))
                .max(Comparator.comparingInt(e -> e.path().length()));
    }
}
