package cn.anju.backup;

import cn.anju.audit.AuditSealer;
import cn.anju.audit.AuditVerifier;
import cn.anju.audit.ExternalChain;
import cn.anju.shared.db.EmbeddedPostgresServer;
import cn.anju.support.PlatformTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The demo data backed up and restored into a fresh database: every table's row count and ordered checksum, every
 * sequence and every file alike, the application's role at work on the restored rows, and the audit chain intact.
 * Archives that were altered or cut short, a restore into a database that holds something, and a backup without a
 * key are refused. Backup and restore times and the archive's size go to target/backup-measurements.txt.
 */
@PlatformTest
class BackupRestoreTest {

    static final AtomicInteger DATABASES = new AtomicInteger();
    static final String KEY = randomKey();

    @Autowired BackupWriter writer;
    @Autowired AuditSealer sealer;
    @Autowired JdbcClient jdbc;
    @Autowired EmbeddedPostgresServer server;
    @Value("${anju.files.root}") Path filesRoot;
    @TempDir Path temp;

    @Test
    void theDemoRestoresIntoAFreshDatabaseWithEveryTableSequenceAndFileAlike() throws Exception {
        Quiet quiet = backUpWhileQuiet("demo");
        Fingerprint before = quiet.before();
        Path archive = quiet.archive();
        BackupWriter.Result backup = quiet.result();
        assertThat(backup.rows()).isEqualTo(before.rows());
        assertThat(backup.files()).isEqualTo(before.files().size()).isPositive();
        assertThat(new String(Files.readAllBytes(archive), StandardCharsets.ISO_8859_1))
                .as("the archive is encrypted: no table name shows").doesNotContain("audit_log");

        Target target = freshDatabase();
        Restorer.Report report = new Restorer("classpath:db/migration").restore(archive, BackupKey.parse(KEY), target.target());

        assertThat(report.intact()).as(report.audit().message()).isTrue();
        assertThat(report.audit().checkedRows()).isEqualTo(backup.auditHead().seq()).isPositive();
        assertThat(report.flywayVersion()).isEqualTo(backup.flywayVersion());
        Fingerprint after = Fingerprint.of(target.app(), target.target().filesRoot());
        assertThat(after.tables()).isEqualTo(before.tables());
        assertThat(after.sequences()).isEqualTo(before.sequences());
        assertThat(after.files()).isEqualTo(before.files());

        // audit-verify on the restored database, as the platform's own role with the chain kept outside it
        AuditVerifier.Verification verified = new AuditVerifier(target.app(),
                new ExternalChain(target.target().auditHeadDir())).verify();
        assertThat(verified.intact()).as(verified.message()).isTrue();
        // the application's role works there as anywhere: it appends audit rows but may not change one
        target.app().sql("insert into audit_log (occurred_at, action, outcome, summary) values (now(), 'RESTORE_CHECK', "
                + "'SUCCESS', '{}')").update();
        assertThatThrownBy(() -> target.app().sql("update audit_log set action = 'X'").update())
                .rootCause().hasMessageContaining("permission denied");

        Files.writeString(Path.of("target", "backup-measurements.txt"), String.format(
                "demo backup: %d tables, %,d rows, %d files -> %,d bytes encrypted archive; backup %.1f s, restore "
                        + "(migrate + load + verify) %.1f s%n", backup.tables(), backup.rows(), backup.files(),
                backup.archiveBytes(), backup.took().toMillis() / 1000.0, report.took().toMillis() / 1000.0));
    }

    @Test
    void anAlteredOrTruncatedArchiveIsRefusedAndLeavesNothingBehind() throws Exception {
        Path archive = temp.resolve("altered.anjubak");
        writer.write(archive, BackupKey.parse(KEY));
        byte[] bytes = Files.readAllBytes(archive);

        Path altered = temp.resolve("altered-byte.anjubak");
        byte[] changed = bytes.clone();
        assertThat(bytes.length).as("several chunks, so the damage is found after the tables are loaded")
                .isGreaterThan(BackupCipher.CHUNK);
        changed[bytes.length - 50] ^= 0x20;
        Files.write(altered, changed);
        Target first = freshDatabase();
        assertThatThrownBy(() -> new Restorer("classpath:db/migration").restore(altered, BackupKey.parse(KEY), first.target()))
                .hasMessageContaining("篡改");
        assertThat(first.app().sql("select count(*) from audit_log").query(Long.class).single())
                .as("rolled back").isZero();
        assertThat(Fingerprint.of(first.app(), first.target().filesRoot()).files()).as("no file left").isEmpty();

        Path truncated = temp.resolve("truncated.anjubak");
        Files.write(truncated, Arrays.copyOf(bytes, bytes.length - 100));
        Target second = freshDatabase();
        assertThatThrownBy(() -> new Restorer("classpath:db/migration").restore(truncated, BackupKey.parse(KEY),
                second.target())).hasMessageContaining("截断");
        assertThat(second.app().sql("select count(*) from audit_log").query(Long.class).single()).isZero();

        Target third = freshDatabase();
        assertThatThrownBy(() -> new Restorer("classpath:db/migration").restore(archive, BackupKey.parse(randomKey()),
                third.target())).hasMessageContaining("密钥不符");
    }

