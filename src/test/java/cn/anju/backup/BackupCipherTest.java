package cn.anju.backup;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The archive's encryption: a stream of any length comes back as it went in, and any change to it is refused. */
class BackupCipherTest {

    static final int FRAME = 4 + BackupCipher.CHUNK + 16;
    static final int HEADER = 8 + 32 + 4;
    final SecureRandom random = new SecureRandom();
    final BackupKey key = randomKey();
    final byte[] plain = randomBytes(3 * BackupCipher.CHUNK + BackupCipher.CHUNK / 2);

    @Test
    void aStreamOfSeveralChunksComesBackAsItWentIn() throws IOException {
        byte[] sealed = seal(plain, key);
        assertThat(sealed.length).isEqualTo(HEADER + 3 * FRAME + 4 + BackupCipher.CHUNK / 2 + 16);
        assertThat(open(sealed, key)).isEqualTo(plain);
        assertThat(open(seal(new byte[0], key), key)).isEmpty();
        assertThat(seal(plain, key)).as("a fresh salt, so a fresh key, for every archive").isNotEqualTo(sealed);
    }

    @Test
    void aChangedByteIsRefusedAndNamesItsChunk() throws IOException {
        byte[] sealed = seal(plain, key);
        sealed[HEADER + FRAME + 4 + 1000] ^= 1;
        assertThatThrownBy(() -> open(sealed, key)).isInstanceOf(IOException.class).hasMessageContaining("篡改")
                .hasMessageContaining("chunk 1");
    }

    @Test
    void anArchiveCutAtAChunkBoundaryIsRefusedAsTruncated() throws IOException {
        byte[] sealed = seal(plain, key);
        byte[] cut = Arrays.copyOf(sealed, HEADER + 3 * FRAME);
        assertThatThrownBy(() -> open(cut, key)).isInstanceOf(IOException.class).hasMessageContaining("截断")
                .hasMessageContaining("without its final chunk");
        byte[] midChunk = Arrays.copyOf(sealed, sealed.length - 10);
        assertThatThrownBy(() -> open(midChunk, key)).hasMessageContaining("截断");
    }

    @Test
    void swappedChunksAndTrailingDataAreRefused() throws IOException {
        byte[] sealed = seal(plain, key);
        byte[] swapped = sealed.clone();
        System.arraycopy(sealed, HEADER, swapped, HEADER + FRAME, FRAME);
        System.arraycopy(sealed, HEADER + FRAME, swapped, HEADER, FRAME);
        assertThatThrownBy(() -> open(swapped, key)).hasMessageContaining("chunk 0");
        byte[] longer = Arrays.copyOf(sealed, sealed.length + 1);
        assertThatThrownBy(() -> open(longer, key)).hasMessageContaining("after its final chunk");
    }

    @Test
    void theWrongKeyOrAChangedHeaderIsRefusedAtTheFirstChunk() throws IOException {
        byte[] sealed = seal(plain, key);
        assertThatThrownBy(() -> open(sealed, randomKey())).hasMessageContaining("密钥不符");
        byte[] salted = sealed.clone();
        salted[10] ^= 1;
        assertThatThrownBy(() -> open(salted, key)).hasMessageContaining("密钥不符");
        byte[] notOurs = sealed.clone();
        notOurs[0] = 'X';
        assertThatThrownBy(() -> open(notOurs, key)).hasMessageContaining("不是安居备份文件");
    }

    @Test
    void aMissingOrMalformedKeyIsRefusedWithWhatToSet() {
        assertThatThrownBy(() -> BackupKey.parse("")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("ANJU_BACKUP_KEY");
        assertThatThrownBy(() -> BackupKey.parse("not base64!")).hasMessageContaining("base64");
        assertThatThrownBy(() -> BackupKey.parse(Base64.getEncoder().encodeToString(new byte[16])))
                .hasMessageContaining("32");
        assertThat(BackupKey.parse(Base64.getEncoder().encodeToString(new byte[32])).toString()).doesNotContain("AAAA");
    }

    static byte[] seal(byte[] plain, BackupKey key) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (OutputStream sealing = BackupCipher.encrypt(out, key)) {
            for (int i = 0; i < plain.length; i += 7919) { // odd-sized writes across chunk boundaries
                sealing.write(plain, i, Math.min(7919, plain.length - i));
            }
        }
        return out.toByteArray();
    }

    static byte[] open(byte[] sealed, BackupKey key) throws IOException {
        try (InputStream in = BackupCipher.decrypt(new ByteArrayInputStream(sealed), key)) {
            return in.readAllBytes();
        }
    }

    BackupKey randomKey() {
        return BackupKey.parse(Base64.getEncoder().encodeToString(randomBytes(32)));
    }

    byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }
}
