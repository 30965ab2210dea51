package cn.anju.allocation;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;

/**
 * The published lottery algorithm {@code anju-lottery-v1} (docs/lottery.md), written so that a third party can
 * redo every step in any language:
 * <ol>
 * <li>list digest D = hex SHA-256 of the applicant list text (UTF-8; one line per applicant
 * {@code ref|group|masked name|masked ID}, sorted by ref, each line ending in \n);</li>
 * <li>commitment C = hex SHA-256 of {@code "anju-seed-v1:" + seed} (seed: 64 lower-case hex characters),
 * published with the list before the draw;</li>
 * <li>draw key K = SHA-256 of {@code seed + "|" + public value + "|" + D} (the 32 raw bytes);</li>
 * <li>tag of an applicant = hex HMAC-SHA256(K, ref);</li>
 * <li>order: by the position of the applicant's priority group in the round's group order, then by tag
 * (ascending, as text).</li>
 * </ol>
 */
final class LotteryV1 {

    static final String VERSION = "anju-lottery-v1";

    record Applicant(String ref, int group, String maskedName, String maskedId) {
        String line() {
            return ref + "|" + group + "|" + maskedName + "|" + maskedId + "\n";
        }
    }

    private LotteryV1() {
    }

    static String listText(List<Applicant> applicants) {
        StringBuilder text = new StringBuilder();
        applicants.stream().sorted(Comparator.comparing(Applicant::ref)).forEach(a -> text.append(a.line()));
        return text.toString();
    }

    static String digest(String listText) {
        return sha256Hex(listText);
    }

    static String commitment(String seed) {
        return sha256Hex("anju-seed-v1:" + seed);
    }

    static byte[] drawKey(String seed, String publicValue, String listDigest) {
        return sha256(seed + "|" + publicValue + "|" + listDigest);
    }

    static String tag(byte[] drawKey, String ref) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(drawKey, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(ref.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The refs in drawn order. */
    static List<String> order(List<Applicant> applicants, List<Integer> groupOrder, byte[] drawKey) {
        List<Applicant> sorted = new ArrayList<>(applicants);
        sorted.sort(Comparator.<Applicant>comparingInt(a -> rank(groupOrder, a.group()))
                .thenComparing(a -> tag(drawKey, a.ref())));
        return sorted.stream().map(Applicant::ref).toList();
    }

    private static int rank(List<Integer> groupOrder, int group) {
        int i = groupOrder.indexOf(group);
        return i < 0 ? groupOrder.size() : i;
    }

    static String sha256Hex(String text) {
        return HexFormat.of().formatHex(sha256(text));
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