    @Test
    void aDatabaseOrFileFolderThatHoldsSomethingIsNotRestoredInto() throws Exception {
        Path archive = temp.resolve("full.anjubak");
        writer.write(archive, BackupKey.parse(KEY));
        Target used = freshDatabase();
        used.owner().sql("create table leftover (id int)").update();
        assertThatThrownBy(() -> new Restorer("classpath:db/migration").restore(archive, BackupKey.parse(KEY), used.target()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("目标数据库不为空");

        Target filesThere = freshDatabase();
        Files.createDirectories(filesThere.target().filesRoot().resolve("ab"));
        Files.writeString(filesThere.target().filesRoot().resolve("ab/old"), "x");
        assertThatThrownBy(() -> new Restorer("classpath:db/migration").restore(archive, BackupKey.parse(KEY),
                filesThere.target())).hasMessageContaining("文件目录不为空");
        assertThat(DatabaseCatalogCount.relations(filesThere.owner())).as("refused before migrating").isZero();
    }

    @Test
    void aBackupWithoutAKeyOrWithoutADestinationIsRefused() {
        Path file = temp.resolve("nokey.anjubak");
        assertThat(new BackupCommand(writer, file.toString(), "").run()).isEqualTo(2);
        assertThat(file).doesNotExist();
        assertThat(new BackupCommand(writer, "", KEY).run()).isEqualTo(2);
        assertThat(new BackupCommand(writer, file.toString(), KEY).run()).isZero();
        assertThat(file).exists();
        assertThat(new BackupCommand(writer, file.toString(), KEY).run()).as("an archive is never overwritten").isEqualTo(2);
    }

    @Test
    void theRestoreCommandFillsANewDataFolderAndRefusesWithoutAKey() throws Exception {
        Quiet quiet = backUpWhileQuiet("command");
        Fingerprint before = quiet.before();
        Path archive = quiet.archive();
        Path data = temp.resolve("restored-data");
        String[] args = {"--anju.command=restore", "--from=" + archive,
                "--anju.embedded-db.data-dir=" + data.resolve("postgres"), "--anju.files.root=" + data.resolve("files"),
                "--anju.audit.head-dir=" + data.resolve("audit")};

        assertThat(RestoreApplication.run(args)).as("no key: refused").isEqualTo(2);
        String[] withKey = Arrays.copyOf(args, args.length + 1);
        withKey[args.length] = "--anju.backup.key=" + KEY;
        assertThat(RestoreApplication.run(withKey)).isZero();
        assertThat(RestoreApplication.run(withKey)).as("a second restore finds the database filled").isEqualTo(2);

        EmbeddedPostgresServer restored = EmbeddedPostgresServer.startOrGet(data.resolve("postgres"), 0, false);
        try {
            JdbcClient app = JdbcClient.create(new DriverManagerDataSource(restored.jdbcUrl("anju"),
                    restored.credentials().app().user(), restored.credentials().app().password()));
            assertThat(Fingerprint.of(app, data.resolve("files"))).isEqualTo(before);
        } finally {
            restored.release();
        }
    }

    /**
     * A backup during which nothing else wrote (the fingerprint before equals the one after), so that the restored
     * database must equal that fingerprint; a job or listener of an earlier test still writing means another try.
     */
    Quiet backUpWhileQuiet(String name) throws Exception {
        for (int attempt = 1; ; attempt++) {
            sealer.seal();
            Fingerprint before = Fingerprint.of(jdbc, filesRoot);
            Path archive = temp.resolve(name + "-" + attempt + ".anjubak");
            BackupWriter.Result result = writer.write(archive, BackupKey.parse(KEY));
            Fingerprint after = Fingerprint.of(jdbc, filesRoot);
            if (after.equals(before) || attempt == 3) {
                assertThat(after).as("nothing else wrote while the demo was backed up").isEqualTo(before);
                return new Quiet(archive, before, result);
            }
        }
    }

    record Quiet(Path archive, Fingerprint before, BackupWriter.Result result) {
    }

    /** A new, empty database on the tests' embedded server, with the platform's two logins. */
    Target freshDatabase() {
        String name = "restore_" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet();
        server.ensureDatabase(name);
        var owner = new DriverManagerDataSource(server.jdbcUrl(name), server.credentials().owner().user(),
                server.credentials().owner().password());
        var app = new DriverManagerDataSource(server.jdbcUrl(name), server.credentials().app().user(),
                server.credentials().app().password());
        return new Target(new Restorer.Target(owner, app, temp.resolve(name + "/files"), temp.resolve(name + "/audit")),
                JdbcClient.create(owner), JdbcClient.create(app));
    }

    record Target(Restorer.Target target, JdbcClient owner, JdbcClient app) {
    }

    static final class DatabaseCatalogCount {
        static long relations(JdbcClient jdbc) {
            return jdbc.sql("select count(*) from pg_class c join pg_namespace n on n.oid = c.relnamespace "
                    + "where n.nspname = current_schema() and c.relkind in ('r', 'S')").query(Long.class).single();
        }
    }

    static String randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }
}
