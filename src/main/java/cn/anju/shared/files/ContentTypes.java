package cn.anju.shared.files;

import java.util.Arrays;

/**
 * What a file is, from its first bytes rather than its name or the browser's claim: PDF ({@code %PDF-}), JPEG
 * ({@code FF D8 FF}) or PNG ({@code 89 50 4E 47 0D 0A 1A 0A}), the only kinds documents, photos and evidence may be.
 */
public final class ContentTypes {

    private ContentTypes() {
    }

    /** The content type, or null when the bytes are none of the accepted kinds. */
    public static String sniff(byte[] c) {
        if (starts(c, '%', 'P', 'D', 'F', '-')) {
            return "application/pdf";
        }
        if (starts(c, 0xFF, 0xD8, 0xFF)) {
            return "image/jpeg";
        }
        if (starts(c, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return "image/png";
        }
        return null;
    }

    /** The content type of an accepted file no larger than {@code maxBytes}; null for anything else. */
    public static String sniffWithin(byte[] c, long maxBytes) {
        return c == null || c.length > maxBytes ? null : sniff(c);
    }

    private static boolean starts(byte[] c, int... magic) {
        if (c == null || c.length < magic.length) {
            return false;
        }
        byte[] b = new byte[magic.length];
        for (int i = 0; i < magic.length; i++) {
            b[i] = (byte) magic[i];
        }
        return Arrays.equals(Arrays.copyOf(c, magic.length), b);
    }
}
