package cn.anju.backup;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.KDF;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.HKDFParameterSpec;

/**
 * The archive's outer layer: AES-256-GCM in authenticated chunks, so that an archive of any size is written and
 * read as a stream. Layout:
 * <pre>
 *   header:  "ANJUBAK1" (8 bytes) | salt (32 random bytes) | chunk size (int, big-endian)
 *   chunks:  length (int) | ciphertext with its 16-byte tag      ... repeated, the last one marked final
 * </pre>
 * Each archive has its own key, HKDF-SHA256(backup key, salt, info = label + header), so a changed header gives
 * another key. Chunk {@code i} is sealed with the nonce {@code 0x00000000 || i} (64-bit) and the associated data
 * {@code final ? 1 : 0}: a chunk moved, dropped or swapped fails its tag, and an archive cut short has no final
 * chunk, which {@link #decrypt} reports as truncated instead of returning what it read.
 */
final class BackupCipher {

    static final byte[] MAGIC = "ANJUBAK1".getBytes(StandardCharsets.US_ASCII);
    static final int CHUNK = 1 << 20;
    private static final byte[] LABEL = "anju-backup v1 AES-256-GCM chunks".getBytes(StandardCharsets.US_ASCII);
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private BackupCipher() {
    }

    /** A stream that encrypts what is written to it into {@code out}; closing it writes the final chunk. */
    static OutputStream encrypt(OutputStream out, BackupKey key) throws IOException {
        byte[] salt = new byte[32];
        RANDOM.nextBytes(salt);
        byte[] header = header(salt, CHUNK);
        out.write(header);
        return new Sealing(new DataOutputStream(out), derive(key, header));
    }

    /** A stream of the plain archive; throws {@link IOException} when a chunk was altered or the key is wrong,
     * and at the end when the final chunk is missing or something follows it. */
    static InputStream decrypt(InputStream in, BackupKey key) throws IOException {
        DataInputStream data = new DataInputStream(in);
        byte[] magic = new byte[MAGIC.length];
        try {
            data.readFully(magic);
        } catch (EOFException e) {
            throw new IOException("不是安居备份文件（文件过短）/ not an Anju backup archive (too short)");
        }
        if (!Arrays.equals(magic, MAGIC)) {
            throw new IOException("不是安居备份文件 / not an Anju backup archive (unknown format)");
        }
        byte[] salt = new byte[32];
        data.readFully(salt);
        int chunk = data.readInt();
        if (chunk <= 0 || chunk > 64 << 20) {
            throw new IOException("备份文件头已损坏 / the archive header is damaged (chunk size " + chunk + ")");
        }
        return new Opening(data, derive(key, header(salt, chunk)), chunk);
    }

    private static byte[] header(byte[] salt, int chunk) {
        return ByteBuffer.allocate(MAGIC.length + salt.length + 4).put(MAGIC).put(salt).putInt(chunk).array();
    }

    private static SecretKey derive(BackupKey key, byte[] header) {
        try {
            byte[] salt = Arrays.copyOfRange(header, MAGIC.length, MAGIC.length + 32);
            byte[] info = ByteBuffer.allocate(LABEL.length + header.length).put(LABEL).put(header).array();
            return KDF.getInstance("HKDF-SHA256").deriveKey("AES",
                    HKDFParameterSpec.ofExtract().addIKM(key.bytes()).addSalt(salt).thenExpand(info, 32));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HKDF-SHA256 unavailable", e);
        }
    }

    private static Cipher cipher(int mode, SecretKey key, long counter, boolean last) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        byte[] nonce = ByteBuffer.allocate(12).putInt(0).putLong(counter).array();
        cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(new byte[] {(byte) (last ? 1 : 0)});
        return cipher;
    }

    private static final class Sealing extends OutputStream {
        private final DataOutputStream out;
        private final SecretKey key;
        private final byte[] buffer = new byte[CHUNK];
        private int filled;
        private long counter;
        private boolean closed;

        Sealing(DataOutputStream out, SecretKey key) {
            this.out = out;
            this.key = key;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            while (len > 0) {
                if (filled == buffer.length) {
                    seal(false); // only a full buffer with more to come is sealed here; close() seals the last
                }
                int n = Math.min(len, buffer.length - filled);
                System.arraycopy(b, off, buffer, filled, n);
                filled += n;
                off += n;
                len -= n;
            }
        }

        private void seal(boolean last) throws IOException {
            try {
                byte[] sealed = cipher(Cipher.ENCRYPT_MODE, key, counter++, last).doFinal(buffer, 0, filled);
                out.writeInt(sealed.length);
                out.write(sealed);
                filled = 0;
            } catch (GeneralSecurityException e) {
                throw new IOException("备份加密失败 / could not encrypt the archive", e);
            }
        }

        @Override
        public void close() throws IOException {
            if (!closed) {
                closed = true;
                seal(true);
                out.close();
            }
        }
    }

    private static final class Opening extends InputStream {
        private final DataInputStream in;
        private final SecretKey key;
        private final int chunk;
        private byte[] plain = new byte[0];
        private int position;
        private long counter;
        private boolean finished;

        Opening(DataInputStream in, SecretKey key, int chunk) {
            this.in = in;
            this.key = key;
            this.chunk = chunk;
        }

        @Override
        public int read() throws IOException {
            return BackupArchive.readOne(this);
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            while (position == plain.length) {
                if (finished) {
                    return -1;
                }
                next();
            }
            int n = Math.min(len, plain.length - position);
            System.arraycopy(plain, position, b, off, n);
            position += n;
            return n;
        }

        private void next() throws IOException {
            int length;
            try {
                length = in.readInt();
            } catch (EOFException e) {
                throw new IOException("备份文件不完整（在第 " + counter + " 块处被截断）/ the archive is truncated: it "
                        + "ends after chunk " + counter + " without its final chunk");
            }
            if (length < 16 || length > chunk + 16) {
                throw new IOException("备份文件第 " + counter + " 块已损坏 / chunk " + counter + " of the archive is damaged");
            }
            byte[] sealed = new byte[length];
            try {
                in.readFully(sealed);
            } catch (EOFException e) {
                throw new IOException("备份文件不完整（第 " + counter + " 块被截断）/ the archive is truncated in chunk " + counter);
            }
            plain = open(sealed);
            position = 0;
            counter++;
            if (finished && in.read() != -1) {
                throw new IOException("备份文件在结束标记之后还有数据 / the archive has data after its final chunk");
            }
        }

        /** A chunk is either a middle one or the final one: try the flag it must have if it is the last. */
        private byte[] open(byte[] sealed) throws IOException {
            try {
                return cipher(Cipher.DECRYPT_MODE, key, counter, false).doFinal(sealed);
            } catch (AEADBadTagException notMiddle) {
                try {
                    byte[] last = cipher(Cipher.DECRYPT_MODE, key, counter, true).doFinal(sealed);
                    finished = true;
                    return last;
                } catch (AEADBadTagException e) {
                    throw new IOException(counter == 0
                            ? "备份密钥不符，或备份文件已被篡改 / wrong backup key, or the archive was altered (chunk 0)"
                            : "备份文件已被篡改（第 " + counter + " 块校验失败）/ the archive was altered: chunk "
                            + counter + " fails its authentication tag");
                } catch (GeneralSecurityException e) {
                    throw new IOException(e);
                }
            } catch (GeneralSecurityException e) {
                throw new IOException(e);
            }
        }
    }
}
