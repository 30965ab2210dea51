package cn.anju.maintenance;

import cn.anju.shared.files.ContentTypes;
import cn.anju.shared.files.FileStore;
import cn.anju.shared.files.Upload;
import cn.anju.shared.web.ProblemException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;

/**
 * A work order's photos and documents: PDF, JPG or PNG by content, stored by SHA-256, verified on download. Files
 * already in the store (a patrol's photos) are carried over by their digest, not copied.
 */
@Component
class WorkOrderFiles {

    private final JdbcClient jdbc;
    private final FileStore files;
    private final Clock clock;
    private final long maxBytes;

    WorkOrderFiles(JdbcClient jdbc, FileStore files, Clock clock, @Value("${anju.files.max-document-size:10MB}") DataSize maxSize) {
        this.jdbc = jdbc;
        this.files = files;
        this.clock = clock;
        this.maxBytes = maxSize.toBytes();
    }

    /** Checks every file before anything is stored, so a bad one leaves nothing half-written. */
    void check(List<Upload> uploads) {
        for (Upload u : uploads) {
            if (!u.empty() && ContentTypes.sniffWithin(u.content(), maxBytes) == null) {
                throw ProblemException.badRequest("PHOTO_TYPE_REFUSED", "只接受 JPG、PNG 照片或 PDF 文件（按文件内容识别），每张不超过 "
                        + (maxBytes / 1024 / 1024) + " MB。");
            }
        }
    }

    void attach(long orderId, String stage, List<Upload> uploads, Long actorId) {
        check(uploads);
        for (Upload u : uploads) {
            if (u.empty()) {
                continue;
            }
            String type = ContentTypes.sniff(u.content());
            String name = u.safeName("photo");
            FileStore.StoredFile stored = files.store(u.content(), name, type);
            insert(orderId, stage, stored.key(), stored.sha256(), stored.size(), type, name, actorId);
        }
    }

    /** A file already in the store (a patrol's photo) joins the order as it is. */
    void carry(long orderId, String key, String sha256, long size, String contentType, String originalName, Long actorId) {
        insert(orderId, "REQUEST", key, sha256, size, contentType, originalName, actorId);
    }

    private void insert(long orderId, String stage, String key, String sha, long size, String type, String name, Long actorId) {
        jdbc.sql("""
                        insert into work_order_attachment (work_order_id, stage, file_key, sha256, size_bytes, content_type, original_name,
                               added_by, added_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(orderId, stage, key, sha, size, type, name, actorId, Timestamp.from(clock.instant())).update();
    }

    record Stored(String key, String sha256, String contentType, String originalName) {
    }

    Stored find(long orderId, long attachmentId) {
        return jdbc.sql("select file_key, sha256, content_type, original_name from work_order_attachment where id = ? and work_order_id = ?")
                .params(attachmentId, orderId).query((rs, n) -> new Stored(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .optional().orElseThrow(() -> ProblemException.notFound("ATTACHMENT_NOT_FOUND", "附件不存在。"));
    }

    byte[] read(Stored s) {
        try {
            return files.read(s.key());
        } catch (FileStore.FileIntegrityException e) {
            throw ProblemException.conflict("ATTACHMENT_INTEGRITY", "附件与登记的 SHA-256 摘要不符，可能已被篡改，请联系系统管理员。");
        }
    }
}
