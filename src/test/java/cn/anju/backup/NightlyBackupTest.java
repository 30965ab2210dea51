package cn.anju.backup;

import cn.anju.support.PlatformTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The nightly job writes a dated archive into its folder, keeps the newest N and clears what a crash left. */
@PlatformTest
class NightlyBackupTest {

    @Autowired BackupWriter writer;
    @Autowired Clock clock;
    @TempDir Path dir;

    @Test
    void writesADatedArchiveAndKeepsTheNewestN() throws Exception {
        Files.writeString(dir.resolve("anju-backup-20200101-023000.anjubak"), "old");
        Files.writeString(dir.resolve("anju-backup-20200102-023000.anjubak"), "older than the new one");
        Files.writeString(dir.resolve("anju-backup-20200103-023000.anjubak.part"), "a crash half-way");
        Files.writeString(dir.resolve("notes.txt"), "not ours: left alone");

        BackupWriter.Result result = new NightlyBackup(writer, BackupRestoreTest.KEY, dir, 2, clock).runOnce();

        assertThat(result.file().getFileName().toString()).matches("anju-backup-\\d{8}-\\d{6}\\.anjubak");
        try (Stream<Path> left = Files.list(dir)) {
            assertThat(left.map(p -> p.getFileName().toString()).sorted().toList()).containsExactly(
                    "anju-backup-20200102-023000.anjubak", result.file().getFileName().toString(), "notes.txt");
        }
    }

    @Test
    void withoutAKeyTheJobWritesNothingAndABadKeepIsRefused() throws Exception {
        new NightlyBackup(writer, "", dir, 7, clock).nightly();
        try (Stream<Path> left = Files.list(dir)) {
            assertThat(left).isEmpty();
        }
        assertThatThrownBy(() -> new NightlyBackup(writer, BackupRestoreTest.KEY, dir, 0, clock))
                .hasMessageContaining("anju.backup.keep");
    }
}
