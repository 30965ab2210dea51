package cn.anju.backup;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Stream;

/**
 * The nightly backup: at {@code anju.backup.cron} (02:30 Beijing time by default) one node (ShedLock) writes
 * {@code anju-backup-<yyyyMMdd-HHmmss>.anjubak} into {@code anju.backup.dir} and deletes all but the newest
 * {@code anju.backup.keep}. Without a backup key it does nothing, and says so once at start-up.
 */
@Component
public class NightlyBackup {

    private static final Logger log = LoggerFactory.getLogger(NightlyBackup.class);
    static final String PREFIX = "anju-backup-";
    static final String SUFFIX = ".anjubak";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final BackupWriter writer;
    private final String key;
    private final Path dir;
    private final int keep;
    private final Clock clock;

    NightlyBackup(BackupWriter writer, @Value("${anju.backup.key:}") String key,
                  @Value("${anju.backup.dir:data/backups}") Path dir, @Value("${anju.backup.keep:7}") int keep,
                  Clock clock) {
        if (keep < 1) {
            throw new IllegalArgumentException("anju.backup.keep 至少为 1 / must be at least 1, not " + keep);
        }
        this.writer = writer;
        this.key = key;
        this.dir = dir.toAbsolutePath().normalize();
        this.keep = keep;
        this.clock = clock;
        if (!BackupKey.isConfigured(key)) {
            log.warn("夜间备份未启用：未配置备份密钥 / nightly backup off: no backup key (set ANJU_BACKUP_KEY)");
        }
    }

    @Scheduled(cron = "${anju.backup.cron:0 30 2 * * *}", zone = "${anju.zone}")
    @SchedulerLock(name = "nightly-backup", lockAtMostFor = "PT6H", lockAtLeastFor = "PT1M")
    public void nightly() {
        if (!BackupKey.isConfigured(key)) {
            return;
        }
        try {
            BackupWriter.Result r = runOnce();
            log.info("Nightly backup written: {} ({} bytes, {} tables, {} rows, {} files, {} ms)", r.file(),
                    r.archiveBytes(), r.tables(), r.rows(), r.files(), r.took().toMillis());
        } catch (IOException | RuntimeException e) {
            log.error("夜间备份失败 / nightly backup failed: {}", e.getMessage(), e);
        }
    }

    /** Writes one backup into the folder and prunes the old ones; returns what was written. */
    public BackupWriter.Result runOnce() throws IOException {
        BackupKey backupKey = BackupKey.parse(key);
        Files.createDirectories(dir);
        String name = PREFIX + STAMP.format(clock.instant().atZone(clock.getZone())) + SUFFIX;
        BackupWriter.Result result = writer.write(dir.resolve(name), backupKey);
        prune();
        return result;
    }

    /** Keeps the newest {@code keep} archives (their names sort by time) and drops what a crash left half-written. */
    void prune() throws IOException {
        List<Path> archives;
        try (Stream<Path> list = Files.list(dir)) {
            archives = list.filter(p -> p.getFileName().toString().startsWith(PREFIX)).sorted().toList();
        }
        List<Path> complete = archives.stream().filter(p -> p.getFileName().toString().endsWith(SUFFIX)).toList();
        for (Path p : archives) {
            boolean stalePart = p.getFileName().toString().endsWith(SUFFIX + ".part");
            boolean old = complete.indexOf(p) >= 0 && complete.indexOf(p) < complete.size() - keep;
            if (stalePart || old) {
                Files.deleteIfExists(p);
                log.info("Backup removed: {}", p.getFileName());
            }
        }
    }

    Path dir() {
        return dir;
    }
}
