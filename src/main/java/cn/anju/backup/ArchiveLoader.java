package cn.anju.backup;

import cn.anju.backup.BackupArchive.Contents;
import cn.anju.backup.BackupArchive.Digest;
import cn.anju.backup.BackupArchive.Manifest;
import cn.anju.backup.BackupArchive.TableEntry;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Reads the plain archive entry by entry and loads it: tables with {@code COPY ... FROM STDIN} on the owner's
 * connection (one transaction, which the caller commits), files into the file store's folder. Each table's
 * foreign-key parents, as the migrated schema declares them, must have been loaded before it. At the end every
 * hash and row count is compared with the manifest.
 */
final class ArchiveLoader {

    private final ZipInputStream zip;
    private final Path filesRoot;
    private final List<Path> written = new ArrayList<>();
    private String contentsSha256;

    ArchiveLoader(ZipInputStream zip, Path filesRoot) {
        this.zip = zip;
        this.filesRoot = filesRoot.toAbsolutePath().normalize();
    }

    Contents readContents() throws IOException {
        ZipEntry first = zip.getNextEntry();
        if (first == null || !first.getName().equals(BackupArchive.CONTENTS)) {
            throw new IOException("备份文件缺少目录 / the archive does not start with " + BackupArchive.CONTENTS);
        }
        BackupArchive.Hashing hashing = new BackupArchive.Hashing(zip);
        Contents contents = BackupArchive.JSON.readValue(hashing.readAllBytes(), Contents.class);
        contentsSha256 = BackupArchive.hex(hashing.digest);
        if (contents.format() != BackupArchive.FORMAT) {
            throw new IOException("不支持的备份格式 " + contents.format() + " / unsupported archive format " + contents.format());
        }
        return contents;
    }

