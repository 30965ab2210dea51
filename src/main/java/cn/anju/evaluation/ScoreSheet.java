package cn.anju.evaluation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * An evaluation's leaves as they stand: each computed leaf with its current frozen figure (and the versions before),
 * each manual leaf with its latest score, and the total they make. What the pages, the API and the signature read, so
 * the total signed is the total shown.
 */
public record ScoreSheet(IndicatorTree tree, List<Line> lines, BigDecimal total, Band band) {

    /** One leaf: {@code earned} is its share of full points (0-1); {@code scored} false for a manual leaf nobody scored yet. */
    public record Line(IndicatorLeaf leaf, FrozenMeasure measure, List<FrozenMeasure> history, ManualScore manual, boolean applicable,
                       boolean scored, BigDecimal earned, BigDecimal effectiveWeight, BigDecimal score) {
    }

    static ScoreSheet of(IndicatorTree tree, List<FrozenMeasure> frozen, List<ManualScore> scores) {
        Map<String, List<FrozenMeasure>> versions = frozen.stream().sorted(Comparator.comparingInt(FrozenMeasure::version))
                .collect(Collectors.groupingBy(FrozenMeasure::leafCode));
        Map<String, ManualScore> manual = scores.stream().collect(Collectors.toMap(ManualScore::leafCode, Function.identity()));
        List<Scoring.Input> inputs = new ArrayList<>();
        record Part(IndicatorLeaf leaf, FrozenMeasure current, List<FrozenMeasure> before, ManualScore manual, boolean applicable,
                    boolean scored, BigDecimal earned) {
        }
        List<Part> parts = new ArrayList<>();
        for (IndicatorLeaf leaf : tree.leaves()) {
            List<FrozenMeasure> history = versions.getOrDefault(leaf.code(), List.of());
            FrozenMeasure current = history.isEmpty() ? null : history.getLast();
            ManualScore score = manual.get(leaf.code());
            boolean applicable;
            BigDecimal earned;
            if (leaf.computed()) {
                applicable = current != null && current.applicable();
                earned = applicable ? leaf.earned(current.value()) : BigDecimal.ZERO;
            } else {
                applicable = true;
                earned = score == null ? BigDecimal.ZERO : score.percent().divide(BigDecimal.valueOf(100), 6, RoundingMode.HALF_UP);
            }
            inputs.add(new Scoring.Input(leaf.code(), leaf.level(), leaf.weight(), applicable, earned));
            parts.add(new Part(leaf, current, history.isEmpty() ? List.of() : history.subList(0, history.size() - 1), score, applicable,
                    leaf.computed() ? current != null : score != null, earned));
        }
        Scoring.Result result = Scoring.score(inputs);
        List<Line> lines = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            Part p = parts.get(i);
            Scoring.Scored s = result.leaves().get(i);
            lines.add(new Line(p.leaf(), p.current(), p.before(), p.manual(), p.applicable(), p.scored(), p.earned(), s.effectiveWeight(),
                    s.score()));
        }
        return new ScoreSheet(tree, List.copyOf(lines), result.total(), result.band());
    }

    /** The sheet as signed: each leaf's effective weight, share and score as kept at signing, the total and band as stored. */
    ScoreSheet asSigned(Map<String, BigDecimal[]> kept, BigDecimal signedTotal, String signedBand) {
        List<Line> signed = lines.stream().map(l -> {
            BigDecimal[] k = kept.get(l.leaf().code());
            return k == null ? l : new Line(l.leaf(), l.measure(), l.history(), l.manual(), l.applicable(), l.scored(), k[1], k[0], k[2]);
        }).toList();
        return new ScoreSheet(tree, signed, signedTotal, Band.ofLabel(signedBand));
    }

    /** The manual leaves still without a score. */
    List<String> unscored() {
        return lines.stream().filter(l -> !l.scored()).map(l -> l.leaf().name()).toList();
    }

    Scoring.Result result() {
        return new Scoring.Result(lines.stream().map(l -> new Scoring.Scored(l.leaf().code(), l.effectiveWeight(), l.score())).toList(),
                total, band);
    }
}
