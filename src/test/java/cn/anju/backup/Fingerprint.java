package cn.anju.backup;

import org.springframework.jdbc.core.simple.JdbcClient;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * What must be alike after a restore, computed by the database itself and independently of the backup's own code:
 * per table its row count and an ordered checksum of its rows ({@code md5(string_agg(t::text, '|' order by
 * t::text))}, generated columns included), every sequence's value, and every stored file's SHA-256.
 */
record Fingerprint(Map<String, String> tables, Map<String, String> sequences, Map<String, String> files) {

    static Fingerprint of(JdbcClient jdbc, Path filesRoot) {
        Map<String, String> tables = new TreeMap<>();
        for (String table : jdbc.sql("""
                select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
                 where n.nspname = current_schema() and c.relkind in ('r', 'p') and not c.relispartition
                   and c.relname <> 'flyway_schema_history'""").query(String.class).list()) {
            tables.put(table, jdbc.sql("select count(*) || ' rows, md5 ' || md5(coalesce(string_agg(t::text, '|' "
                    + "order by t::text), '')) from \"" + table + "\" t").query(String.class).single());
        }
        Map<String, String> sequences = new TreeMap<>();
        for (String sequence : jdbc.sql("""
                select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
                 where n.nspname = current_schema() and c.relkind = 'S'""").query(String.class).list()) {
            sequences.put(sequence, jdbc.sql("select last_value || ' ' || is_called from \"" + sequence + "\"")
                    .query(String.class).single());
        }
        return new Fingerprint(tables, sequences, files(filesRoot));
    }

    private static Map<String, String> files(Path root) {
        Map<String, String> files = new TreeMap<>();
        if (!Files.isDirectory(root)) {
            return files;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.filter(Files::isRegularFile).filter(p -> !p.toString().endsWith(".tmp")).toList()) {
                files.put(root.relativize(p).toString(),
                        HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p))));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        return files;
    }

    long rows() {
        return tables.values().stream().mapToLong(v -> Long.parseLong(v.substring(0, v.indexOf(' ')))).sum();
    }
}
