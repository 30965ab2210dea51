package cn.anju.contract;

import cn.anju.shared.files.ContentTypes;
import cn.anju.shared.files.FileStore;
import cn.anju.shared.files.Upload;
import cn.anju.shared.web.ProblemException;
import org.springframework.stereotype.Component;

/** Keeps the purchase's documents (budget approval, announcement, award, signed contract, amendment) as PDFs with SHA-256. */
@Component
class ContractPdfs {

    static final long MAX_BYTES = 20L * 1024 * 1024;

    private final FileStore files;

    ContractPdfs(FileStore files) {
        this.files = files;
    }

    /** The stored PDF, or null when nothing was uploaded; anything but a PDF up to 20 MB is refused with 400. */
    StoredPdf store(Upload upload, String what) {
        if (upload == null || upload.empty()) {
            return null;
        }
        if (!"application/pdf".equals(ContentTypes.sniffWithin(upload.content(), MAX_BYTES))) {
            throw ProblemException.badRequest("PDF_REQUIRED", what + "须为不超过20MB的 PDF 文件。");
        }
        FileStore.StoredFile f = files.store(upload.content(), upload.safeName("contract.pdf"), "application/pdf");
        return new StoredPdf(f.key(), f.sha256());
    }

    byte[] read(StoredPdf pdf) {
        return files.read(pdf.key());
    }
}
