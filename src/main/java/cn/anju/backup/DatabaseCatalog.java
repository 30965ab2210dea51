package cn.anju.backup;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What a backup holds and a restore loads, read from PostgreSQL's catalog of the current schema: the tables (not
 * Flyway's history, whose version the archive records instead, and not the partitions of a partitioned table,
 * which come with their parent), their stored columns (generated ones are computed again on load), the order in
 * which foreign keys allow loading them, and the sequences.
 */
final class DatabaseCatalog {

    static final String FLYWAY_HISTORY = "flyway_schema_history";

    private DatabaseCatalog() {
    }

    /** A table, its stored columns and its primary key's columns (empty if it has none). */
    record Table(String name, List<String> columns, List<String> primaryKey) {
        /**
         * Rows in primary-key order: where a row points at another of its table (a renewal at the lease it
         * renews, a reversal at its payment, a decision at the one it follows), the older row has the smaller id
         * and so is loaded first. Physical order would not do: an update moves a row to the end of its table.
         * It also makes two backups of the same rows alike.
         */
        String selectAll() {
            return "select " + columnList(columns) + " from " + quote(name)
                    + (primaryKey.isEmpty() ? "" : " order by " + columnList(primaryKey));
        }
    }

    static String columnList(List<String> columns) {
        return String.join(", ", columns.stream().map(DatabaseCatalog::quote).toList());
    }

    /** Every table with its stored columns, parents before the tables whose foreign keys point at them. */
    static List<Table> tablesInLoadOrder(Connection c) throws SQLException {
        Map<String, List<String>> columns = new TreeMap<>();
        try (PreparedStatement s = c.prepareStatement("""
                select cl.relname, a.attname from pg_class cl
                  join pg_namespace n on n.oid = cl.relnamespace
                  join pg_attribute a on a.attrelid = cl.oid and a.attnum > 0 and not a.attisdropped
                 where n.nspname = current_schema() and cl.relkind in ('r', 'p') and not cl.relispartition
                   and cl.relname <> ? and a.attgenerated = ''
                 order by cl.relname, a.attnum""")) {
            s.setString(1, FLYWAY_HISTORY);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    columns.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
                }
            }
        }
        Map<String, List<String>> primaryKeys = primaryKeys(c);
        Map<String, Set<String>> parents = parents(c);
        List<Table> ordered = new ArrayList<>();
        Set<String> placed = new TreeSet<>();
        // Kahn's algorithm, alphabetical among equals so that two backups of one schema list tables alike
        while (placed.size() < columns.size()) {
            String next = columns.keySet().stream().filter(t -> !placed.contains(t))
                    .filter(t -> placed.containsAll(parents.getOrDefault(t, Set.of()).stream()
                            .filter(columns::containsKey).toList()))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("foreign keys form a cycle among "
                            + columns.keySet().stream().filter(t -> !placed.contains(t)).toList()));
            placed.add(next);
            ordered.add(new Table(next, List.copyOf(columns.get(next)), primaryKeys.getOrDefault(next, List.of())));
        }
        return ordered;
    }

    private static Map<String, List<String>> primaryKeys(Connection c) throws SQLException {
        Map<String, List<String>> keys = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement("""
                select cl.relname, a.attname from pg_index i
                  join pg_class cl on cl.oid = i.indrelid
                  join pg_namespace n on n.oid = cl.relnamespace
                  cross join lateral unnest(i.indkey) with ordinality k(attnum, position)
                  join pg_attribute a on a.attrelid = cl.oid and a.attnum = k.attnum
                 where i.indisprimary and n.nspname = current_schema()
                 order by cl.relname, k.position""");
             ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                keys.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
            }
        }
        return keys;
    }

    /** Per table, the other tables its foreign keys reference (a table referencing itself is not its own parent). */
    static Map<String, Set<String>> parents(Connection c) throws SQLException {
        Map<String, Set<String>> parents = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement("""
                select child.relname, parent.relname from pg_constraint k
                  join pg_class child on child.oid = k.conrelid
                  join pg_class parent on parent.oid = k.confrelid
                  join pg_namespace n on n.oid = child.relnamespace
                 where k.contype = 'f' and n.nspname = current_schema() and k.conrelid <> k.confrelid""");
             ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                parents.computeIfAbsent(rs.getString(1), k -> new TreeSet<>()).add(rs.getString(2));
            }
        }
        return parents;
    }

    /** Each sequence of the schema with its current value and whether {@code nextval} has used it. */
    static Map<String, Sequence> sequences(Connection c) throws SQLException {
        List<String> names = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("""
                select cl.relname from pg_class cl join pg_namespace n on n.oid = cl.relnamespace
                 where n.nspname = current_schema() and cl.relkind = 'S' order by cl.relname""");
             ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        Map<String, Sequence> values = new LinkedHashMap<>();
        for (String name : names) {
            try (PreparedStatement s = c.prepareStatement("select last_value, is_called from " + quote(name));
                 ResultSet rs = s.executeQuery()) {
                rs.next();
                values.put(name, new Sequence(rs.getLong(1), rs.getBoolean(2)));
            }
        }
        return values;
    }

    record Sequence(long lastValue, boolean called) {
    }

    /** How many relations the schema holds: a restore goes only into a schema with none. */
    static long relationCount(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("""
                select count(*) from pg_class cl join pg_namespace n on n.oid = cl.relnamespace
                 where n.nspname = current_schema() and cl.relkind in ('r', 'p', 'v', 'm', 'S', 'f')""");
             ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** The schema's Flyway version: the last successful versioned migration. */
    static String flywayVersion(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("select version from " + FLYWAY_HISTORY
                + " where success and version is not null order by installed_rank desc limit 1");
             ResultSet rs = s.executeQuery()) {
            if (!rs.next()) {
                throw new IllegalStateException("the database has no Flyway migration recorded");
            }
            return rs.getString(1);
        }
    }

    /** Quotes an identifier read from the catalog, so that no table name is ever pasted into SQL as it stands. */
    static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }
}
