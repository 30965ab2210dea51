package cn.anju.evaluation;

import cn.anju.support.EvaluationVerifier;
import cn.anju.support.PlatformTest;
import cn.anju.support.WebClient;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The standalone evaluation verifier (tools/evaluation-verifier, JDK only) recomputes every signed demo evaluation from
 * its public JSON alone, catches a changed score, weight or band, and spreads a non-applicable leaf's weight as the
 * platform's Scoring does.
 */
@PlatformTest
class EvaluationVerifierTest {

    /** Numbers kept as written (8.0000 stays 8.0000), so a copy differs from the published JSON only where we change it. */
    static final JsonMapper JSON = JsonMapper.builder().enable(JsonNodeFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES).build();

    @LocalServerPort
    int port;

    @Test
    void everySignedDemoEvaluationIsRecomputedFromItsPublicJson() throws Exception {
        int verified = 0;
        for (Map.Entry<String, String> district : Map.of("yuyang.gov", "610802", "shenmu.gov", "610881").entrySet()) {
            WebClient officer = WebClient.loggedIn(port, district.getKey());
            HttpResponse<String> list = officer.getJson("/api/v1/evaluations");
            assertThat(list.statusCode()).as(list.body()).isEqualTo(200);
            List<Long> signed = new ArrayList<>();
            for (JsonNode e : WebClient.json(list)) {
                if (List.of("FINAL", "PUBLISHED").contains(e.get("status").asString()) && e.get("districtCode").asString().equals(district.getValue())) {
                    signed.add(e.get("id").asLong());
                }
            }
            // the demo signs the last two ended quarters of each district's contract
            assertThat(signed).as(district.getKey()).hasSizeGreaterThanOrEqualTo(2);
            for (long id : signed) {
                HttpResponse<String> detail = officer.getJson("/api/v1/evaluations/" + id);
                assertThat(detail.statusCode()).as(detail.body()).isEqualTo(200);
                JsonNode published = WebClient.json(detail);
                String total = published.get("summary").get("total").decimalValue().setScale(2).toPlainString(); // as the tool prints it
                String out = verify(detail.body());
                assertThat(out).as("evaluation " + id).contains("MATCHES: " + published.get("leaves").size() + " leaves, total " + total
                        + ", band " + published.get("summary").get("band").asString());
                assertTampered(detail.body());
                verified++;
            }
        }
        assertThat(verified).isGreaterThanOrEqualTo(4);
    }

    /** A changed leaf score, a changed weight and a changed band are each caught. */
    void assertTampered(String body) throws Exception {
        ObjectNode original = (ObjectNode) JSON.readTree(body);
        // a copy read and written again is still the same evaluation
        assertThat(verify(JSON.writeValueAsString(original))).contains("MATCHES");

        ObjectNode score = original.deepCopy();
        ObjectNode leaf = firstScoring(score);
        leaf.put("score", leaf.get("score").decimalValue().subtract(new BigDecimal("0.0100")));
        assertThat(verify(JSON.writeValueAsString(score))).contains("DIFFERS: ").contains("the score of " + leaf.get("code").asString());

        ObjectNode weight = original.deepCopy();
        leaf = firstScoring(weight);
        leaf.put("weight", leaf.get("weight").decimalValue().add(BigDecimal.ONE));
        assertThat(verify(JSON.writeValueAsString(weight))).contains("DIFFERS: ").contains("weights do not add up to 100");

        // weight moved between two leaves: the total is still 100, but the effective weights no longer follow
        ObjectNode moved = original.deepCopy();
        ObjectNode from = (ObjectNode) moved.get("leaves").get(0);
        ObjectNode to = firstScoring(moved);
        assertThat(from.get("code").asString()).isNotEqualTo(to.get("code").asString());
        from.put("weight", from.get("weight").decimalValue().subtract(BigDecimal.ONE));
        to.put("weight", to.get("weight").decimalValue().add(BigDecimal.ONE));
        assertThat(verify(JSON.writeValueAsString(moved))).contains("DIFFERS: ").contains("effective weight");

        ObjectNode band = original.deepCopy();
        String label = band.get("summary").get("band").asString();
        ((ObjectNode) band.get("summary")).put("band", label.equals("优") ? "良" : "优");
        assertThat(verify(JSON.writeValueAsString(band))).contains("DIFFERS: ").contains("the band differs");
    }

    /** The first applicable leaf that earns points and is not the first leaf. */
    static ObjectNode firstScoring(ObjectNode evaluation) {
        JsonNode leaves = evaluation.get("leaves");
        for (int i = 1; i < leaves.size(); i++) {
            if (leaves.get(i).get("applicable").asBoolean() && leaves.get(i).get("score").decimalValue().signum() > 0) {
                return (ObjectNode) leaves.get(i);
            }
        }
        throw new AssertionError("no leaf scores in " + evaluation);
    }

