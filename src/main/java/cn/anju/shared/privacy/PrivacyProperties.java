package cn.anju.shared.privacy;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.Map;

/**
 * Keys for personal data, from configuration (environment or a secrets file), never from the code.
 *
 * @param keys      key id → base64 of 32 bytes; old keys stay listed until re-encryption has moved every value
 * @param activeKey the key id new values are encrypted with
 * @param indexKey  base64 of the HMAC key for blind indexes (exact-match search without decrypting)
 */
@ConfigurationProperties("anju.privacy")
public record PrivacyProperties(Map<String, String> keys, String activeKey, String indexKey) {

    public PrivacyProperties {
        keys = keys == null ? Map.of() : Map.copyOf(keys);
    }
}
