package cn.anju.survey;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The survey arithmetic against hand computations and over generated cases (docs/surveys.md). */
class SurveyStatisticsTest {

    @Test
    void theIntervalMatchesAHandComputation() {
        // 40 of 50 satisfied. Without correction the textbook Wilson interval is 0.6696 .. 0.8876 (tables agree);
        // from 200 households, z² × (200 − 50) / 199 = 2.89562 gives 0.68856 .. 0.87859.
        var infinite = SurveyStatistics.wilson(40, 50, 1_000_000_000, SurveyStatistics.Z95);
        assertThat(infinite.low()).isCloseTo(0.669629, within(1e-6));
        assertThat(infinite.high()).isCloseTo(0.887562, within(1e-6));
        var project = SurveyStatistics.wilson(40, 50, 200, SurveyStatistics.Z95);
        assertThat(project.share()).isEqualTo(0.8);
        assertThat(project.low()).isCloseTo(0.688560, within(1e-6));
        assertThat(project.high()).isCloseTo(0.878595, within(1e-6));
        assertThat(project.marginOfError()).isCloseTo(0.8 - 0.688560, within(1e-6));
    }

    @Test
    void aCensusHasNoSamplingError() {
        var census = SurveyStatistics.wilson(18, 25, 25, SurveyStatistics.Z95);
        assertThat(census.low()).isEqualTo(0.72);
        assertThat(census.high()).isEqualTo(0.72);
    }

    @Test
    void meanAndSatisfiedShareOfRatings() {
        int[] counts = {1, 2, 3, 10, 4}; // 20 ratings: (1 + 4 + 9 + 40 + 20) / 20
        assertThat(SurveyStatistics.mean(counts)).isEqualTo(3.7);
        assertThat(SurveyStatistics.satisfied(counts)).isEqualTo(14);
        assertThat(SurveyStatistics.mean(new int[5])).isNaN();
    }

    @Test
    void aSmallGroupIsHiddenWithItsComplement() {
        Map<String, Integer> groups = new LinkedHashMap<>();
        groups.put("阳光小区", 30);
        groups.put("榆溪苑", 3);
        groups.put("金沙苑", 12);
        // 榆溪苑 alone hidden would be 45 − 30 − 12: the next smallest, 金沙苑, is hidden with it
        assertThat(SurveyStatistics.suppressed(groups)).containsExactlyInAnyOrder("榆溪苑", "金沙苑");
        assertThat(SurveyStatistics.suppressed(Map.of("a", 2, "b", 2))).containsExactlyInAnyOrder("a", "b");
        assertThat(SurveyStatistics.suppressed(Map.of("a", 9, "b", 7))).isEmpty();
        // two small groups of 2: their sum, 4, would be the total minus the rest; the smallest other is hidden too
        Map<String, Integer> twoSmall = new LinkedHashMap<>();
        twoSmall.put("a", 2);
        twoSmall.put("b", 2);
        twoSmall.put("c", 10);
        twoSmall.put("d", 12);
        assertThat(SurveyStatistics.suppressed(twoSmall)).containsExactlyInAnyOrder("a", "b", "c");
    }

    @Property
    void theIntervalHoldsTheShareWithinZeroAndOne(@ForAll @IntRange(min = 1, max = 500) int answers,
                                                  @ForAll @IntRange(min = 0, max = 500) int satisfiedSeed,
                                                  @ForAll @IntRange(min = 0, max = 5000) int extraHouseholds) {
        int satisfied = satisfiedSeed % (answers + 1);
        var i = SurveyStatistics.wilson(satisfied, answers, answers + extraHouseholds, SurveyStatistics.Z95);
        assertThat(i.low()).isBetween(0.0, i.share() + 1e-12);
        assertThat(i.high()).isBetween(i.share() - 1e-12, 1.0);
        var larger = SurveyStatistics.wilson(satisfied, answers, answers + extraHouseholds + 1000, SurveyStatistics.Z95);
        assertThat(larger.high() - larger.low()).as("a larger population, a wider interval")
                .isGreaterThanOrEqualTo(i.high() - i.low() - 1e-12);
    }

    @Property
    void noHiddenGroupCanBeRecoveredFromTheTotal(@ForAll @Size(min = 1, max = 8) List<@IntRange(min = 0, max = 40) Integer> counts) {
        Map<Integer, Integer> groups = new LinkedHashMap<>();
        for (int i = 0; i < counts.size(); i++) {
            groups.put(i, counts.get(i));
        }
        Set<Integer> hidden = SurveyStatistics.suppressed(groups);
        groups.forEach((g, c) -> {
            if (c < SurveyStatistics.MIN_GROUP) {
                assertThat(hidden).as("every small group").contains(g);
            }
        });
        int total = counts.stream().mapToInt(Integer::intValue).sum();
        if (hidden.size() == 1) {
            assertThat(total).as("one hidden group would be the total minus the rest, unless the total is withheld too")
                    .isLessThan(SurveyStatistics.MIN_GROUP);
        }
        int hiddenAnswers = hidden.stream().mapToInt(groups::get).sum();
        if (!hidden.isEmpty() && hidden.size() < groups.size()) {
            assertThat(hiddenAnswers).as("the total minus what is shown is never a few answers").isGreaterThanOrEqualTo(SurveyStatistics.MIN_GROUP);
        }
    }
}
