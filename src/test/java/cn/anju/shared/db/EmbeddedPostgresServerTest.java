package cn.anju.shared.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The embedded server keeps data across restarts, is durable, recovers from stale or orphaned state, and asks
 * every login for a password, also on a data directory from before it did. */
class EmbeddedPostgresServerTest {

    @TempDir
    Path tmp;

    @Test
    void keepsDataAcrossStopAndStartWithDurableSettings() throws Exception {
        Path dir = tmp.resolve("pg");
        EmbeddedPostgresServer first = EmbeddedPostgresServer.startOrGet(dir, 0, false);
        first.ensureDatabase("keep");
        try (Connection c = connect(first, "keep", first.credentials().owner())) {
            c.createStatement().execute("create table t (v text)");
            c.createStatement().execute("insert into t values ('安居')");
            assertThat(setting(c, "synchronous_commit")).isEqualTo("on");
            assertThat(setting(c, "fsync")).isEqualTo("on");
        }
        first.stop();

        EmbeddedPostgresServer second = EmbeddedPostgresServer.startOrGet(dir, 0, false);
        try (Connection c = connect(second, "keep", second.credentials().app())) {
            var rs = c.createStatement().executeQuery("select v from t");
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("安居");
        } finally {
            second.stop();
        }
    }

    @Test
    void stopsAnOrphanedPostmasterThatHoldsTheDirectory() throws Exception {
        Path dir = tmp.resolve("orphan");
        EmbeddedPostgresServer abandoned = EmbeddedPostgresServer.startOrGet(dir, 0, false);
        long orphanPid = Long.parseLong(Files.readAllLines(dir.resolve("postmaster.pid")).getFirst().trim());
        // What a kill -9 of the JVM leaves behind: a live postmaster nobody in this JVM knows about.
        EmbeddedPostgresServer.forgetForTest(abandoned);

        DataDirectoryGuard.stopOrphanedPostmaster(dir.toAbsolutePath());

        assertThat(ProcessHandle.of(orphanPid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
        assertThat(dir.resolve("postmaster.pid")).doesNotExist();
        // Starting again on this directory after a real kill -9 is proven by ForkedPlatformIT, in a fresh JVM.
    }

    @Test
    void aStalePidFileNamingSomeoneElsesProcessIsRemovedAndTheProcessLeftAlone() throws Exception {
        Path dir = tmp.resolve("stale");
        EmbeddedPostgresServer server = EmbeddedPostgresServer.startOrGet(dir, 0, false);
        server.stop();
        // The pid in the file now belongs to another process (here: this JVM), as happens after a reboot.
        long unrelated = ProcessHandle.current().pid();
        Files.writeString(dir.resolve("postmaster.pid"), unrelated + "\n" + dir.toAbsolutePath() + "\n");

        EmbeddedPostgresServer again = EmbeddedPostgresServer.startOrGet(dir, 0, false);

        assertThat(ProcessHandle.current().isAlive()).isTrue();
        again.ensureDatabase("stale_ok");
        again.stop();
    }

    @Test
    void asksForPasswordsKeptInFilesOnlyItsOwnerCanRead() throws Exception {
        Path dir = tmp.resolve("passwords");
        EmbeddedPostgresServer server = EmbeddedPostgresServer.startOrGet(dir, 0, false);
        try {
            for (String role : List.of("postgres", "anju_owner", "anju_app")) {
                Path file = EmbeddedCredentials.file(dir.toAbsolutePath(), role);
                assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
            }
            assertThatThrownBy(() -> DriverManager.getConnection(server.jdbcUrl("postgres"), "postgres", ""))
                    .hasMessageContaining("password");
            assertThatThrownBy(() -> DriverManager.getConnection(server.jdbcUrl("postgres"), "postgres", "wrong"))
                    .hasMessageContaining("password authentication failed");
            try (Connection c = connect(server, "postgres", server.credentials().superuser())) {
                assertThat(query(c, "select auth_method from pg_hba_file_rules where type = 'host' limit 1"))
                        .isEqualTo("scram-sha-256");
                assertThat(query(c, "select rolpassword like 'SCRAM-SHA-256$%' from pg_authid where rolname = 'anju_app'"))
                        .isEqualTo("t");
            }
        } finally {
            server.stop();
        }
        // the next start reads the same files
        EmbeddedPostgresServer again = EmbeddedPostgresServer.startOrGet(dir, 0, false);
        try (Connection c = connect(again, "postgres", again.credentials().app())) {
            assertThat(query(c, "select current_user")).isEqualTo("anju_app");
        } finally {
            again.stop();
        }
    }

    /** A data directory the platform made before it used passwords: trust, everything owned by postgres. */
    @Test
    void aTrustingDataDirectoryFromBeforeIsUpgradedInPlaceAndKeepsItsData() throws Exception {
        Path dir = tmp.resolve("old");
        try (EmbeddedPostgres old = EmbeddedPostgres.builder().setDataDirectory(dir).setCleanDataDirectory(false)
                .setRegisterShutdownHook(false).start();
             Connection c = old.getPostgresDatabase().getConnection()) {
            c.createStatement().execute("create database anju encoding 'UTF8' template template0");
            try (Connection anju = old.getDatabase("postgres", "anju").getConnection()) {
                anju.createStatement().execute("create table note (id bigint generated always as identity primary key, v text)");
                anju.createStatement().execute("insert into note (v) values ('安居')");
            }
        }
        assertThat(EmbeddedCredentials.read(dir)).isEmpty();

        EmbeddedPostgresServer server = EmbeddedPostgresServer.startOrGet(dir, 0, false);
        try {
            server.ensureDatabase("anju");
            assertThat(Files.readString(dir.resolve("pg_hba.conf"))).startsWith(EmbeddedClusterSecurity.HBA_MARKER);
            assertThatThrownBy(() -> DriverManager.getConnection(server.jdbcUrl("anju"), "postgres", ""))
                    .hasMessageContaining("password");
            try (Connection c = connect(server, "anju", server.credentials().app())) {
                c.createStatement().execute("insert into note (v) values ('公租房')");
                assertThat(query(c, "select string_agg(v, ',' order by id) from note")).isEqualTo("安居,公租房");
                assertThat(query(c, "select pg_get_userbyid(relowner) from pg_class where relname = 'note'"))
                        .isEqualTo("anju_owner");
                assertThat(query(c, "select pg_get_userbyid(datdba) from pg_database where datname = 'anju'"))
                        .isEqualTo("anju_owner");
                assertThatThrownBy(() -> c.createStatement().execute("create table intruder (v text)"))
                        .hasMessageContaining("permission denied");
            }
        } finally {
            server.stop();
        }
    }

    private static Connection connect(EmbeddedPostgresServer server, String database, EmbeddedCredentials.Login login)
            throws Exception {
        return DriverManager.getConnection(server.jdbcUrl(database), login.user(), login.password());
    }

    private static String query(Connection c, String sql) throws Exception {
        var rs = c.createStatement().executeQuery(sql);
        rs.next();
        return rs.getString(1);
    }

    private static String setting(Connection c, String name) throws Exception {
        var rs = c.createStatement().executeQuery("show " + name);
        rs.next();
        return rs.getString(1);
    }

    /**
     * A command started beside a running platform (say {@code backup}) must not take the platform's postgres for an
     * orphan and stop it: while another live process holds the folder's lock it is refused; once that process is gone
     * (killed, so the operating system dropped its lock) the folder is free again.
     */
    @Test
    void aFolderHeldByAnotherLiveProcessIsRefusedAndFreeOnceItDies(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("pg");
        Path holder = tmp.resolve("Hold.java");
        Files.writeString(holder, """
                import java.nio.channels.FileChannel;
                import java.nio.file.*;
                class Hold {
                    public static void main(String[] a) throws Exception {
                        var lock = FileChannel.open(Path.of(a[0]), StandardOpenOption.CREATE, StandardOpenOption.WRITE).lock();
                        System.out.println("locked");
                        Thread.sleep(120_000);
                    }
                }
                """);
        Process other = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"), holder.toString(),
                tmp.resolve("pg.lock").toString()).redirectErrorStream(true).start();
        try (var out = new BufferedReader(new InputStreamReader(other.getInputStream()))) {
            assertThat(out.readLine()).isEqualTo("locked");
            assertThatThrownBy(() -> DataDirectoryGuard.hold(dir))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("数据目录正被运行中的平台使用");
        } finally {
            other.destroyForcibly().waitFor();
        }
        DataDirectoryGuard.hold(dir);
        DataDirectoryGuard.hold(dir); // again from this JVM: it holds it already
    }
}
