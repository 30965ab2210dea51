package cn.anju.survey;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The arithmetic of survey results, pure and property-tested (formulas in {@code docs/surveys.md}): the satisfaction
 * share with its 95 % Wilson interval corrected for a finite population (a project survey is close to a census, so
 * the interval narrows to the share itself when every household answered), the mean of a 1-5 rating, and which groups
 * to suppress so that no group under the minimum can be seen or recovered by subtraction from a published total.
 */
public final class SurveyStatistics {

    /** The normal quantile of a two-sided 95 % interval. */
    public static final double Z95 = 1.959963984540054;
    /** Groups with fewer answers than this are never shown. */
    public static final int MIN_GROUP = 5;

    private SurveyStatistics() {
    }

    /** A share and its interval; {@code marginOfError} is the larger distance from the share to an end. */
    public record Interval(double share, double low, double high) {

        public double marginOfError() {
            return Math.max(share - low, high - share);
        }
    }

    /**
     * The Wilson score interval for {@code satisfied} of {@code answers}, drawn from {@code population} households without
     * replacement: z² is scaled by the finite-population correction (N − n) / (N − 1), so a census has no sampling error.
     */
    public static Interval wilson(int satisfied, int answers, int population, double z) {
        if (answers <= 0 || satisfied < 0 || satisfied > answers || population < answers) {
            throw new IllegalArgumentException("need 0 <= satisfied <= answers <= population and answers > 0");
        }
        double n = answers;
        double p = satisfied / n;
        double fpc = population <= 1 ? 0 : (double) (population - answers) / (population - 1);
        double z2 = z * z * fpc;
        double denominator = 1 + z2 / n;
        double centre = (p + z2 / (2 * n)) / denominator;
        double half = Math.sqrt(z2) / denominator * Math.sqrt(p * (1 - p) / n + z2 / (4 * n * n));
        return new Interval(p, Math.max(0, centre - half), Math.min(1, centre + half));
    }

    /** The mean of 1-5 ratings given as counts per score (index 0 = score 1); NaN when nobody rated. */
    public static double mean(int[] countsByScore) {
        long total = 0;
        long sum = 0;
        for (int i = 0; i < countsByScore.length; i++) {
            total += countsByScore[i];
            sum += (long) (i + 1) * countsByScore[i];
        }
        return total == 0 ? Double.NaN : (double) sum / total;
    }

    /** The share of ratings of 4 or 5 out of 5. */
    public static int satisfied(int[] countsByScore) {
        return countsByScore.length < 5 ? 0 : countsByScore[3] + countsByScore[4];
    }

    /**
     * The groups to hide when their sum is published as a total: each group under {@link #MIN_GROUP} (primary), then,
     * while the hidden groups together hold fewer than the minimum (or only one group is hidden), the smallest other
     * group as well (complementary). What the total minus the shown groups gives is then a sum of at least two groups
     * and at least {@link #MIN_GROUP} answers, never one small group nor a few answers. A total itself under the
     * minimum hides every group.
     */
    public static <K> Set<K> suppressed(Map<K, Integer> answersByGroup) {
        int total = answersByGroup.values().stream().mapToInt(Integer::intValue).sum();
        if (total < MIN_GROUP) {
            return new LinkedHashSet<>(answersByGroup.keySet());
        }
        Set<K> hidden = new LinkedHashSet<>();
        answersByGroup.forEach((group, count) -> {
            if (count < MIN_GROUP) {
                hidden.add(group);
            }
        });
        List<Map.Entry<K, Integer>> others = new ArrayList<>(answersByGroup.entrySet());
        others.removeIf(e -> hidden.contains(e.getKey()));
        others.sort(Comparator.comparingInt(Map.Entry::getValue));
        int hiddenAnswers = hidden.stream().mapToInt(answersByGroup::get).sum();
        for (Map.Entry<K, Integer> next : others) {
            if (hidden.isEmpty() || hidden.size() >= 2 && hiddenAnswers >= MIN_GROUP) {
                break;
            }
            hidden.add(next.getKey());
            hiddenAnswers += next.getValue();
        }
        return hidden;
    }
}
