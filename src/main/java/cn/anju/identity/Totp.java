package cn.anju.identity;

import cn.anju.shared.crypto.Crypto;
import cn.anju.shared.crypto.CryptoPurpose;
import cn.anju.shared.crypto.HashAlgorithm;
import org.apache.commons.codec.binary.Base32;

import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;

/**
 * Time-based one-time passwords (RFC 6238 with HMAC-SHA1, 30-second steps, 6 digits): what every authenticator
 * app (and the national ones) computes from a shared secret, so the algorithm is the protocol's, not the suite's.
 * Secrets travel as Base32 (RFC 4648, Commons Codec's). No maintained TOTP library resolves from Maven Central here,
 * so the dynamic truncation (RFC 4226 section 5.3) stays these few lines, checked against RFC 6238's vectors.
 */
final class Totp {

    static final int STEP_SECONDS = 30;
    static final CryptoPurpose PURPOSE = CryptoPurpose.pinned("totp", HashAlgorithm.SHA1);
    private static final Base32 BASE32 = new Base32();
    private static final SecureRandom RANDOM = new SecureRandom();

    private Totp() {
    }

    static String newSecret() {
        byte[] raw = new byte[20];
        RANDOM.nextBytes(raw);
        return base32(raw);
    }

    static long step(long epochMillis) {
        return Math.floorDiv(epochMillis / 1000, STEP_SECONDS);
    }

    static String code(String base32Secret, long step) {
        return code(decode(base32Secret), step, 6);
    }

    static String code(byte[] key, long step, int digits) {
        byte[] h = Crypto.hmacWith(PURPOSE, key, ByteBuffer.allocate(8).putLong(step).array()).bytes();
        int offset = h[h.length - 1] & 0x0f;
        int binary = ((h[offset] & 0x7f) << 24) | ((h[offset + 1] & 0xff) << 16) | ((h[offset + 2] & 0xff) << 8)
                | (h[offset + 3] & 0xff);
        int modulo = (int) Math.pow(10, digits);
        return String.format("%0" + digits + "d", binary % modulo);
    }

    /**
     * The step the code belongs to, within one step either side of now (clock drift), or -1. Every candidate is
     * compared in constant time, and all three are compared, so the time taken says nothing about the code.
     */
    static long matchingStep(String base32Secret, String code, long nowStep) {
        if (code == null || !code.trim().matches("[0-9]{6}")) {
            return -1;
        }
        long found = -1;
        for (long s = nowStep - 1; s <= nowStep + 1; s++) {
            if (Crypto.same(code(base32Secret, s), code.trim()) && found < 0) {
                found = s;
            }
        }
        return found;
    }

    /**
     * The step to record when the code is accepted, or -1: a code of a step already used (or an earlier one) is
     * refused, so a code seen over a shoulder or replayed from a log cannot be used a second time.
     */
    static long accept(String base32Secret, String code, long nowStep, Long lastUsedStep) {
        long step = matchingStep(base32Secret, code, nowStep);
        return step < 0 || (lastUsedStep != null && step <= lastUsedStep) ? -1 : step;
    }

    static String otpauthUri(String issuer, String account, String secret) {
        return "otpauth://totp/" + URLEncoder.encode(issuer + ":" + account, StandardCharsets.UTF_8)
                + "?secret=" + secret + "&issuer=" + URLEncoder.encode(issuer, StandardCharsets.UTF_8)
                + "&algorithm=SHA1&digits=6&period=30";
    }

    /** Base32 without padding, as authenticator apps take it. */
    static String base32(byte[] data) {
        return BASE32.encodeToString(data).replace("=", "");
    }

    static byte[] decode(String base32) {
        String s = base32.replace(" ", "").toUpperCase();
        if (!BASE32.isInAlphabet(s.replace("=", ""))) {
            throw new IllegalArgumentException("not base32");
        }
        return BASE32.decode(s);
    }
}
