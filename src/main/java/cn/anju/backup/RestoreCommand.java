package cn.anju.backup;

import java.io.IOException;
import java.nio.file.Path;

/**
 * {@code --anju.command=restore --from=FILE}: restores an archive into the configured database, which must be
 * empty (a new embedded data folder, or an empty external database), and the configured file and audit folders.
 * Exit 0 when restored and the audit chain verifies; 2 when refused (no key, no file, target not empty); 3 when
 * restored but the audit chain does not verify; 1 when the restore failed (rolled back).
 */
final class RestoreCommand {

    private final Restorer restorer;
    private final Restorer.Target target;
    private final String from;
    private final String key;

    RestoreCommand(Restorer restorer, Restorer.Target target, String from, String key) {
        this.restorer = restorer;
        this.target = target;
        this.from = from;
        this.key = key;
    }

    int run() {
        if (from == null || from.isBlank()) {
            System.out.println("RESTORE REFUSED: 请用 --from=FILE 指明备份文件 / say which archive: --from=FILE");
            return 2;
        }
        try {
            Restorer.Report r = restorer.restore(Path.of(from), BackupKey.parse(key), target);
            System.out.printf("RESTORED: %d tables, %,d rows, %d files, schema version %s, audit head seq %d, %.1f s%n",
                    r.tables(), r.rows(), r.files(), r.flywayVersion(), r.auditHead().seq(), r.took().toMillis() / 1000.0);
            System.out.println((r.intact() ? "AUDIT INTACT: " : "AUDIT BROKEN: ") + r.audit().message());
            return r.intact() ? 0 : 3;
        } catch (IllegalStateException | IllegalArgumentException e) {
            System.out.println("RESTORE REFUSED: " + e.getMessage());
            return 2;
        } catch (IOException | RuntimeException e) {
            System.out.println("RESTORE FAILED: " + e.getMessage());
            return 1;
        }
    }
}
