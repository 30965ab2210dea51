package cn.anju.shared.privacy;

import cn.anju.shared.crypto.Crypto;
import org.springframework.stereotype.Component;

/**
 * Encrypts personal data field by field, through {@link Crypto}: a stored value names its algorithm and key,
 * {@code enc:v1:<A256GCM|SM4GCM>:<keyId>:<base64url(iv || ciphertext || tag)>}, so keys rotate and the suite can
 * switch (re-encryption moves values to the active algorithm and key) without touching what is stored. The purpose
 * (e.g. {@code household_member.id_number}) is bound as associated data, so a value copied into another column does
 * not decrypt. Kept as the modules' entry point for personal data so that they need not know the service's other uses.
 */
@Component
public class FieldCipher {

    private final Crypto crypto;

    public FieldCipher(Crypto crypto) {
        this.crypto = crypto;
    }

    public String activeKeyId() {
        return crypto.activeKeyId();
    }

    public String encrypt(String plaintext, String purpose) {
        return crypto.encrypt(purpose, plaintext);
    }

    public String decrypt(String stored, String purpose) {
        return crypto.decrypt(purpose, stored);
    }

    /** Whether a stored value is under another algorithm or key than the active ones and so due for re-encryption. */
    public boolean needsReEncryption(String stored) {
        return crypto.needsReEncryption(stored);
    }

    /** The prefix every value under the active algorithm and key starts with. */
    String activePrefix() {
        return crypto.activeFieldPrefix();
    }
}
