package cn.anju.shared.crypto;

import java.security.Provider;
import javax.crypto.SecretKey;

/**
 * A key for field encryption. A key held in a cryptographic module is only a handle: {@code provider} is the module's
 * PKCS#11 provider, and the encryption happens inside the module. A key read from the environment has no provider
 * and is used with the algorithm's own.
 */
public record FieldKey(String id, CipherAlgorithm algorithm, SecretKey key, Provider provider) {
}
