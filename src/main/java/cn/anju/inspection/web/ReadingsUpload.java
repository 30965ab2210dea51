package cn.anju.inspection.web;

import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;

/** The monthly meter readings file, from the page or the API; missing, the import itself says what to send. */
record ReadingsUpload(MultipartFile file) {

    byte[] content() throws IOException {
        return file == null ? null : file.getBytes();
    }
}
