package cn.anju.backup;

import tools.jackson.databind.json.JsonMapper;

import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * The plain archive inside the encryption ({@link BackupCipher}): a ZIP stream of
 * <pre>
 *   contents.json          first: format, time, Flyway version, audit head, tables in load order, sequences
 *   tables/&lt;table&gt;.tsv   each table as COPY ... TO STDOUT writes it (text format), in load order
 *   files/&lt;path&gt;         each uploaded file, its path relative to the file store's root
 *   manifest.json          last: per table its row count and SHA-256, per file its size and SHA-256
 * </pre>
 * The manifest comes last because its hashes are computed while the data streams past; the restore checks them
 * before it commits.
 */
final class BackupArchive {

    static final int FORMAT = 1;
    static final String CONTENTS = "contents.json";
    static final String MANIFEST = "manifest.json";
    static final String TABLES = "tables/";
    static final String FILES = "files/";
    static final JsonMapper JSON = JsonMapper.builder().build();

    private BackupArchive() {
    }

    /** The audit chain's last link when the snapshot was taken (seq 0 for an empty chain). */
    record AuditHead(long seq, long auditId, String chainHash) {
    }

    record TableEntry(String name, List<String> columns) {
    }

    record Contents(int format, String createdAt, String flywayVersion, AuditHead auditHead, List<TableEntry> tables,
                    Map<String, DatabaseCatalog.Sequence> sequences) {
    }

    record Digest(long count, String sha256) {
    }

    /** Per table: rows and the SHA-256 of its COPY text; per file: bytes and SHA-256; and the contents entry's. */
    record Manifest(String contentsSha256, Map<String, Digest> tables, Map<String, Digest> files) {
    }

    /** A single-byte read for streams that work in blocks. */
    static int readOne(InputStream in) throws IOException {
        byte[] one = new byte[1];
        return in.read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    static String tableEntry(String table) {
        return TABLES + table + ".tsv";
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String hex(MessageDigest digest) {
        return HexFormat.of().formatHex(digest.digest());
    }

    /** Counts bytes and lines (one line per row in COPY text format) and hashes what passes through to the ZIP
     * entry; closing it leaves the ZIP stream open. */
    static final class Counting extends FilterOutputStream {
        final MessageDigest digest = sha256();
        long bytes;
        long lines;

        Counting(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            digest.update(b, off, len);
            bytes += len;
            for (int i = off; i < off + len; i++) {
                if (b[i] == '\n') {
                    lines++;
                }
            }
        }

        @Override
        public void close() {
            // the ZIP entry is closed by its writer, not by COPY
        }

        Digest result(boolean countLines) {
            return new Digest(countLines ? lines : bytes, hex(digest));
        }
    }

    /** Hashes and counts what is read from a ZIP entry; closing it leaves the ZIP stream open. */
    static final class Hashing extends FilterInputStream {
        final MessageDigest digest = sha256();
        long bytes;

        Hashing(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            return BackupArchive.readOne(this);
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = in.read(b, off, len);
            if (n > 0) {
                digest.update(b, off, n);
                bytes += n;
            }
            return n;
        }

        @Override
        public void close() {
            // the ZIP stream moves on to its next entry
        }
    }
}
