package cn.anju.shared.db;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;

import static org.assertj.core.api.Assertions.assertThat;

/** The embedded server keeps data across restarts, is durable, and recovers from stale or orphaned state. */
class EmbeddedPostgresServerTest {

    @TempDir
    Path tmp;

    @Test
    void keepsDataAcrossStopAndStartWithDurableSettings() throws Exception {
        Path dir = tmp.resolve("pg");
        EmbeddedPostgresServer first = EmbeddedPostgresServer.startOrGet(dir, 0, false);
        first.ensureDatabase("keep");
        try (Connection c = DriverManager.getConnection(first.jdbcUrl("keep"), "postgres", "")) {
            c.createStatement().execute("create table t (v text)");
            c.createStatement().execute("insert into t values ('安居')");
            assertThat(setting(c, "synchronous_commit")).isEqualTo("on");
            assertThat(setting(c, "fsync")).isEqualTo("on");
        }
        first.stop();

        EmbeddedPostgresServer second = EmbeddedPostgresServer.startOrGet(dir, 0, false);
        try (Connection c = DriverManager.getConnection(second.jdbcUrl("keep"), "postgres", "")) {
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

        EmbeddedPostgresServer.stopOrphanedPostmaster(dir.toAbsolutePath());

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

    private static String setting(Connection c, String name) throws Exception {
        var rs = c.createStatement().executeQuery("show " + name);
        rs.next();
        return rs.getString(1);
    }
}
