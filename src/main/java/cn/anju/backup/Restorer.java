package cn.anju.backup;

import cn.anju.audit.AuditVerifier;
import cn.anju.audit.ExternalChain;
import cn.anju.backup.BackupArchive.AuditHead;
import cn.anju.backup.BackupArchive.Contents;
import cn.anju.backup.BackupArchive.Digest;
import cn.anju.backup.BackupArchive.Manifest;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipInputStream;
import javax.sql.DataSource;

/**
 * Restores an archive into an empty database: refuses a database, file folder or audit folder that already holds
 * something; migrates the schema to the archive's Flyway version as the owner (so the application role gets its
 * grants exactly as at a normal start, and the audit tables stay append-only); loads every table in one
 * transaction ({@link ArchiveLoader}) and commits only when every hash and row count matches the manifest and the
 * archive's final chunk was read; then, as the application role, counts every table again and verifies the audit
 * chain and its head.
 */
public final class Restorer {

    private final String[] flywayLocations;

    public Restorer(String... flywayLocations) {
        this.flywayLocations = flywayLocations;
    }

    /**
     * Where to restore to.
     *
     * @param owner        a login that owns the schema (what Flyway migrates with)
     * @param app          the application's login, which must be able to work on the restored rows
     * @param filesRoot    the file store's folder, empty or missing
     * @param auditHeadDir the folder of the audit chain kept outside the database
     */
    public record Target(DataSource owner, DataSource app, Path filesRoot, Path auditHeadDir) {
    }

    public record Report(String flywayVersion, int tables, long rows, int files, AuditHead auditHead,
                         AuditVerifier.Verification audit, Duration took) {
        public boolean intact() {
            return audit.intact();
        }
    }

    public Report restore(Path archive, BackupKey key, Target target) throws IOException {
        long start = System.nanoTime();
        if (!Files.isRegularFile(archive)) {
            throw new IllegalArgumentException("备份文件不存在 / no backup file at " + archive.toAbsolutePath());
        }
        refuseNonEmpty(target);
        ExternalChain external = new ExternalChain(target.auditHeadDir());
        Manifest manifest;
        Contents contents;
        try (InputStream plain = BackupCipher.decrypt(new BufferedInputStream(Files.newInputStream(archive), 1 << 16), key);
             ZipInputStream zip = new ZipInputStream(plain)) {
            ArchiveLoader loader = new ArchiveLoader(zip, target.filesRoot());
            contents = loader.readContents();
            refuseLongerExternalChain(external, contents.auditHead());
            migrate(target.owner(), contents.flywayVersion());
            try (Connection c = target.owner().getConnection()) {
                c.setAutoCommit(false);
                try {
                    manifest = loader.load(c, contents);
                    // the ZIP ends before the encryption does: read on to the final chunk, or it was cut short
                    plain.transferTo(OutputStream.nullOutputStream());
                    c.commit();
                } catch (IOException | SQLException | RuntimeException e) {
                    c.rollback();
                    loader.removeWrittenFiles();
                    throw e;
                }
            }
        } catch (SQLException e) {
            throw new IOException("恢复失败，数据库未作改动 / the restore failed and was rolled back: " + e.getMessage(), e);
        }
        JdbcClient app = JdbcClient.create(target.app());
        checkRowCountsAsApplication(app, manifest);
        AuditVerifier.Verification audit = new AuditVerifier(app, external).verify();
        checkAuditHead(app, contents.auditHead());
        long rows = manifest.tables().values().stream().mapToLong(Digest::count).sum();
        return new Report(contents.flywayVersion(), manifest.tables().size(), rows, manifest.files().size(),
                contents.auditHead(), audit, Duration.ofNanos(System.nanoTime() - start));
    }

    private static void refuseNonEmpty(Target target) throws IOException {
        try (Connection c = target.owner().getConnection()) {
            long relations = DatabaseCatalog.relationCount(c);
            if (relations > 0) {
                throw new IllegalStateException("目标数据库不为空（已有 " + relations + " 个表或序列），恢复只写入空库；"
                        + "请新建数据目录或空数据库 / the target database is not empty (" + relations + " tables or "
                        + "sequences): restore only into a new data folder or an empty database (after a failed "
                        + "restore, drop and recreate it)");
            }
        } catch (SQLException e) {
            throw new IOException("无法连接目标数据库 / cannot open the target database: " + e.getMessage(), e);
        }
        if (Files.isDirectory(target.filesRoot())) {
            try (Stream<Path> walk = Files.walk(target.filesRoot())) {
                if (walk.anyMatch(Files::isRegularFile)) {
                    throw new IllegalStateException("文件目录不为空 / the file folder " + target.filesRoot()
                            + " is not empty: restore into a new folder (anju.files.root)");
                }
            }
        }
    }

    /** A chain file longer than the archive's would call the restored database truncated forever after. */
    private static void refuseLongerExternalChain(ExternalChain external, AuditHead head) {
        long outside = external.lastSeq();
        if (outside > head.seq()) {
            throw new IllegalStateException("审计链外部文件（" + external.dir() + "）比备份多 " + (outside - head.seq())
                    + " 环：请将该目录移走保存（它证明备份之后的审计记录），或为恢复指定新的 anju.audit.head-dir / the "
                    + "audit folder " + external.dir() + " holds a chain " + (outside - head.seq()) + " links longer "
                    + "than the archive's: move it aside and keep it, or point anju.audit.head-dir to a new folder");
        }
    }

    private void migrate(DataSource owner, String version) {
        try {
            Flyway.configure().dataSource(owner).locations(flywayLocations).target(version).load().migrate();
        } catch (FlywayException e) {
            throw new IllegalStateException("无法将数据库迁移到备份的版本 " + version + "（备份来自更新的平台版本？）/ "
                    + "could not migrate the schema to the archive's version " + version + ": " + e.getMessage(), e);
        }
        try (Connection c = owner.getConnection()) {
            String reached = DatabaseCatalog.flywayVersion(c);
            if (!reached.equals(version)) {
                throw new IllegalStateException("备份的数据库版本为 " + version + "，本平台只能迁移到 " + reached
                        + "：请用写出该备份的平台版本恢复 / the archive is at schema version " + version
                        + " but this platform reaches " + reached + ": restore with the version that wrote it");
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void checkRowCountsAsApplication(JdbcClient app, Manifest manifest) {
        List<String> wrong = new ArrayList<>();
        manifest.tables().forEach((table, digest) -> {
            long rows = app.sql("select count(*) from " + DatabaseCatalog.quote(table)).query(Long.class).single();
            if (rows != digest.count()) {
                wrong.add(table + " " + rows + " ≠ " + digest.count());
            }
        });
        if (!wrong.isEmpty()) {
            throw new IllegalStateException("恢复后的行数与清单不符 / row counts after the restore differ: " + wrong);
        }
    }

    private static void checkAuditHead(JdbcClient app, AuditHead head) {
        AuditHead restored = app.sql("select seq, audit_id, chain_hash from audit_head")
                .query((rs, n) -> new AuditHead(rs.getLong(1), rs.getLong(2), rs.getString(3))).optional()
                .orElse(new AuditHead(0, 0, null));
        if (!restored.equals(head)) {
            throw new IllegalStateException("恢复后的审计链末端与备份不符 / the restored audit head " + restored
                    + " is not the archive's " + head);
        }
    }
}
