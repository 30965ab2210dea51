package cn.anju.backup;

import cn.anju.audit.AuditSealer;
import cn.anju.backup.BackupArchive.AuditHead;
import cn.anju.backup.BackupArchive.Contents;
import cn.anju.backup.BackupArchive.Digest;
import cn.anju.backup.BackupArchive.Manifest;
import cn.anju.backup.BackupArchive.TableEntry;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.sql.DataSource;

/**
 * Writes an encrypted backup archive ({@link BackupArchive}) as a stream: every table from one
 * {@code REPEATABLE READ, READ ONLY} snapshot with {@code COPY ... TO STDOUT}, then the uploaded files. Nothing is
 * held in memory but one chunk; the archive appears under its name only when complete (written as
 * {@code .part} first), readable by its owner only.
 */
@Component
public class BackupWriter {

    private final DataSource dataSource;
    private final AuditSealer sealer;
    private final Path filesRoot;
    private final Clock clock;

    BackupWriter(DataSource dataSource, AuditSealer sealer, @Value("${anju.files.root:data/files}") Path filesRoot,
                 Clock clock) {
        this.dataSource = dataSource;
        this.sealer = sealer;
        this.filesRoot = filesRoot.toAbsolutePath().normalize();
        this.clock = clock;
    }

    /** What was written, for the operator's output and the nightly job's log (no personal data in it). */
    public record Result(Path file, long archiveBytes, int tables, long rows, int files, String flywayVersion,
                         AuditHead auditHead, Duration took) {
    }

    public Result write(Path target, BackupKey key) throws IOException {
        Path file = target.toAbsolutePath().normalize();
        if (Files.exists(file)) {
            throw new IllegalArgumentException("备份文件已存在，不会覆盖 / the backup file already exists and is not "
                    + "overwritten: " + file);
        }
        long start = System.nanoTime();
        // audit rows still waiting are chained first, so that the archive's audit head covers them
        sealer.seal();
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        Path part = file.resolveSibling(file.getFileName() + ".part");
        Files.deleteIfExists(part);
        Files.createFile(part, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Snapshot snapshot;
        Manifest manifest;
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(part), 1 << 16);
             ZipOutputStream zip = new ZipOutputStream(BackupCipher.encrypt(out, key))) {
            Map<String, Digest> tables = new LinkedHashMap<>();
            snapshot = writeDatabase(zip, tables);
            Map<String, Digest> files = writeFiles(zip);
            manifest = new Manifest(snapshot.contentsSha256(), tables, files);
            entry(zip, BackupArchive.MANIFEST);
            zip.write(BackupArchive.JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest));
            zip.closeEntry();
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(part);
            throw e;
        }
        try (var channel = FileChannel.open(part, StandardOpenOption.WRITE)) {
            channel.force(true); // on disk before it carries the final name
        }
        Files.move(part, file, StandardCopyOption.ATOMIC_MOVE);
        long rows = manifest.tables().values().stream().mapToLong(Digest::count).sum();
        return new Result(file, Files.size(file), manifest.tables().size(), rows, manifest.files().size(),
                snapshot.contents().flywayVersion(), snapshot.contents().auditHead(), Duration.ofNanos(System.nanoTime() - start));
    }

    private record Snapshot(Contents contents, String contentsSha256) {
    }

    private Snapshot writeDatabase(ZipOutputStream zip, Map<String, Digest> digests) throws IOException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            c.setReadOnly(true);
            try {
                return writeSnapshot(c, zip, digests);
            } finally {
                c.rollback();
            }
        } catch (SQLException e) {
            throw new IOException("数据库备份失败 / could not read the database for the backup: " + e.getMessage(), e);
        }
    }

    private Snapshot writeSnapshot(Connection c, ZipOutputStream zip, Map<String, Digest> digests)
            throws SQLException, IOException {
        // the snapshot is taken at the transaction's first statement: everything below sees the same instant
        List<DatabaseCatalog.Table> tables = DatabaseCatalog.tablesInLoadOrder(c);
        Contents contents = new Contents(BackupArchive.FORMAT, clock.instant().toString(),
                DatabaseCatalog.flywayVersion(c), auditHead(c),
                tables.stream().map(t -> new TableEntry(t.name(), t.columns())).toList(),
                DatabaseCatalog.sequences(c));
        byte[] contentsJson = BackupArchive.JSON.writeValueAsBytes(contents);
        entry(zip, BackupArchive.CONTENTS);
        zip.write(contentsJson);
        zip.closeEntry();
        CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
        for (DatabaseCatalog.Table table : tables) {
            entry(zip, BackupArchive.tableEntry(table.name()));
            BackupArchive.Counting counting = new BackupArchive.Counting(zip);
            copy.copyOut("copy (" + table.selectAll() + ") to stdout", counting);
            zip.closeEntry();
            digests.put(table.name(), counting.result(true));
        }
        return new Snapshot(contents, sha256(contentsJson));
    }

    /** The chain's last link in this snapshot: what a restore must end at. Read through the view the audit module
     * publishes (a backup copies every table, but names none). */
    private static AuditHead auditHead(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "select seq, audit_id, chain_hash from audit_head");
             ResultSet rs = s.executeQuery()) {
            return rs.next() ? new AuditHead(rs.getLong(1), rs.getLong(2), rs.getString(3)) : new AuditHead(0, 0, null);
        }
    }

    /** Every stored file, by its path under the root; files are only ever added, so the ones the snapshot names
     * are all there. */
    private Map<String, Digest> writeFiles(ZipOutputStream zip) throws IOException {
        Map<String, Digest> files = new LinkedHashMap<>();
        if (!Files.isDirectory(filesRoot)) {
            return files;
        }
        List<Path> paths;
        try (Stream<Path> walk = Files.walk(filesRoot)) {
            paths = walk.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().endsWith(".tmp"))
                    .sorted().toList();
        }
        for (Path path : paths) {
            String name = filesRoot.relativize(path).toString().replace('\\', '/');
            entry(zip, BackupArchive.FILES + name);
            BackupArchive.Counting counting = new BackupArchive.Counting(zip);
            try (InputStream in = Files.newInputStream(path)) {
                in.transferTo(counting);
            }
            zip.closeEntry();
            files.put(name, counting.result(false));
        }
        return files;
    }

    private void entry(ZipOutputStream zip, String name) throws IOException {
        ZipEntry entry = new ZipEntry(name);
        entry.setTime(clock.millis());
        zip.putNextEntry(entry);
    }

    private static String sha256(byte[] bytes) {
        var digest = BackupArchive.sha256();
        digest.update(bytes);
        return BackupArchive.hex(digest);
    }
}
