// Standalone verifier of Anju's selection order, algorithms anju-lottery-v1 and anju-points-v1 (docs/lottery.md).
// It uses nothing of the platform: only the JDK. Run it on a round's published data:
//
//     java tools/lottery-verifier/Verify.java publication.txt
//
// where publication.txt is what the round's public page offers ("下载复核数据"). It checks that the applicant list
// matches its published digest, that the revealed seed matches the commitment published before the draw, recomputes
// the order from the list, the seed and the public value, and compares it with the published order.
// Exit code 0: everything matches; 1: something does not (the reason is printed); 2: the file cannot be read.

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

public class Verify {

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: java Verify.java publication.txt");
            System.exit(2);
        }
        List<String> lines = Files.readAllLines(Path.of(args[0]), StandardCharsets.UTF_8);
        Map<String, String> fields = new HashMap<>();
        List<String> applicants = new ArrayList<>();
        List<String> order = new ArrayList<>();
        List<String> section = null;
        for (String line : lines) {
            if (line.equals("applicants:")) {
                section = applicants;
            } else if (line.equals("order:")) {
                section = order;
            } else if (section != null) {
                if (!line.isEmpty()) {
                    section.add(line);
                }
            } else if (line.contains(": ") || line.endsWith(":")) {
                int colon = line.indexOf(':');
                fields.put(line.substring(0, colon), line.substring(colon + 1).trim());
            }
        }
        String algorithm = fields.getOrDefault("algorithm", "");
        boolean byPoints = algorithm.equals("anju-points-v1");
        if (!algorithm.equals("anju-lottery-v1") && !byPoints) {
            fail("unknown algorithm version '" + algorithm + "' (this verifier knows anju-lottery-v1 and anju-points-v1)");
        }
        String seed = fields.getOrDefault("seed", "");
        String publicValue = fields.getOrDefault("public-value", "");
        if (seed.isEmpty() || publicValue.isEmpty()) {
            fail("the round is not drawn yet: no seed or public value published");
        }
        // 1. the list is the one whose digest was published before the draw
        StringBuilder listText = new StringBuilder();
        applicants.forEach(a -> listText.append(a).append('\n'));
        String digest = hex(sha256(listText.toString()));
        if (!digest.equals(fields.get("list-digest"))) {
            fail("the applicant list does not match its published digest: " + digest + " != " + fields.get("list-digest"));
        }
        // 2. the seed is the one committed to before the draw
        String commitment = hex(sha256("anju-seed-v1:" + seed));
        if (!commitment.equals(fields.get("seed-commitment"))) {
            fail("the revealed seed does not match the published commitment");
        }
        // 3. the order follows from the seed, the public value and the list digest
        byte[] key = sha256(seed + "|" + publicValue + "|" + digest);
        List<Integer> groupOrder = Arrays.stream(fields.getOrDefault("group-order", "").split(","))
                .filter(s -> !s.isBlank()).map(s -> Integer.parseInt(s.trim())).toList();
        // each row: ref, group, tag, points (points rounds: lines are ref|group|points|name|id)
        List<String[]> rows = new ArrayList<>();
        for (String a : applicants) {
            String[] p = a.split("\\|", -1);
            if (byPoints && p.length != 5 || !byPoints && p.length != 4) {
                fail("an applicant line does not have the fields of " + algorithm + ": " + a);
            }
            rows.add(new String[]{p[0], p[1], hex(hmac(key, p[0])), byPoints ? p[2] : "0"});
        }
        rows.sort((x, y) -> {
            if (byPoints) {
                // points, highest first; equal points in tag order (the lottery breaks ties)
                int px = Integer.parseInt(x[3]);
                int py = Integer.parseInt(y[3]);
                return px != py ? Integer.compare(py, px) : x[2].compareTo(y[2]);
            }
            int gx = rank(groupOrder, Integer.parseInt(x[1]));
            int gy = rank(groupOrder, Integer.parseInt(y[1]));
            return gx != gy ? Integer.compare(gx, gy) : x[2].compareTo(y[2]);
        });
        List<String> expected = rows.stream().map(r -> r[0]).toList();
        if (!expected.equals(order)) {
            for (int i = 0; i < Math.max(expected.size(), order.size()); i++) {
                String e = i < expected.size() ? expected.get(i) : "(none)";
                String o = i < order.size() ? order.get(i) : "(none)";
                if (!e.equals(o)) {
                    fail("the published order differs at position " + (i + 1) + ": expected " + e + ", published " + o);
                }
            }
        }
        System.out.println("MATCHES: " + expected.size() + " applicants, order recomputed from the published data");
    }

    static int rank(List<Integer> groupOrder, int group) {
        int i = groupOrder.indexOf(group);
        return i < 0 ? groupOrder.size() : i;
    }

    static byte[] sha256(String text) throws Exception {
        return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    }

    static byte[] hmac(byte[] key, String message) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
    }

    static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    static void fail(String reason) {
        System.out.println("DOES NOT MATCH: " + reason);
        System.exit(1);
    }
}
