package cn.anju.shared.privacy;

import cn.anju.shared.crypto.Crypto;
import cn.anju.shared.crypto.CryptoPurpose;
import cn.anju.shared.crypto.HashAlgorithm;

import java.nio.charset.StandardCharsets;

/**
 * SHA-256 of a text as lowercase hex, through {@link Crypto} with a pinned purpose, for the disclosure module's tracking
 * codes, which were written as bare SHA-256 and are looked up by it; everything else stores digests that follow the
 * suite and name their algorithm.
 */
public final class Digests {

    private Digests() {
    }

    private static final CryptoPurpose LEGACY = CryptoPurpose.pinned("short-code", HashAlgorithm.SHA256);

    public static String sha256Hex(String text) {
        return Crypto.digestPinned(LEGACY, text.getBytes(StandardCharsets.UTF_8)).hex();
    }

    /** Compares two digests in time independent of where they differ. */
    public static boolean same(String a, String b) {
        return Crypto.same(a, b);
    }
}
