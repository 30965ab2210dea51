package cn.anju.contract;

/** A PDF kept in the file store: its key and the SHA-256 of its bytes (what a published digest is checked against). */
public record StoredPdf(String key, String sha256) {

    static StoredPdf of(String key, String sha256) {
        return key == null ? null : new StoredPdf(key, sha256);
    }
}
