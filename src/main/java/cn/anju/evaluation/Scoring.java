package cn.anju.evaluation;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The arithmetic of a score, pure so that anyone can redo it from the published leaves. A leaf that is not applicable
 * (no records to judge) earns nothing and its weight goes to the applicable leaves of its level in proportion to their
 * weights; a level with no applicable leaf gives its weight to the other levels the same way. Effective weights are
 * carried to four decimals by largest remainder, so they always add up to exactly 100; a leaf's score is its earned
 * share × its effective weight (four decimals, half-up); the total is the sum of the scores, half-up to two decimals.
 */
public final class Scoring {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final MathContext EXACT = new MathContext(34, RoundingMode.HALF_EVEN);
    private static final BigDecimal UNIT = new BigDecimal("0.0001");

    private Scoring() {
    }

    /** A leaf as scored: {@code earned} is its share of full points, 0 to 1 (ignored when not applicable). */
    public record Input(String code, IndicatorLevel level, BigDecimal weight, boolean applicable, BigDecimal earned) {
    }

    public record Scored(String code, BigDecimal effectiveWeight, BigDecimal score) {
    }

    public record Result(List<Scored> leaves, BigDecimal total, Band band) {
    }

    public static Result score(List<Input> inputs) {
        List<BigDecimal> exact = effectiveWeights(inputs);
        List<BigDecimal> effective = toFourDecimals(exact);
        List<Scored> scored = new ArrayList<>(inputs.size());
        BigDecimal sum = BigDecimal.ZERO;
        for (int i = 0; i < inputs.size(); i++) {
            Input in = inputs.get(i);
            BigDecimal score = in.applicable() ? in.earned().multiply(effective.get(i)).setScale(4, RoundingMode.HALF_UP)
                    : BigDecimal.ZERO.setScale(4);
            scored.add(new Scored(in.code(), effective.get(i), score));
            sum = sum.add(score);
        }
        BigDecimal total = sum.setScale(2, RoundingMode.HALF_UP);
        return new Result(scored, total, Band.of(total));
    }

    /** The exact (unrounded) effective weights, summing to 100 when any leaf is applicable, else all 0. */
    static List<BigDecimal> effectiveWeights(List<Input> inputs) {
        Map<IndicatorLevel, BigDecimal> nominal = new EnumMap<>(IndicatorLevel.class);
        Map<IndicatorLevel, BigDecimal> applicable = new EnumMap<>(IndicatorLevel.class);
        for (Input in : inputs) {
            nominal.merge(in.level(), in.weight(), BigDecimal::add);
            if (in.applicable()) {
                applicable.merge(in.level(), in.weight(), BigDecimal::add);
            }
        }
        BigDecimal levelsInPlay = applicable.keySet().stream().map(nominal::get).reduce(BigDecimal.ZERO, BigDecimal::add);
        List<BigDecimal> exact = new ArrayList<>(inputs.size());
        for (Input in : inputs) {
            if (!in.applicable()) {
                exact.add(BigDecimal.ZERO);
                continue;
            }
            BigDecimal level = HUNDRED.multiply(nominal.get(in.level())).divide(levelsInPlay, EXACT);
            exact.add(level.multiply(in.weight()).divide(applicable.get(in.level()), EXACT));
        }
        return exact;
    }

    /** Rounds down to 0.0001 and hands the units left over to the largest remainders (the earlier leaf on a tie). */
    static List<BigDecimal> toFourDecimals(List<BigDecimal> exact) {
        List<BigDecimal> down = exact.stream().map(x -> x.setScale(4, RoundingMode.DOWN)).toList();
        BigDecimal target = exact.stream().reduce(BigDecimal.ZERO, BigDecimal::add).setScale(4, RoundingMode.HALF_UP);
        BigDecimal given = down.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        int left = target.subtract(given).divide(UNIT, 0, RoundingMode.HALF_UP).intValueExact();
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < exact.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparing((Integer i) -> exact.get(i).subtract(down.get(i))).reversed().thenComparing(i -> i));
        List<BigDecimal> result = new ArrayList<>(down);
        for (int k = 0; k < left; k++) {
            int i = order.get(k);
            result.set(i, result.get(i).add(UNIT));
        }
        return result;
    }
}
