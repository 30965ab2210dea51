package cn.anju.shared.files;

import cn.anju.shared.crypto.Crypto;
import cn.anju.shared.crypto.CryptoPurpose;
import cn.anju.shared.crypto.HashAlgorithm;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** A {@link FileStore} in a local folder: {@code <root>/ab/cd/<sha256>}, written atomically. */
@Component
class LocalFileStore implements FileStore {

    private final Path root;

    LocalFileStore(@Value("${anju.files.root:data/files}") Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    @Override
    public StoredFile store(byte[] content, String originalName, String contentType) {
        String sha256 = sha256(content);
        Path target = pathOf(sha256);
        try {
            if (!Files.exists(target)) {
                Files.createDirectories(target.getParent());
                Path temp = Files.createTempFile(target.getParent(), "upload-", ".tmp");
                Files.write(temp, content);
                try {
                    Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("文件保存失败 / could not store file", e);
        }
        return new StoredFile(sha256, sha256, content.length, originalName, contentType);
    }

    @Override
    public byte[] read(String key) {
        try {
            byte[] content = Files.readAllBytes(pathOf(key));
            if (!sha256(content).equals(key)) {
                throw new FileIntegrityException("文件内容与登记的摘要不符 / file content does not match its SHA-256: " + key);
            }
            return content;
        } catch (IOException e) {
            throw new UncheckedIOException("文件读取失败 / could not read file " + key, e);
        }
    }

    @Override
    public InputStream open(String key) {
        try {
            return Files.newInputStream(pathOf(key));
        } catch (IOException e) {
            throw new UncheckedIOException("文件读取失败 / could not read file " + key, e);
        }
    }

    @Override
    public boolean exists(String key) {
        return Files.exists(pathOf(key));
    }

    private Path pathOf(String sha256) {
        if (!sha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("invalid file key");
        }
        return root.resolve(sha256.substring(0, 2)).resolve(sha256.substring(2, 4)).resolve(sha256);
    }

    /**
     * A file's key is its name in the store, in every table that refers to it and in an S3 bucket: it stays SHA-256
     * whatever the suite, as a content address (like a git object id), not as a seal that the suite should choose.
     */
    static final CryptoPurpose ADDRESS = CryptoPurpose.pinned("file-address", HashAlgorithm.SHA256);

    static String sha256(byte[] content) {
        return Crypto.digestWith(HashAlgorithm.SHA256, ADDRESS, content).hex();
    }
}