    @Test
    void theReadmeExampleMatchesAndItsDisclosureAndFlatShapesToo() throws Exception {
        String example = Files.readString(Path.of("tools/evaluation-verifier/example.json"));
        assertThat(verify(example)).contains("MATCHES: 17 leaves, total 57.25, band 差");
        JsonNode detail = JSON.readTree(example);
        // as the disclosure module publishes it: an item whose content is the detail
        ObjectNode item = JSON.createObjectNode();
        item.put("kind", "EVALUATION");
        item.set("content", detail);
        assertThat(verify(JSON.writeValueAsString(item))).contains("MATCHES: 17 leaves");
        // flat: total, band and leaves at the top
        ObjectNode flat = JSON.createObjectNode();
        flat.set("total", detail.get("summary").get("total"));
        flat.set("band", detail.get("summary").get("band"));
        flat.set("leaves", detail.get("leaves"));
        assertThat(verify(JSON.writeValueAsString(flat))).contains("MATCHES: 17 leaves");
        // not an evaluation at all: unreadable, exit 2
        assertThat(run("{\"leaves\": [}")).startsWith("2:");
        assertThat(run("{\"summary\": {\"total\": 1}}")).startsWith("2:");
    }

    /** A leaf of the hand-made tree: a manual one has a percent, a computed one target, floor, numerator and denominator. */
    record Hand(String code, IndicatorLevel level, int weight, String percent, String target, String floor, String numerator,
                String denominator) {
    }

    /**
     * A hand-made tree of 100: A manual (decision 10, scored 80 %); B (process 20) with nothing to judge; C, D and F
     * (process 10 each, D lower is better: days); E (benefit 40).
     */
    static List<Hand> handMade(String eNumerator, String eDenominator) {
        return List.of(new Hand("A", IndicatorLevel.DECISION, 10, "80", null, null, null, null),
                new Hand("B", IndicatorLevel.PROCESS, 20, null, "1", "0.80", "0", "0"),
                new Hand("C", IndicatorLevel.PROCESS, 10, null, "0.95", "0.80", "90.00", "100.00"),
                new Hand("D", IndicatorLevel.PROCESS, 10, null, "30", "90", "150", "4"),
                new Hand("F", IndicatorLevel.PROCESS, 10, null, "1", "0.80", "9", "10"),
                new Hand("E", IndicatorLevel.BENEFIT, 40, null, "0.90", "0.60", eNumerator, eDenominator));
    }

    /** The JSON the API would publish for a hand-made tree: every figure is the platform's own (Scoring, IndicatorLeaf). */
    static String published(List<Hand> leaves, Scoring.Result result) {
        StringBuilder json = new StringBuilder("{\"summary\": {\"total\": " + result.total() + ", \"band\": \"" + result.band().label()
                + "\"}, \"leaves\": [\n");
        for (int i = 0; i < leaves.size(); i++) {
            Hand h = leaves.get(i);
            Scoring.Scored s = result.leaves().get(i);
            BigDecimal value = value(h);
            json.append(i == 0 ? "" : ",\n").append("{\"code\": \"").append(h.code()).append("\", \"level\": \"").append(h.level())
                    .append("\", \"kind\": \"").append(h.percent() != null ? "MANUAL" : "COMPUTED").append("\", \"weight\": ").append(h.weight())
                    .append(", \"effectiveWeight\": ").append(s.effectiveWeight()).append(", \"applicable\": ").append(applicable(h))
                    .append(", \"target\": ").append(h.target()).append(", \"floor\": ").append(h.floor())
                    .append(", \"value\": ").append(value).append(", \"numerator\": ").append(h.numerator())
                    .append(", \"denominator\": ").append(h.denominator()).append(", \"percent\": ").append(h.percent())
                    .append(", \"score\": ").append(s.score()).append("}");
        }
        return json.append("]}").toString();
    }

    static Scoring.Result score(List<Hand> leaves) {
        return Scoring.score(leaves.stream().map(h -> new Scoring.Input(h.code(), h.level(), BigDecimal.valueOf(h.weight()), applicable(h),
                h.percent() != null ? new BigDecimal(h.percent()).divide(BigDecimal.valueOf(100), 6, RoundingMode.HALF_UP)
                        : applicable(h) ? new IndicatorLeaf(h.code(), h.level(), h.code(), BigDecimal.valueOf(h.weight()), "M",
                        new BigDecimal(h.target()), new BigDecimal(h.floor()), null).earned(value(h)) : BigDecimal.ZERO)).toList());
    }

