package cn.anju.shared.crypto;

/**
 * The algorithms new values are written with, chosen by {@code anju.crypto.suite} ({@code ANJU_CRYPTO_SUITE}).
 * GUOMI is the national set that the commercial cryptography assessment (GB/T 39786-2021) expects: SM3
 * (GB/T 32905), HMAC-SM3 and SM4-GCM (GB/T 32907, RFC 8998). Switching never strands stored values: each names
 * its own algorithm.
 */
public enum CryptoSuite {
    INTERNATIONAL(HashAlgorithm.SHA256, CipherAlgorithm.A256GCM),
    GUOMI(HashAlgorithm.SM3, CipherAlgorithm.SM4GCM);

    private final HashAlgorithm hash;
    private final CipherAlgorithm cipher;

    CryptoSuite(HashAlgorithm hash, CipherAlgorithm cipher) {
        this.hash = hash;
        this.cipher = cipher;
    }

    public HashAlgorithm hash() {
        return hash;
    }

    public CipherAlgorithm cipher() {
        return cipher;
    }
}
