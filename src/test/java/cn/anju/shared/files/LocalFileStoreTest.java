package cn.anju.shared.files;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LocalFileStoreTest {

    @TempDir
    Path root;

    @Test
    void storesByDigestAndReadsBack() {
        LocalFileStore store = new LocalFileStore(root);
        byte[] photo = "楼道灯不亮".getBytes(StandardCharsets.UTF_8);
        FileStore.StoredFile stored = store.store(photo, "light.jpg", "image/jpeg");
        assertThat(stored.sha256()).hasSize(64);
        assertThat(store.store(photo, "again.jpg", "image/jpeg").key()).isEqualTo(stored.key());
        assertThat(store.read(stored.key())).isEqualTo(photo);
    }

    @Test
    void aFileAlteredOnDiskIsRefused() throws Exception {
        LocalFileStore store = new LocalFileStore(root);
        FileStore.StoredFile stored = store.store(new byte[]{1, 2, 3}, "evidence.bin", "application/octet-stream");
        try (var files = Files.walk(root)) {
            Path onDisk = files.filter(p -> p.getFileName().toString().equals(stored.key())).findFirst().orElseThrow();
            Files.write(onDisk, new byte[]{9, 9, 9});
        }
        assertThatThrownBy(() -> store.read(stored.key())).isInstanceOf(FileStore.FileIntegrityException.class);
    }
}
