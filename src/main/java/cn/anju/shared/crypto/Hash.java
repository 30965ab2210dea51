package cn.anju.shared.crypto;

import java.util.HexFormat;
import java.util.Optional;

/**
 * A digest or keyed digest and the algorithm that made it. Stored, it is written {@code <tag>:<hex>} for a digest
 * ({@code sm3:...}, {@code sha256:...}) and {@code hmac-<tag>:<hex>} for a keyed one, so that it can be recomputed
 * after the suite changed. A value without a tag was written before tags existed, and so with SHA-256.
 */
public record Hash(HashAlgorithm algorithm, boolean keyed, byte[] bytes) {

    private static final String KEYED = "hmac-";

    public String hex() {
        return HexFormat.of().formatHex(bytes);
    }

    /** The stored form: the value names its algorithm. */
    public String tagged() {
        return (keyed ? KEYED : "") + algorithm.tag() + ":" + hex();
    }

    /** The algorithm and hex of a stored value; a bare 64-digit hex value is SHA-256, as all were before tags. */
    public static Optional<Stored> parse(String stored) {
        if (stored == null) {
            return Optional.empty();
        }
        String value = stored.strip();
        int colon = value.indexOf(':');
        if (colon < 0) {
            return value.matches("[0-9a-f]{64}") ? Optional.of(new Stored(HashAlgorithm.SHA256, false, value)) : Optional.empty();
        }
        String tag = value.substring(0, colon);
        boolean keyed = tag.startsWith(KEYED);
        String hex = value.substring(colon + 1);
        return HashAlgorithm.byTag(keyed ? tag.substring(KEYED.length()) : tag)
                .filter(a -> hex.matches("[0-9a-f]+"))
                .map(a -> new Stored(a, keyed, hex));
    }

    /** A parsed stored value. {@code keyed} is false for untagged values, which do not say. */
    public record Stored(HashAlgorithm algorithm, boolean keyed, String hex) {
    }
}
