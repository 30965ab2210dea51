/**
 * Backups (MLPS 2.0 level 3 数据备份与恢复): a consistent, encrypted logical backup of the whole database, the
 * uploaded files and the audit head ({@code --anju.command=backup --to=FILE}, and nightly), and its restore into an
 * empty database ({@code --anju.command=restore --from=FILE}) with every hash, row count and the audit chain
 * verified. The archive format is described in docs/backups.md and {@link cn.anju.backup.BackupCipher}.
 */
@ApplicationModule(displayName = "Backups",
        allowedDependencies = {"shared", "audit::api"})
package cn.anju.backup;

import org.springframework.modulith.ApplicationModule;
