package cn.anju.shared.privacy;

import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A keyed hash (HMAC-SHA256) of a normalised value, stored beside the ciphertext so that an exact match
 * ("find the household with this ID number") needs no decryption and the index alone reveals nothing.
 * The purpose is part of the input, so the same value indexes differently in different columns.
 */
@Component
public class BlindIndex {

    private final SecretKeySpec key;

    public BlindIndex(PrivacyProperties properties) {
        if (properties.indexKey() == null || properties.indexKey().isBlank()) {
            throw new IllegalStateException("盲索引密钥未配置：请设置 anju.privacy.index-key (ANJU_PRIVACY_INDEX_KEY)");
        }
        byte[] raw = Base64.getDecoder().decode(properties.indexKey());
        if (raw.length < 32) {
            throw new IllegalStateException("盲索引密钥至少32字节 / index key must be at least 32 bytes");
        }
        this.key = new SecretKeySpec(raw, "HmacSHA256");
    }

    public String of(String value, String purpose) {
        if (value == null) {
            return null;
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update(purpose.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return HexFormat.of().formatHex(mac.doFinal(value.trim().toUpperCase().getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
