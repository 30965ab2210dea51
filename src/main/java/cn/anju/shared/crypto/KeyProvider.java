package cn.anju.shared.crypto;

import java.security.Provider;
import java.util.Optional;
import java.util.Set;
import javax.crypto.SecretKey;

/**
 * Where the platform's own keys come from: the environment ({@code anju.privacy.*}, today's way) or a cryptographic
 * module over PKCS#11 ({@code anju.crypto.key-provider=pkcs11}), where they are generated and never leave. Key ids
 * are the same whichever provider holds them, so stored values ({@code enc:v1:<alg>:<keyId>:...}) do not change
 * when keys move into a module.
 */
public interface KeyProvider {

    /** A short name for logs and the health page: {@code environment}, {@code pkcs11}. */
    String name();

    Optional<FieldKey> fieldKey(String id);

    Set<String> fieldKeyIds();

    /** The key of blind indexes for this algorithm, if one is configured (an index key per algorithm). */
    Optional<IndexKey> indexKey(HashAlgorithm algorithm);

    /** A blind-index (HMAC) key; {@code provider} as in {@link FieldKey}. */
    record IndexKey(SecretKey key, Provider provider) {
    }
}
