package cn.anju.evaluation;

import cn.anju.shared.files.ContentTypes;
import cn.anju.shared.files.FileStore;
import cn.anju.shared.files.Upload;
import cn.anju.shared.web.ProblemException;
import org.springframework.stereotype.Component;

/** Evidence files of scores, objections and deductions: a PDF or a photo up to 20 MB, kept with its SHA-256. */
@Component
class Evidence {

    static final long MAX_BYTES = 20L * 1024 * 1024;

    private final FileStore files;

    Evidence(FileStore files) {
        this.files = files;
    }

    /** The stored file, or null when nothing was uploaded and none is required. */
    FileStore.StoredFile store(Upload upload, boolean required, String what) {
        if (upload == null || upload.empty()) {
            if (required) {
                throw ProblemException.badRequest("EVIDENCE_REQUIRED", what + "须附证据文件（PDF 或照片）。");
            }
            return null;
        }
        String type = ContentTypes.sniffWithin(upload.content(), MAX_BYTES);
        if (type == null) {
            throw ProblemException.badRequest("EVIDENCE_TYPE", what + "的证据须为不超过20MB的 PDF、JPEG 或 PNG 文件。");
        }
        return files.store(upload.content(), upload.safeName("evidence"), type);
    }
}
