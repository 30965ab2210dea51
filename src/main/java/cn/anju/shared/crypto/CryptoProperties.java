package cn.anju.shared.crypto;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.Map;

/**
 * Which suite new values take and where keys come from.
 *
 * @param suite       {@code INTERNATIONAL} (default) or {@code GUOMI}; env {@code ANJU_CRYPTO_SUITE}
 * @param keyProvider {@code environment} (default: keys in {@code anju.privacy.*}) or {@code pkcs11}
 * @param pkcs11      the cryptographic module, when {@code key-provider} is {@code pkcs11}
 */
@ConfigurationProperties("anju.crypto")
public record CryptoProperties(CryptoSuite suite, KeySource keyProvider, Pkcs11 pkcs11) {

    public CryptoProperties {
        suite = suite == null ? CryptoSuite.INTERNATIONAL : suite;
        keyProvider = keyProvider == null ? KeySource.ENVIRONMENT : keyProvider;
    }

    public enum KeySource {
        ENVIRONMENT, PKCS11
    }

    /**
     * A PKCS#11 token reached through the JDK's SunPKCS11.
     *
     * @param library          the module's PKCS#11 library, e.g. {@code /usr/lib/softhsm/libsofthsm2.so}
     * @param slotListIndex    which slot of the library's list (default 0)
     * @param pin              the user PIN (env {@code ANJU_CRYPTO_PKCS11_PIN})
     * @param keys             field key id → label of an AES-256 key inside the token, used there
     * @param wrappingKey      label of the AES key inside the token that unwraps the keys below
     * @param wrappedKeys      field key id → base64 of a key wrapped by {@code wrappingKey}, for algorithms the token
     *                         lacks (SM4 in a software token): unwrapped into memory at start
     * @param wrappedIndexKeys hash tag ({@code sha256}, {@code sm3}) → base64 of a wrapped blind-index key
     */
    public record Pkcs11(String library, Integer slotListIndex, String pin, Map<String, String> keys, String wrappingKey,
                         Map<String, String> wrappedKeys, Map<String, String> wrappedIndexKeys) {

        public Pkcs11 {
            slotListIndex = slotListIndex == null ? 0 : slotListIndex;
            keys = keys == null ? Map.of() : Map.copyOf(keys);
            wrappedKeys = wrappedKeys == null ? Map.of() : Map.copyOf(wrappedKeys);
            wrappedIndexKeys = wrappedIndexKeys == null ? Map.of() : Map.copyOf(wrappedIndexKeys);
        }
    }
}
