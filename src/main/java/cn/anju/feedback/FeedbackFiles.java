package cn.anju.feedback;

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

/** A case's attachments: photos (JPG, PNG) and PDF by content, stored by SHA-256 in the file store. */
@Component
class FeedbackFiles {

    private final JdbcClient jdbc;
    private final FileStore files;
    private final Clock clock;
    private final long maxBytes;

    FeedbackFiles(JdbcClient jdbc, FileStore files, Clock clock, @Value("${anju.files.max-document-size:10MB}") DataSize maxSize) {
        this.jdbc = jdbc;
        this.files = files;
        this.clock = clock;
        this.maxBytes = maxSize.toBytes();
    }

    /** Checks every file before anything is stored, so a bad one leaves nothing half-written. */
    void check(List<Upload> uploads) {
        if (uploads.size() > 9) {
            throw ProblemException.badRequest("FEEDBACK_ATTACHMENTS", "附件最多9个。");
        }
        for (Upload u : uploads) {
            if (!u.empty() && ContentTypes.sniffWithin(u.content(), maxBytes) == null) {
                throw ProblemException.badRequest("FEEDBACK_ATTACHMENT_TYPE", "附件只接受 JPG、PNG 照片或 PDF 文件（按文件内容识别），每个不超过 "
                        + (maxBytes / 1024 / 1024) + " MB。");
            }
        }
    }

    void attach(long caseId, List<Upload> uploads) {
        for (Upload u : uploads) {
            if (u.empty()) {
                continue;
            }
            String type = ContentTypes.sniff(u.content());
            String name = u.safeName("attachment");
            FileStore.StoredFile stored = files.store(u.content(), name, type);
            jdbc.sql("""
                            insert into feedback_attachment (case_id, file_key, sha256, size, content_type, original_name, added_at)
                            values (?, ?, ?, ?, ?, ?, ?)""")
                    .params(caseId, stored.key(), stored.sha256(), stored.size(), type, name, Timestamp.from(clock.instant())).update();
        }
    }
}
