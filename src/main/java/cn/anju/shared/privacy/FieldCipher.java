package cn.anju.shared.privacy;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts personal data field by field. A stored value names its algorithm and key:
 * {@code enc:v1:A256GCM:<keyId>:<base64url(iv || ciphertext || tag)>}, so keys rotate (re-encryption moves
 * values to the active key) and another algorithm such as SM4-GCM (GB/T 32907) can take over without
 * touching stored values. The purpose (e.g. {@code household_member.id_number}) is bound as associated data,
 * so a value copied into another column does not decrypt.
 */
@Component
public class FieldCipher {

    static final String PREFIX = "enc:v1:";
    static final String AES_GCM = "A256GCM";
    /** The key in the demo and test profiles; production refuses to start with it. */
    static final String DEVELOPMENT_KEY = "ZGV2ZWxvcG1lbnQta2V5LW5vdC1mb3ItcHJvZHVjdGk=";

    private final Map<String, SecretKey> keys = new HashMap<>();
    private final String activeKeyId;
    private final SecureRandom random = new SecureRandom();

    public FieldCipher(PrivacyProperties properties, Environment environment) {
        if (properties.keys().isEmpty() || properties.activeKey() == null
                || !properties.keys().containsKey(properties.activeKey())) {
            throw new IllegalStateException("个人信息加密密钥未配置：请设置 anju.privacy.keys.<id> 与 anju.privacy.active-key "
                    + "(ANJU_PRIVACY_KEYS_<ID>, ANJU_PRIVACY_ACTIVE_KEY) / personal-data key missing");
        }
        boolean production = environment.matchesProfiles("prod");
        properties.keys().forEach((id, base64) -> {
            if (!id.matches("[A-Za-z0-9_-]{1,32}")) {
                throw new IllegalStateException("invalid key id: " + id);
            }
            byte[] raw = Base64.getDecoder().decode(base64);
            if (raw.length != 32) {
                throw new IllegalStateException("加密密钥 " + id + " 须为32字节（AES-256） / key " + id + " must be 32 bytes");
            }
            if (production && base64.equals(DEVELOPMENT_KEY)) {
                throw new IllegalStateException("生产环境不得使用开发密钥 / the development key is refused in prod");
            }
            keys.put(id, new SecretKeySpec(raw, "AES"));
        });
        this.activeKeyId = properties.activeKey();
    }

    public String activeKeyId() {
        return activeKeyId;
    }

    public String encrypt(String plaintext, String purpose) {
        if (plaintext == null) {
            return null;
        }
        try {
            byte[] iv = new byte[12];
            random.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, keys.get(activeKeyId), new GCMParameterSpec(128, iv));
            cipher.updateAAD(purpose.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            byte[] out = Arrays.copyOf(iv, iv.length + sealed.length);
            System.arraycopy(sealed, 0, out, iv.length, sealed.length);
            return PREFIX + AES_GCM + ":" + activeKeyId + ":" + Base64.getUrlEncoder().withoutPadding().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("encryption failed", e);
        }
    }

    public String decrypt(String stored, String purpose) {
        if (stored == null) {
            return null;
        }
        Envelope envelope = Envelope.parse(stored);
        if (!AES_GCM.equals(envelope.algorithm())) {
            throw new IllegalStateException("不支持的加密算法 / unsupported algorithm: " + envelope.algorithm());
        }
        SecretKey key = keys.get(envelope.keyId());
        if (key == null) {
            throw new IllegalStateException("找不到加密密钥 / unknown key id: " + envelope.keyId());
        }
        try {
            byte[] data = Base64.getUrlDecoder().decode(envelope.payload());
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, data, 0, 12));
            cipher.updateAAD(purpose.getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(data, 12, data.length - 12), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("解密失败：数据被篡改、用途不符或密钥错误 / decryption failed", e);
        }
    }

    /** Whether a stored value is under another key than the active one and so due for re-encryption. */
    public boolean needsReEncryption(String stored) {
        return stored != null && !Envelope.parse(stored).keyId().equals(activeKeyId);
    }

    record Envelope(String algorithm, String keyId, String payload) {
        static Envelope parse(String stored) {
            if (!stored.startsWith(PREFIX)) {
                throw new IllegalStateException("not an encrypted value");
            }
            String[] parts = stored.substring(PREFIX.length()).split(":", 3);
            if (parts.length != 3) {
                throw new IllegalStateException("malformed encrypted value");
            }
            return new Envelope(parts[0], parts[1], parts[2]);
        }
    }
}
