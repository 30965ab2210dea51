package cn.anju.shared.crypto;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.Provider;
import java.util.Arrays;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The hash functions the platform may use, each with the tag that stored values carry ({@code sm3:<hex>}), so a
 * value says how to recompute it whatever suite is active when it is read. SHA-1 is here only because partners'
 * protocols (RFC 6238 authenticator apps, WeChat's signature) prescribe it; nothing of ours is stored with it.
 */
public enum HashAlgorithm {
    SHA256("sha256", "SHA-256", "HmacSHA256", null),
    SM3("sm3", "SM3", "HMACSM3", Providers.bouncyCastle()),
    SHA1("sha1", "SHA-1", "HmacSHA1", null);

    private final String tag;
    private final String digestName;
    private final String macName;
    private final Provider provider;

    HashAlgorithm(String tag, String digestName, String macName, Provider provider) {
        this.tag = tag;
        this.digestName = digestName;
        this.macName = macName;
        this.provider = provider;
    }

    /** The tag of stored values: {@code sha256}, {@code sm3}. */
    public String tag() {
        return tag;
    }

    /** The name assessors read: SHA-256, SM3. */
    public String displayName() {
        return digestName;
    }

    public static Optional<HashAlgorithm> byTag(String tag) {
        return Arrays.stream(values()).filter(a -> a.tag.equals(tag)).findFirst();
    }

    MessageDigest newDigest() {
        try {
            return provider == null ? MessageDigest.getInstance(digestName) : MessageDigest.getInstance(digestName, provider);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(digestName + " unavailable", e);
        }
    }

    Mac newMac(java.security.Key key, Provider keyProvider) {
        try {
            Mac mac = keyProvider != null ? Mac.getInstance(macName, keyProvider)
                    : provider == null ? Mac.getInstance(macName) : Mac.getInstance(macName, provider);
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(macName + " unavailable", e);
        }
    }

    Mac newMac(byte[] key) {
        return newMac(new SecretKeySpec(key, macName), null);
    }
}
