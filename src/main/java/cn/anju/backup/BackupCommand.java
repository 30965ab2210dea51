package cn.anju.backup;

import cn.anju.shared.PlatformCommand;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.nio.file.Path;

/**
 * {@code --anju.command=backup --to=FILE}: writes an encrypted backup of the database, the audit head and the
 * uploaded files to FILE. Exit 0 when written; 2 for a missing key, a missing {@code --to} or an existing file;
 * 1 when the backup failed (nothing is left under FILE then).
 */
@Component
class BackupCommand implements PlatformCommand {

    private final BackupWriter writer;
    private final String to;
    private final String key;

    BackupCommand(BackupWriter writer, @Value("${to:}") String to, @Value("${anju.backup.key:}") String key) {
        this.writer = writer;
        this.to = to;
        this.key = key;
    }

    public String name() {
        return "backup";
    }

    public int run() {
        if (to.isBlank()) {
            System.out.println("BACKUP REFUSED: 请用 --to=FILE 指明备份文件 / say where to write: --to=FILE");
            return 2;
        }
        try {
            BackupWriter.Result r = writer.write(Path.of(to), BackupKey.parse(key));
            System.out.printf("BACKUP WRITTEN: %s (%,d bytes): %d tables, %,d rows, %d files, schema version %s, "
                            + "audit head seq %d, %.1f s%n", r.file(), r.archiveBytes(), r.tables(), r.rows(), r.files(),
                    r.flywayVersion(), r.auditHead().seq(), r.took().toMillis() / 1000.0);
            return 0;
        } catch (IllegalStateException | IllegalArgumentException e) {
            System.out.println("BACKUP REFUSED: " + e.getMessage());
            return 2;
        } catch (IOException | RuntimeException e) {
            System.out.println("BACKUP FAILED: " + e.getMessage());
            return 1;
        }
    }
}
