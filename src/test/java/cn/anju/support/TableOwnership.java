package cn.anju.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Which module owns each table and which views (or reference tables) it publishes for other modules' SQL, read
 * from the section "Tables each module owns" of {@code docs/architecture.md}: the document is the one map, so the
 * test that enforces it and the page a developer reads cannot drift apart. Each row of that section's table is
 * {@code | `module` | owned relations | published relations |}; every name in backticks in the last two cells is
 * a relation.
 */
public record TableOwnership(Map<String, Set<String>> owned, Map<String, Set<String>> published) {

    public static final Path DOCS = Path.of("docs/architecture.md");
    public static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");
    static final String SECTION = "## Tables each module owns";
    private static final Pattern TICKED = Pattern.compile("`([^`]+)`");
    private static final Pattern CREATED = Pattern.compile(
            "create\\s+(?:or\\s+replace\\s+)?(?:unlogged\\s+)?(?:table|view|materialized\\s+view)\\s+(?:if\\s+not\\s+exists\\s+)?(\\w+)");
    private static final Pattern DROPPED = Pattern.compile("drop\\s+(?:table|view|materialized\\s+view)\\s+(?:if\\s+exists\\s+)?(\\w+)");

    public static TableOwnership fromDocs() {
        return parse(read(DOCS));
    }

    public static TableOwnership parse(String markdown) {
        int start = markdown.indexOf(SECTION);
        if (start < 0) throw new IllegalStateException(DOCS + " has no section \"" + SECTION + "\"");
        int end = markdown.indexOf("\n## ", start + SECTION.length());
        String section = markdown.substring(start, end < 0 ? markdown.length() : end);
        Map<String, Set<String>> owned = new LinkedHashMap<>();
        Map<String, Set<String>> published = new LinkedHashMap<>();
        for (String row : section.split("\n")) {
            String[] cells = row.split("\\|", -1);
            if (!row.startsWith("|") || cells.length < 5 || cells[1].isBlank() || cells[1].contains("---")) continue;
            List<String> module = ticked(cells[1]);
            if (module.size() != 1) continue; // the header row
            owned.computeIfAbsent(module.getFirst(), m -> new TreeSet<>()).addAll(ticked(cells[2]));
            published.computeIfAbsent(module.getFirst(), m -> new TreeSet<>()).addAll(ticked(cells[3]));
        }
        return new TableOwnership(owned, published);
    }

    /** The module owning a relation, or null when no row names it. */
    public String ownerOf(String relation) {
        for (String module : owned.keySet()) {
            if (owned.get(module).contains(relation) || published.get(module).contains(relation)) return module;
        }
        return null;
    }

    /** Every relation named in the map, owned or published. */
    public Set<String> relations() {
        Set<String> all = new TreeSet<>();
        owned.values().forEach(all::addAll);
        published.values().forEach(all::addAll);
        return all;
    }

    /** May SQL written in {@code module} name {@code relation}? Its own, or what another module publishes. */
    public boolean mayUse(String module, String relation) {
        String owner = ownerOf(relation);
        return owner == null || owner.equals(module) || published.get(owner).contains(relation);
    }

    /** The tables and views the migrations leave in the schema (created and not dropped afterwards). */
    public static Set<String> migratedRelations() {
        Set<String> relations = new TreeSet<>();
        for (Path file : migrationsInOrder()) {
            String sql = read(file).toLowerCase(Locale.ROOT).replaceAll("--[^\n]*", "");
            List<int[]> events = new ArrayList<>();
            collect(CREATED.matcher(sql), events, 1);
            collect(DROPPED.matcher(sql), events, -1);
            events.sort((a, b) -> Integer.compare(a[0], b[0]));
            for (int[] e : events) {
                String name = sql.substring(e[1], e[2]);
                if (e[3] > 0) relations.add(name);
                else relations.remove(name);
            }
        }
        relations.add("flyway_schema_history"); // Flyway creates its own
        return relations;
    }

    private static void collect(Matcher m, List<int[]> events, int kind) {
        while (m.find()) events.add(new int[] {m.start(), m.start(1), m.end(1), kind});
    }

    private static List<Path> migrationsInOrder() {
        try (Stream<Path> files = Files.list(MIGRATIONS)) {
            return files.filter(f -> f.getFileName().toString().matches("V\\d+__.*\\.sql"))
                    .sorted((a, b) -> Integer.compare(version(a), version(b))).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int version(Path migration) {
        String name = migration.getFileName().toString();
        return Integer.parseInt(name.substring(1, name.indexOf("__")));
    }

    private static List<String> ticked(String cell) {
        List<String> names = new ArrayList<>();
        Matcher m = TICKED.matcher(cell);
        while (m.find()) names.add(m.group(1).trim());
        return names;
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
