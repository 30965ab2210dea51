package cn.anju.shared.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Provider;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;

/**
 * Field encryption: {@code enc:v1:<alg>:<keyId>:<base64url(iv || ciphertext || tag)>}. New values take the active
 * key (whose algorithm must be the suite's); a stored value is read with the algorithm and key it names, so values
 * written under another suite or key stay readable until re-encryption moves them. The purpose (e.g.
 * {@code household_member.id_number}) is bound as associated data, so a value copied into another column does not
 * decrypt.
 */
final class FieldEncryption {

    static final String PREFIX = "enc:v1:";
    private static final int IV_BYTES = 12;

    private final KeyProvider keys;
    private final FieldKey active;
    private final SecureRandom random = new SecureRandom();

    FieldEncryption(KeyProvider keys, String activeKeyId, CryptoSuite suite) {
        this.keys = keys;
        if (activeKeyId == null || keys.fieldKey(activeKeyId).isEmpty()) {
            throw new IllegalStateException(suite == CryptoSuite.GUOMI
                    ? "个人信息加密密钥未配置：国密套件须设置 anju.privacy.guomi-active-key 及其 SM4 密钥 "
                    + "(ANJU_PRIVACY_GUOMI_ACTIVE_KEY, ANJU_PRIVACY_KEYS_<ID>) / SM4 personal-data key missing"
                    : "个人信息加密密钥未配置：请设置 anju.privacy.keys.<id> 与 anju.privacy.active-key "
                    + "(ANJU_PRIVACY_KEYS_<ID>, ANJU_PRIVACY_ACTIVE_KEY) / personal-data key missing");
        }
        this.active = keys.fieldKey(activeKeyId).orElseThrow();
        if (active.algorithm() != suite.cipher()) {
            throw new IllegalStateException("当前密钥 " + activeKeyId + " 是 " + active.algorithm().tag() + " 密钥，与密码套件 "
                    + suite + " 要求的 " + suite.cipher().tag() + " 不符 / the active key does not suit the crypto suite");
        }
    }

    String activeKeyId() {
        return active.id();
    }

    /** The start every value under the active algorithm and key shares: what re-encryption looks for. */
    String activePrefix() {
        return PREFIX + active.algorithm().tag() + ":" + active.id() + ":";
    }

    String encrypt(String plaintext, String purpose) {
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        try {
            Cipher cipher = cipher(active, Cipher.ENCRYPT_MODE, new GCMParameterSpec(128, iv));
            cipher.updateAAD(purpose.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            byte[] out = Arrays.copyOf(iv, IV_BYTES + sealed.length);
            System.arraycopy(sealed, 0, out, IV_BYTES, sealed.length);
            return activePrefix() + Base64.getUrlEncoder().withoutPadding().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("encryption failed", e);
        }
    }

    String decrypt(String stored, String purpose) {
        Envelope envelope = Envelope.parse(stored);
        CipherAlgorithm algorithm = CipherAlgorithm.byTag(envelope.algorithm()).orElseThrow(() ->
                new IllegalStateException("不支持的加密算法 / unsupported algorithm: " + envelope.algorithm()));
        FieldKey key = keys.fieldKey(envelope.keyId())
                .orElseThrow(() -> new IllegalStateException("找不到加密密钥 / unknown key id: " + envelope.keyId()));
        if (key.algorithm() != algorithm) {
            throw new IllegalStateException("密钥 " + key.id() + " 不是 " + algorithm.tag() + " 密钥 / key and algorithm differ");
        }
        try {
            byte[] data = Base64.getUrlDecoder().decode(envelope.payload());
            Cipher cipher = cipher(key, Cipher.DECRYPT_MODE, new GCMParameterSpec(128, data, 0, IV_BYTES));
            cipher.updateAAD(purpose.getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(data, IV_BYTES, data.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("解密失败：数据被篡改、用途不符或密钥错误 / decryption failed", e);
        }
    }

    boolean isActive(String stored) {
        return stored.startsWith(activePrefix());
    }

    private static Cipher cipher(FieldKey key, int mode, GCMParameterSpec spec) throws GeneralSecurityException {
        Provider provider = key.provider() != null ? key.provider() : key.algorithm().defaultProvider();
        String transformation = key.algorithm().transformation();
        Cipher cipher = provider == null ? Cipher.getInstance(transformation) : Cipher.getInstance(transformation, provider);
        cipher.init(mode, key.key(), spec);
        return cipher;
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