    Manifest load(Connection c, Contents contents) throws IOException, SQLException {
        Map<String, TableEntry> expected = new LinkedHashMap<>();
        contents.tables().forEach(t -> expected.put(t.name(), t));
        List<DatabaseCatalog.Table> loadOrder = DatabaseCatalog.tablesInLoadOrder(c);
        Map<String, List<String>> schema = loadOrder.stream()
                .collect(Collectors.toMap(DatabaseCatalog.Table::name, DatabaseCatalog.Table::columns));
        if (!schema.keySet().equals(expected.keySet())) {
            throw new IOException("备份中的表与迁移后的库不一致 / the archive's tables differ from the migrated schema's: "
                    + "only in the archive " + minus(expected.keySet(), schema.keySet()) + ", only in the database "
                    + minus(schema.keySet(), expected.keySet()));
        }
        removeMigrationRows(c, loadOrder.stream().map(DatabaseCatalog.Table::name).toList());
        Map<String, Set<String>> parents = DatabaseCatalog.parents(c);
        CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
        Map<String, Digest> tables = new LinkedHashMap<>();
        Map<String, Digest> files = new LinkedHashMap<>();
        Manifest manifest = null;
        for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
            String name = entry.getName();
            if (manifest != null) {
                throw new IOException("清单之后还有条目 / entry " + name + " follows the manifest");
            } else if (name.equals(BackupArchive.MANIFEST)) {
                manifest = BackupArchive.JSON.readValue(zip.readAllBytes(), Manifest.class);
            } else if (name.startsWith(BackupArchive.TABLES) && name.endsWith(".tsv")) {
                String table = name.substring(BackupArchive.TABLES.length(), name.length() - 4);
                TableEntry entryTable = expected.get(table);
                if (entryTable == null || tables.containsKey(table)) {
                    throw new IOException("备份中有未知或重复的表 / unknown or repeated table in the archive: " + table);
                }
                if (!entryTable.columns().equals(schema.get(table))) {
                    throw new IOException("表 " + table + " 的列与迁移后的库不一致 / the columns of " + table
                            + " differ: archive " + entryTable.columns() + ", database " + schema.get(table));
                }
                Set<String> missing = minus(parents.getOrDefault(table, Set.of()), tables.keySet());
                if (!missing.isEmpty()) {
                    throw new IOException("表 " + table + " 先于其外键引用的表 " + missing + " / table " + table
                            + " comes before the tables its foreign keys reference: " + missing);
                }
                BackupArchive.Hashing hashing = new BackupArchive.Hashing(zip);
                long rows = copy.copyIn("copy " + DatabaseCatalog.quote(table) + " ("
                        + DatabaseCatalog.columnList(entryTable.columns()) + ") from stdin", hashing);
                hashing.transferTo(OutputStream.nullOutputStream()); // COPY stops at its end marker, if any
                tables.put(table, new Digest(rows, BackupArchive.hex(hashing.digest)));
            } else if (name.startsWith(BackupArchive.FILES) && !entry.isDirectory()) {
                String relative = name.substring(BackupArchive.FILES.length());
                files.put(relative, writeFile(relative));
            } else {
                throw new IOException("备份中有无法识别的条目 / unexpected entry in the archive: " + name);
            }
        }
        verify(manifest, contents, tables, files);
        setSequences(c, contents.sequences());
        return manifest;
    }

    /** Migrations may insert reference rows; the archive holds them too, as they were when it was written. They
     * are deleted children first (TRUNCATE would have to name every referencing table, and the audit tables
     * refuse it even when empty). */
    private static void removeMigrationRows(Connection c, List<String> loadOrder) throws SQLException {
        try (Statement s = c.createStatement()) {
            for (String table : loadOrder.reversed()) {
                try (var rs = s.executeQuery("select exists (select from " + DatabaseCatalog.quote(table) + ")")) {
                    rs.next();
                    if (rs.getBoolean(1)) {
                        s.executeUpdate("delete from " + DatabaseCatalog.quote(table));
                    }
                }
            }
        }
    }

    private Digest writeFile(String relative) throws IOException {
        Path target = filesRoot.resolve(relative).normalize();
        if (relative.isEmpty() || !target.startsWith(filesRoot) || target.equals(filesRoot)) {
            throw new IOException("备份中的文件路径不合法 / illegal file path in the archive: " + relative);
        }
        Files.createDirectories(target.getParent());
        Path temp = Files.createTempFile(target.getParent(), "restore-", ".tmp");
        BackupArchive.Hashing hashing = new BackupArchive.Hashing(zip);
        try (OutputStream out = Files.newOutputStream(temp)) {
            hashing.transferTo(out);
        }
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        written.add(target);
        return new Digest(hashing.bytes, BackupArchive.hex(hashing.digest));
    }

    private void verify(Manifest manifest, Contents contents, Map<String, Digest> tables, Map<String, Digest> files)
            throws IOException {
        if (manifest == null) {
            throw new IOException("备份文件缺少清单 / the archive has no manifest");
        }
        if (!contentsSha256.equals(manifest.contentsSha256())) {
            throw new IOException("备份目录的哈希与清单不符 / the contents entry does not match the manifest");
        }
        if (tables.size() != contents.tables().size()) {
            throw new IOException("备份缺少表 / tables missing from the archive: "
                    + minus(contents.tables().stream().map(TableEntry::name).collect(Collectors.toSet()), tables.keySet()));
        }
        List<String> wrong = new ArrayList<>();
        compare("table", manifest.tables(), tables, wrong);
        compare("file", manifest.files(), files, wrong);
        if (!wrong.isEmpty()) {
            throw new IOException("备份内容与清单不符 / the archive does not match its manifest: " + wrong);
        }
    }

    private static void compare(String kind, Map<String, Digest> listed, Map<String, Digest> found, List<String> wrong) {
        for (String name : union(listed.keySet(), found.keySet())) {
            Digest l = listed.get(name);
            Digest f = found.get(name);
            if (l == null || !l.equals(f)) {
                wrong.add(kind + " " + name + ": manifest " + l + ", archive " + f);
            }
        }
    }

    private static void setSequences(Connection c, Map<String, DatabaseCatalog.Sequence> sequences) throws SQLException {
        try (var s = c.prepareStatement("select setval(?::regclass, ?, ?)")) {
            for (var e : sequences.entrySet()) {
                s.setString(1, DatabaseCatalog.quote(e.getKey()));
                s.setLong(2, e.getValue().lastValue());
                s.setBoolean(3, e.getValue().called());
                s.executeQuery().close();
            }
        }
    }

    /** After a failed restore the file folder is left as empty as it was found. */
    void removeWrittenFiles() {
        for (Path p : written) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException ignored) {
                // best effort: the restore's own error is what the operator must see
            }
        }
    }

    private static Set<String> minus(Set<String> a, Set<String> b) {
        Set<String> rest = new HashSet<>(a);
        rest.removeAll(b);
        return rest;
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new TreeSet<>(a);
        all.addAll(b);
        return all;
    }
}
