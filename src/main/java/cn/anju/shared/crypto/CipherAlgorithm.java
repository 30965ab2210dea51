package cn.anju.shared.crypto;

import java.security.Provider;
import java.util.Arrays;
import java.util.Optional;

/**
 * Authenticated field encryption: the name in {@code enc:v1:<name>:<keyId>:...}, the JCA transformation and the key
 * size. Both are GCM with a 96-bit nonce and a 128-bit tag (SM4-GCM as RFC 8998 defines it).
 */
public enum CipherAlgorithm {
    A256GCM("A256GCM", "AES", "AES/GCM/NoPadding", 32, null),
    SM4GCM("SM4GCM", "SM4", "SM4/GCM/NoPadding", 16, Providers.bouncyCastle());

    private final String tag;
    private final String keyAlgorithm;
    private final String transformation;
    private final int keyBytes;
    private final Provider provider;

    CipherAlgorithm(String tag, String keyAlgorithm, String transformation, int keyBytes, Provider provider) {
        this.tag = tag;
        this.keyAlgorithm = keyAlgorithm;
        this.transformation = transformation;
        this.keyBytes = keyBytes;
        this.provider = provider;
    }

    public String tag() {
        return tag;
    }

    public String keyAlgorithm() {
        return keyAlgorithm;
    }

    public String transformation() {
        return transformation;
    }

    public int keyBytes() {
        return keyBytes;
    }

    /** The provider when the key itself does not name one (a key held in a PKCS#11 token does). */
    Provider defaultProvider() {
        return provider;
    }

    public static Optional<CipherAlgorithm> byTag(String tag) {
        return Arrays.stream(values()).filter(a -> a.tag.equals(tag)).findFirst();
    }

    /** A raw key's algorithm by its length: 32 bytes is AES-256, 16 bytes SM4 (we use no AES-128). */
    public static Optional<CipherAlgorithm> byKeyLength(int bytes) {
        return Arrays.stream(values()).filter(a -> a.keyBytes == bytes).findFirst();
    }
}
