package cn.anju.shared.files;

import java.io.InputStream;

/**
 * Where attachments live (photos, evidence, signed contracts, imports). One interface so that a single node
 * keeps files in a local folder and several nodes share an S3-compatible store. Files are content-addressed
 * by SHA-256: storing the same bytes twice yields the same key, and a read verifies the digest.
 */
public interface FileStore {

    /** Stores the bytes and returns their key and digest. */
    StoredFile store(byte[] content, String originalName, String contentType);

    /** Reads a stored file, failing with {@link FileIntegrityException} if its bytes no longer match the digest. */
    byte[] read(String key);

    InputStream open(String key);

    boolean exists(String key);

    record StoredFile(String key, String sha256, long size, String originalName, String contentType) {
    }

    class FileIntegrityException extends RuntimeException {
        public FileIntegrityException(String message) {
            super(message);
        }
    }
}