    static boolean applicable(Hand h) {
        return h.percent() != null || new BigDecimal(h.denominator()).signum() != 0;
    }

    /** A ratio as the platform freezes it (MeasureValue.ratio): four decimals, half-up; none when nothing to judge. */
    static BigDecimal value(Hand h) {
        return h.percent() != null || !applicable(h) ? null
                : new BigDecimal(h.numerator()).divide(new BigDecimal(h.denominator()), 4, RoundingMode.HALF_UP);
    }

    /** The JSON with one field of one leaf changed. */
    static String tamper(String json, String code, String field, Object value) {
        ObjectNode root = (ObjectNode) JSON.readTree(json);
        for (JsonNode leaf : root.get("leaves")) {
            if (leaf.get("code").asString().equals(code)) {
                ((ObjectNode) leaf).putPOJO(field, value);
            }
        }
        return JSON.writeValueAsString(root);
    }

    /**
     * B has nothing to judge, so the process level's 50 go to C, D and F in proportion to their weights (10 each):
     * 16.666… each, carried to four decimals by largest remainder, the two units left over to the earlier leaves on the tie.
     */
    @Test
    void aNonApplicableLeafsWeightIsSpreadOverItsLevel() throws Exception {
        List<Hand> leaves = handMade("19", "20");
        Scoring.Result platform = score(leaves);
        assertThat(platform.leaves()).extracting(s -> s.effectiveWeight().toPlainString())
                .containsExactly("10.0000", "0.0000", "16.6667", "16.6667", "16.6666", "40.0000");
        assertThat(platform.leaves()).extracting(s -> s.score().toPlainString())
                .containsExactly("8.0000", "0.0000", "11.1111", "14.5834", "8.3333", "40.0000");
        assertThat(platform.total()).isEqualByComparingTo("82.03");
        String json = published(leaves, platform);
        assertThat(verify(json)).contains("MATCHES: 6 leaves, total 82.03, band 良");

        // B's weight kept by B: wrong
        assertThat(verify(tamper(json, "B", "effectiveWeight", new BigDecimal("20.0000")))).contains("DIFFERS: ")
                .contains("the effective weight of B");
        // the tie's two units given to C and F instead of C and D (the total would still be 82.03): wrong
        String tie = tamper(tamper(json, "D", "effectiveWeight", new BigDecimal("16.6666")), "F", "effectiveWeight", new BigDecimal("16.6667"));
        tie = tamper(tamper(tie, "D", "score", new BigDecimal("14.5833")), "F", "score", new BigDecimal("8.3334"));
        assertThat(verify(tie)).contains("DIFFERS: ").contains("the effective weight of D").doesNotContain("total differs");
        // B published as applicable although its denominator is 0
        assertThat(verify(tamper(json, "B", "applicable", true))).contains("DIFFERS: ").contains("zero denominator");
        // a value that is not numerator ÷ denominator (four decimals, half-up)
        assertThat(verify(tamper(json, "D", "numerator", 151))).contains("DIFFERS: ").contains("value of D");
    }

    /**
     * E has nothing to judge either, so the benefit level has no applicable leaf: the levels in play, decision 10 and
     * process 50, share the 100 in proportion (16.666… and 83.333…), the process share again over C, D and F (27.777…
     * each, the three units left over to their larger remainders).
     */
    @Test
    void aLevelWithNothingToJudgeGivesItsWeightToTheOtherLevels() throws Exception {
        List<Hand> leaves = handMade("0", "0");
        Scoring.Result platform = score(leaves);
        assertThat(platform.leaves()).extracting(s -> s.effectiveWeight().toPlainString())
                .containsExactly("16.6666", "0.0000", "27.7778", "27.7778", "27.7778", "0.0000");
        assertThat(platform.leaves()).extracting(s -> s.score().toPlainString())
                .containsExactly("13.3333", "0.0000", "18.5185", "24.3056", "13.8889", "0.0000");
        assertThat(platform.total()).isEqualByComparingTo("70.05");
        assertThat(verify(published(leaves, platform))).contains("MATCHES: 6 leaves, total 70.05, band 中");
    }

    /** Runs the verifier on a JSON text; its output, checked against the exit code (0 for MATCHES, 1 for DIFFERS). */
    static String verify(String json) throws IOException, InterruptedException {
        String out = run(json);
        int code = out.charAt(0) - '0';
        out = out.substring(2);
        assertThat(code).as(out).isEqualTo(out.contains("\nMATCHES: ") || out.startsWith("MATCHES: ") ? 0 : 1);
        return out;
    }

    /** Runs the standalone verifier (JDK only, no platform class on its class path): "exit code:output". */
    static String run(String json) throws IOException, InterruptedException {
        return EvaluationVerifier.run(json);
    }
}
