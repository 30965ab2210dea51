package cn.anju.evaluation;

import cn.anju.shared.web.ProblemException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Example;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The score's arithmetic (docs/evaluation.md): effective weights, leaf scores and the total, over generated trees. */
class ScoringProperties {

    @Provide
    Arbitrary<List<Scoring.Input>> trees() {
        Arbitrary<Scoring.Input> leaf = Combinators.combine(Arbitraries.of(IndicatorLevel.class), Arbitraries.integers().between(1, 3000),
                        Arbitraries.integers().between(0, 9), Arbitraries.integers().between(0, 1_000_000))
                .as((level, w, na, earned) -> new Scoring.Input("L", level, BigDecimal.valueOf(w, 2), na != 0,
                        BigDecimal.valueOf(earned, 6)));
        return leaf.list().ofMinSize(1).ofMaxSize(25).map(list -> {
            List<Scoring.Input> named = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                Scoring.Input in = list.get(i);
                named.add(new Scoring.Input("L" + i, in.level(), in.weight(), in.applicable(), in.earned()));
            }
            return named;
        });
    }

    @Property
    void effectiveWeightsAddUpToExactlyAHundredAndScoresStayWithinThem(@ForAll("trees") List<Scoring.Input> tree) {
        Scoring.Result r = Scoring.score(tree);
        boolean any = tree.stream().anyMatch(Scoring.Input::applicable);
        BigDecimal sum = r.leaves().stream().map(Scoring.Scored::effectiveWeight).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(sum).isEqualByComparingTo(any ? "100" : "0");
        for (int i = 0; i < tree.size(); i++) {
            Scoring.Scored s = r.leaves().get(i);
            if (!tree.get(i).applicable()) {
                assertThat(s.effectiveWeight()).isZero();
                assertThat(s.score()).isZero();
            }
            assertThat(s.score()).isBetween(BigDecimal.ZERO, s.effectiveWeight());
        }
        BigDecimal total = r.leaves().stream().map(Scoring.Scored::score).reduce(BigDecimal.ZERO, BigDecimal::add).setScale(2, RoundingMode.HALF_UP);
        assertThat(r.total()).isEqualTo(total);
        assertThat(r.band()).isEqualTo(Band.of(r.total()));
    }

    @Property
    void aLeafThatIsNotApplicableSpreadsItsWeightOverItsLevelInProportion(@ForAll("trees") List<Scoring.Input> tree) {
        List<BigDecimal> exact = Scoring.effectiveWeights(tree);
        for (IndicatorLevel level : IndicatorLevel.values()) {
            List<Integer> applicable = new ArrayList<>();
            for (int i = 0; i < tree.size(); i++) {
                if (tree.get(i).level() == level && tree.get(i).applicable()) {
                    applicable.add(i);
                }
            }
            for (int a : applicable) {
                for (int b : applicable) { // the ratio of two applicable leaves of one level is the ratio of their weights
                    assertThat(exact.get(a).multiply(tree.get(b).weight()).subtract(exact.get(b).multiply(tree.get(a).weight())).abs())
                            .isLessThan(new BigDecimal("1e-20"));
                }
            }
        }
    }

    @Example
    void theDefaultTreeWeighsSatisfactionMostAndAddsUpToAHundred() {
        List<IndicatorLeaf> defaults = IndicatorTree.defaults();
        IndicatorTree.check(defaults, code -> Optional.of(cn.anju.shared.measure.MeasureDefinition.ratio(code, "x", "x",
                cn.anju.shared.measure.MeasureUnit.COUNT, cn.anju.shared.measure.MeasureUnit.COUNT,
                cn.anju.shared.measure.MeasurePeriod.Kind.RANGE, true, "x")));
        IndicatorLeaf top = defaults.stream().max((a, b) -> a.weight().compareTo(b.weight())).orElseThrow();
        assertThat(top.measureCode()).isEqualTo("SAT_OVERALL");
        assertThat(top.weight()).isEqualByComparingTo("30");
        assertThat(defaults.stream().filter(l -> l.weight().compareTo(top.weight()) == 0)).hasSize(1);
    }

    @Example
    void weightsNotAddingUpToAHundredAreRefused() {
        List<IndicatorLeaf> leaves = List.of(new IndicatorLeaf("A", IndicatorLevel.OUTPUT, "甲", BigDecimal.valueOf(60), null, null, null, Scorer.PURCHASER),
                new IndicatorLeaf("B", IndicatorLevel.BENEFIT, "乙", BigDecimal.valueOf(39.5), null, null, null, Scorer.EVALUATOR));
        assertThatThrownBy(() -> IndicatorTree.check(leaves, code -> Optional.empty()))
                .isInstanceOfSatisfying(ProblemException.class, p -> assertThat(p.code()).isEqualTo("INDICATOR_WEIGHTS_NOT_100"));
    }

    @Example
    void aCurveScoresLinearlyBetweenFloorAndTargetInEitherDirection() {
        IndicatorLeaf higher = new IndicatorLeaf("R", IndicatorLevel.PROCESS, "收缴率", BigDecimal.TEN, "RENT_COLLECTION_RATE",
                new BigDecimal("0.95"), new BigDecimal("0.80"), null);
        assertThat(higher.earned(new BigDecimal("0.875"))).isEqualByComparingTo("0.5");
        assertThat(higher.earned(new BigDecimal("0.99"))).isEqualByComparingTo("1");
        assertThat(higher.earned(new BigDecimal("0.5"))).isEqualByComparingTo("0");
        IndicatorLeaf lower = new IndicatorLeaf("D", IndicatorLevel.OUTPUT, "天数", BigDecimal.TEN, "DAYS_TO_RELET",
                new BigDecimal("30"), new BigDecimal("90"), null);
        assertThat(lower.earned(new BigDecimal("45"))).isEqualByComparingTo("0.75");
        assertThat(lower.earned(new BigDecimal("120"))).isEqualByComparingTo("0");
    }

    @Example
    void bandsFollowTheTotal() {
        assertThat(Band.of(new BigDecimal("90.00")).label()).isEqualTo("优");
        assertThat(Band.of(new BigDecimal("89.99")).label()).isEqualTo("良");
        assertThat(Band.of(new BigDecimal("60.00")).label()).isEqualTo("中");
        assertThat(Band.of(new BigDecimal("59.99")).label()).isEqualTo("差");
    }
}
