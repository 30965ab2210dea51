package cn.anju.backup;

import java.util.Base64;

/**
 * The backup key: 32 random bytes from the environment ({@code ANJU_BACKUP_KEY}, base64), from which each archive
 * derives its own key. It is a different key from the personal-data keys, which never go into an archive.
 * {@link #toString()} never shows it.
 */
public final class BackupKey {

    static final String MISSING = "未配置备份密钥：请设置环境变量 ANJU_BACKUP_KEY（32 字节随机数的 base64，例如 "
            + "openssl rand -base64 32）/ no backup key: set ANJU_BACKUP_KEY (property anju.backup.key) to the base64 of "
            + "32 random bytes";

    private final byte[] bytes;

    private BackupKey(byte[] bytes) {
        this.bytes = bytes;
    }

    /** Parses the configured value; a missing or malformed key is refused with a message that says what to set. */
    public static BackupKey parse(String base64) {
        if (base64 == null || base64.isBlank()) {
            throw new IllegalStateException(MISSING);
        }
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("备份密钥不是有效的 base64 / the backup key (ANJU_BACKUP_KEY) is not valid base64");
        }
        if (raw.length != 32) {
            throw new IllegalStateException("备份密钥长度应为 32 字节，实际为 " + raw.length + " 字节 / the backup key "
                    + "(ANJU_BACKUP_KEY) must decode to 32 bytes, not " + raw.length);
        }
        return new BackupKey(raw);
    }

    public static boolean isConfigured(String base64) {
        return base64 != null && !base64.isBlank();
    }

    byte[] bytes() {
        return bytes.clone();
    }

    @Override
    public String toString() {
        return "BackupKey[hidden]";
    }
}
