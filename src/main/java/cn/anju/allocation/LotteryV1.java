package cn.anju.allocation;

import cn.anju.shared.crypto.Crypto;
import cn.anju.shared.crypto.CryptoPurpose;
import cn.anju.shared.crypto.HashAlgorithm;
import java.nio.charset.StandardCharsets;
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
 * Its sibling {@code anju-points-v1} (points ranking) differs only in two places: each list line carries the
 * household's points ({@code ref|group|points|masked name|masked ID}), and the order is by points (descending),
 * then by tag (ascending): ties are broken by the same lottery.
 */
final class LotteryV1 {

    static final String VERSION = "anju-lottery-v1";
    static final String POINTS_VERSION = "anju-points-v1";

    /** @param points null in a lottery round */
    record Applicant(String ref, int group, Integer points, String maskedName, String maskedId) {

        Applicant(String ref, int group, String maskedName, String maskedId) {
            this(ref, group, null, maskedName, maskedId);
        }

        String line() {
            return ref + "|" + group + "|" + (points == null ? "" : points + "|") + maskedName + "|" + maskedId + "\n";
        }

        /** A line of a published list: four fields in a lottery round, five (with points) in a points round. */
        static Applicant parse(String line) {
            String[] p = line.split("\\|", -1);
            return p.length == 5 ? new Applicant(p[0], Integer.parseInt(p[1]), Integer.parseInt(p[2]), p[3], p[4])
                    : new Applicant(p[0], Integer.parseInt(p[1]), null, p[2], p[3]);
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
        return Crypto.hmacWith(PUBLISHED, drawKey, ref.getBytes(StandardCharsets.UTF_8)).hex();
    }

    /** The refs in drawn order. */
    static List<String> order(List<Applicant> applicants, List<Integer> groupOrder, byte[] drawKey) {
        List<Applicant> sorted = new ArrayList<>(applicants);
        sorted.sort(Comparator.<Applicant>comparingInt(a -> rank(groupOrder, a.group()))
                .thenComparing(a -> tag(drawKey, a.ref())));
        return sorted.stream().map(Applicant::ref).toList();
    }

    /** {@code anju-points-v1}: the refs by points, highest first, ties in tag order. */
    static List<String> orderByPoints(List<Applicant> applicants, byte[] drawKey) {
        List<Applicant> sorted = new ArrayList<>(applicants);
        sorted.sort(Comparator.<Applicant>comparingInt(a -> -a.points()).thenComparing(a -> tag(drawKey, a.ref())));
        return sorted.stream().map(Applicant::ref).toList();
    }

    /** The order the round's algorithm gives. */
    static List<String> order(String algorithm, List<Applicant> applicants, List<Integer> groupOrder, byte[] drawKey) {
        return POINTS_VERSION.equals(algorithm) ? orderByPoints(applicants, drawKey) : order(applicants, groupOrder, drawKey);
    }

    private static int rank(List<Integer> groupOrder, int group) {
        int i = groupOrder.indexOf(group);
        return i < 0 ? groupOrder.size() : i;
    }

    static String sha256Hex(String text) {
        return HexFormat.of().formatHex(sha256(text));
    }

    /**
     * The published algorithm of this version: HMAC-SHA256 and SHA-256 whatever {@code anju.crypto.suite} says, since
     * anyone re-checks a draw with tools/lottery-verifier; a draw with the national algorithms would be a new version.
     */
    static final CryptoPurpose PUBLISHED = CryptoPurpose.pinned("anju-lottery-v1", HashAlgorithm.SHA256);

    private static byte[] sha256(String text) {
        return Crypto.digestPinned(PUBLISHED, text.getBytes(StandardCharsets.UTF_8)).bytes();
    }
}
