package cn.anju.shared.crypto;

import cn.anju.shared.privacy.PrivacyProperties;
import org.springframework.stereotype.Service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javax.crypto.Mac;

/**
 * The platform's one cryptography service: digests, keyed digests (HMAC), blind indexes and field encryption, each
 * call naming its purpose. The suite ({@code anju.crypto.suite}) decides what new values are written with; a stored
 * value names its algorithm and is read with that one, so a switch never strands anything. Keys come from the
 * {@link KeyProvider} (the environment or a PKCS#11 module). Nothing here logs a value or a key.
 */
@Service
public class Crypto {

    private final CryptoSuite suite;
    private final KeyProvider keys;
    private final FieldEncryption fields;

    public Crypto(CryptoProperties properties, KeyProvider keys, PrivacyProperties privacy) {
        this.suite = properties.suite();
        this.keys = keys;
        this.fields = new FieldEncryption(keys, suite == CryptoSuite.GUOMI ? privacy.guomiActiveKey() : privacy.activeKey(), suite);
        if (keys.indexKey(suite.hash()).isEmpty()) {
            throw new IllegalStateException(suite == CryptoSuite.GUOMI
                    ? "盲索引密钥未配置：国密套件须设置 anju.privacy.guomi-index-key (ANJU_PRIVACY_GUOMI_INDEX_KEY)"
                    : "盲索引密钥未配置：请设置 anju.privacy.index-key (ANJU_PRIVACY_INDEX_KEY)");
        }
    }

    public CryptoSuite suite() {
        return suite;
    }

    public String keyProvider() {
        return keys.name();
    }

    /** The algorithm new values for this purpose are written with. */
    public HashAlgorithm algorithmFor(CryptoPurpose purpose) {
        return purpose.followsSuite() ? suite.hash() : purpose.pinned();
    }

    public Hash digest(CryptoPurpose purpose, byte[] data) {
        return digestWith(algorithmFor(purpose), purpose, data);
    }

    public Hash digest(CryptoPurpose purpose, String text) {
        return digest(purpose, text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Recomputes a value that named its algorithm (an audit link, a resumed bill run) with that algorithm. Static
     * because it needs no key and no configuration: an offline check (a restore) verifies with it too.
     */
    public static Hash digestWith(HashAlgorithm algorithm, CryptoPurpose purpose, byte[] data) {
        if (!purpose.followsSuite() && purpose.pinned() != algorithm) {
            throw new IllegalArgumentException(purpose.name() + " is always " + purpose.pinned().displayName());
        }
        return new Hash(algorithm, false, algorithm.newDigest().digest(data));
    }

    /** HMAC with a key the caller holds (a partner's shared secret, a one-time-password secret, a draw key). */
    public Hash hmac(CryptoPurpose purpose, byte[] key, byte[] data) {
        HashAlgorithm algorithm = algorithmFor(purpose);
        return new Hash(algorithm, true, algorithm.newMac(key).doFinal(data));
    }

    /** The digest of a purpose whose algorithm is pinned (published or a partner's): needs no configuration. */
    public static Hash digestPinned(CryptoPurpose purpose, byte[] data) {
        if (purpose.followsSuite()) {
            throw new IllegalArgumentException(purpose.name() + " follows the suite: use digest()");
        }
        return digestWith(purpose.pinned(), purpose, data);
    }

    /** HMAC under a purpose whose algorithm is pinned by a protocol (RFC 6238's HMAC-SHA1): needs no configuration. */
    public static Hash hmacWith(CryptoPurpose purpose, byte[] key, byte[] data) {
        if (purpose.followsSuite()) {
            throw new IllegalArgumentException(purpose.name() + " follows the suite: use hmac()");
        }
        return new Hash(purpose.pinned(), true, purpose.pinned().newMac(key).doFinal(data));
    }

    /** Whether a text is the one a stored digest was made of, recomputed with the stored value's algorithm. */
    public boolean matches(CryptoPurpose purpose, String stored, String text) {
        return Hash.parse(stored)
                .filter(s -> purpose.followsSuite() || s.algorithm() == purpose.pinned())
                .map(s -> same(digestWith(s.algorithm(), purpose, text.getBytes(StandardCharsets.UTF_8)).hex(), s.hex()))
                .orElse(false);
    }

    /**
     * Every form a digest of this text may be stored in, the active suite's first: for finding a row by digest while
     * values written under another suite, or before values named their algorithm (bare SHA-256 hex), are still there.
     */
    public List<String> storedForms(CryptoPurpose purpose, String text) {
        if (!purpose.followsSuite()) {
            return List.of(digest(purpose, text).tagged());
        }
        Set<String> forms = new LinkedHashSet<>();
        forms.add(digest(purpose, text).tagged());
        for (CryptoSuite other : CryptoSuite.values()) {
            forms.add(digestWith(other.hash(), purpose, text.getBytes(StandardCharsets.UTF_8)).tagged());
        }
        forms.add(digestWith(HashAlgorithm.SHA256, purpose, text.getBytes(StandardCharsets.UTF_8)).hex());
        return new ArrayList<>(forms);
    }

    /**
     * A blind index: the keyed digest of a normalised value under the active suite's index key, for exact-match search
     * without decryption. The purpose (the column) is part of the input, so one value indexes differently per column.
     */
    public Hash index(String purpose, String value) {
        return indexWith(suite.hash(), purpose, value);
    }

    /** The blind index of a value under every algorithm whose index key is configured, the active one first. */
    public List<String> indexForms(String purpose, String value) {
        Set<String> forms = new LinkedHashSet<>();
        forms.add(index(purpose, value).tagged());
        for (CryptoSuite other : CryptoSuite.values()) {
            if (keys.indexKey(other.hash()).isPresent()) {
                forms.add(indexWith(other.hash(), purpose, value).tagged());
            }
        }
        return new ArrayList<>(forms);
    }

    private Hash indexWith(HashAlgorithm algorithm, String purpose, String value) {
        KeyProvider.IndexKey key = keys.indexKey(algorithm)
                .orElseThrow(() -> new IllegalStateException("no index key for " + algorithm.displayName()));
        Mac mac = algorithm.newMac(key.key(), key.provider());
        mac.update(purpose.getBytes(StandardCharsets.UTF_8));
        mac.update((byte) 0);
        return new Hash(algorithm, true, mac.doFinal(value.trim().toUpperCase().getBytes(StandardCharsets.UTF_8)));
    }

    /** The tag every blind index of the active suite starts with: what re-indexing looks for. */
    public String activeIndexPrefix() {
        return new Hash(suite.hash(), true, new byte[0]).tagged();
    }

    public String encrypt(String purpose, String plaintext) {
        return plaintext == null ? null : fields.encrypt(plaintext, purpose);
    }

    public String decrypt(String purpose, String stored) {
        return stored == null ? null : fields.decrypt(stored, purpose);
    }

    public String activeKeyId() {
        return fields.activeKeyId();
    }

    public String activeFieldPrefix() {
        return fields.activePrefix();
    }

    /** Whether a stored value is under another algorithm or key than the active ones, and so due for re-encryption. */
    public boolean needsReEncryption(String stored) {
        return stored != null && !fields.isActive(stored);
    }

    /** Compares two texts (codes, digests, signatures) in time independent of where they differ. */
    public static boolean same(String a, String b) {
        return a != null && b != null
                && MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
