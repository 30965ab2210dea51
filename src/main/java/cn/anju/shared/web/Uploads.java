package cn.anju.shared.web;

import cn.anju.shared.files.Upload;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** The files of a multipart form field (a camera may send several), the empty ones left out. */
public final class Uploads {

    private Uploads() {
    }

    public static List<Upload> of(List<MultipartFile> files) {
        List<Upload> out = new ArrayList<>();
        if (files != null) {
            for (MultipartFile f : files) {
                if (!f.isEmpty()) {
                    try {
                        out.add(new Upload(f.getOriginalFilename(), f.getBytes()));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            }
        }
        return out;
    }

    /** One file field's upload, or null when nothing was sent; an unreadable upload is a 400 asking to send it again. */
    public static Upload of(MultipartFile file) {
        try {
            return file == null || file.isEmpty() ? null : new Upload(file.getOriginalFilename(), file.getBytes());
        } catch (IOException e) {
            throw ProblemException.badRequest("UPLOAD_UNREADABLE", "上传的文件无法读取，请重新上传。");
        }
    }
}
