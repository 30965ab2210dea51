package cn.anju.feedback.channel;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Header text as Chinese mail clients write it. RFC 2047 encoded-words are decoded with the bytes of adjacent words of
 * one charset joined first, because clients split a long subject between the bytes of one GBK character; and GB2312
 * and GBK are read as GB18030, their superset, because clients label text GB2312 that holds GBK characters. Header
 * bytes sent unencoded are read as UTF-8 when they are that, else as GB18030.
 */
final class HeaderText {

    private static final Pattern WORD = Pattern.compile("=\\?([^?\\s]+)\\?([BbQq])\\?([^?\\s]*)\\?=");
    private static final Pattern GAP = Pattern.compile("\\s*");

    private HeaderText() {
    }

    /** The charset to read text labelled {@code label} with; UTF-8 for an unknown or missing label. */
    static Charset charset(String label) {
        if (label == null || label.isBlank()) {
            return StandardCharsets.UTF_8;
        }
        String name = label.trim().replace("\"", "").toUpperCase(Locale.ROOT);
        int star = name.indexOf('*'); // RFC 2231 language suffix: GBK*zh
        if (star > 0) {
            name = name.substring(0, star);
        }
        if (name.equals("GB2312") || name.equals("GBK") || name.equals("CP936") || name.equals("X-GBK") || name.equals("EUC-CN")) {
            return Charset.forName("GB18030");
        }
        try {
            return Charset.forName(name);
        } catch (RuntimeException unknown) {
            return StandardCharsets.UTF_8;
        }
    }

    /** Bytes of unknown charset: UTF-8 when they are valid UTF-8, else GB18030 (what an unlabelled Chinese message is). */
    static String guess(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException notUtf8) {
            return new String(bytes, Charset.forName("GB18030"));
        }
    }

    /** The header's text with every encoded-word decoded; text outside the words is kept as it is. */
    static String decode(String raw) {
        if (raw == null) {
            return "";
        }
        String text = raw.replaceAll("\\r?\\n[ \\t]", " ");
        if (text.chars().anyMatch(c -> c >= 0x80) && text.chars().allMatch(c -> c <= 0xFF)) {
            // raw 8-bit header bytes (some clients send GBK or UTF-8 unencoded), which Jakarta Mail hands over one char a byte
            text = guess(text.getBytes(StandardCharsets.ISO_8859_1));
        }
        Matcher m = WORD.matcher(text);
        StringBuilder out = new StringBuilder();
        int at = 0;
        String runCharset = null;
        ByteArrayOutputStream run = new ByteArrayOutputStream();
        while (m.find()) {
            String between = text.substring(at, m.start());
            boolean adjacent = runCharset != null && GAP.matcher(between).matches();
            if (!adjacent || !runCharset.equalsIgnoreCase(m.group(1))) {
                flush(out, run, runCharset);
                if (!adjacent) { // white space between two encoded-words is not text (RFC 2047)
                    out.append(between);
                }
                runCharset = m.group(1);
            }
            run.writeBytes(bytes(m.group(2), m.group(3)));
            at = m.end();
        }
        flush(out, run, runCharset);
        return out.append(text.substring(at)).toString().trim();
    }

    private static void flush(StringBuilder out, ByteArrayOutputStream run, String charset) {
        if (run.size() > 0) {
            out.append(new String(run.toByteArray(), charset(charset)));
            run.reset();
        }
    }

    private static byte[] bytes(String encoding, String text) {
        if (encoding.equalsIgnoreCase("B")) {
            try {
                return Base64.getMimeDecoder().decode(text);
            } catch (IllegalArgumentException broken) {
                return text.getBytes(StandardCharsets.US_ASCII);
            }
        }
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '_') {
                b.write(' ');
            } else if (c == '=' && isHex(text, i + 1)) {
                b.write(Integer.parseInt(text.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                b.write(c);
            }
        }
        return b.toByteArray();
    }

    private static boolean isHex(String s, int at) {
        return at + 1 < s.length() && Character.digit(s.charAt(at), 16) >= 0 && Character.digit(s.charAt(at + 1), 16) >= 0;
    }
}
