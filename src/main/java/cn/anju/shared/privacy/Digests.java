package cn.anju.shared.privacy;

import cn.anju.shared.crypto.Crypto;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 of a text as lowercase hex, for the few places not yet on {@link Crypto} (disclosure's tracking codes, the
 * feedback and survey codes, which predate the suites): their stored digests carry no tag and so are SHA-256.
 */
public final class Digests {

    private Digests() {
    }

    public static String sha256Hex(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Compares two digests in time independent of where they differ. */
    public static boolean same(String a, String b) {
        return Crypto.same(a, b);
    }
}
