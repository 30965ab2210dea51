package cn.anju.shared.privacy;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.Map;

/**
 * Keys for personal data, from configuration (environment or a secrets file), never from the code. With
 * {@code anju.crypto.key-provider=pkcs11} the keys themselves live in the cryptographic module and only the ids here
 * are used.
 *
 * @param keys           key id → base64 key: 32 bytes for AES-256-GCM, 16 bytes for SM4-GCM; old keys stay listed
 *                       until re-encryption has moved every value
 * @param activeKey      the key id new values are encrypted with under the INTERNATIONAL suite (an AES key)
 * @param indexKey       base64 of the HMAC-SHA256 key for blind indexes (exact-match search without decrypting)
 * @param guomiActiveKey the key id new values are encrypted with under the GUOMI suite (an SM4 key)
 * @param guomiIndexKey  base64 of the HMAC-SM3 key for blind indexes under the GUOMI suite
 */
@ConfigurationProperties("anju.privacy")
public record PrivacyProperties(Map<String, String> keys, String activeKey, String indexKey, String guomiActiveKey,
                                String guomiIndexKey) {

    public PrivacyProperties {
        keys = keys == null ? Map.of() : Map.copyOf(keys);
    }
}
