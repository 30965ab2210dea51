package cn.anju.shared.privacy;

import cn.anju.shared.crypto.Crypto;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * A keyed hash (HMAC-SHA256 or HMAC-SM3, by the suite) of a normalised value, stored beside the ciphertext so that an
 * exact match ("find the household with this ID number") needs no decryption and the index alone reveals nothing.
 * The purpose is part of the input, so the same value indexes differently in different columns. A stored index names
 * its algorithm ({@code hmac-sm3:<hex>}); re-encryption moves indexes to the active suite.
 */
@Component
public class BlindIndex {

    private final Crypto crypto;

    public BlindIndex(Crypto crypto) {
        this.crypto = crypto;
    }

    /** The index to store for a value, under the active suite. */
    public String of(String value, String purpose) {
        return value == null ? null : crypto.index(purpose, value).tagged();
    }

    /**
     * Every index a stored row may hold for this value, the active suite's first: search with {@code = any(?)} so rows
     * not yet moved by re-encryption after a suite switch are found too.
     */
    public List<String> candidates(String value, String purpose) {
        return crypto.indexForms(purpose, value);
    }

    /** The same as an array, for a JDBC parameter of {@code = any(?)}. */
    public String[] anyOf(String value, String purpose) {
        return candidates(value, purpose).toArray(String[]::new);
    }

    /** A keyed derivation that is never stored (e.g. a token printed for a household): hex without a tag. */
    public String secretHex(String value, String purpose) {
        return crypto.index(purpose, value).hex();
    }

    String activePrefix() {
        return crypto.activeIndexPrefix();
    }
}
