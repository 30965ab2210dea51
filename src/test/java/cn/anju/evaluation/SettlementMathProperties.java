package cn.anju.evaluation;

import cn.anju.contract.PaymentRule;
import cn.anju.shared.web.ProblemException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A year of settlements over generated scores, fees, deductions, holdbacks and rules: every statement's lines add up to
 * its total, and the contract's ledger balances — what was settled is the fees less reductions, deductions and
 * holdbacks plus the release, and every fen withheld is either released or forfeited by the annual score.
 */
class SettlementMathProperties {

    record Quarter(long baseFen, BigDecimal total, List<SettlementMath.Deduction> deductions) {
    }

    @Provide
    Arbitrary<PaymentRule> rules() {
        Arbitrary<PaymentRule> linear = Arbitraries.integers().between(50, 100).map(f -> new PaymentRule(PaymentRule.Kind.LINEAR_BELOW,
                BigDecimal.valueOf(f), List.of()));
        Arbitrary<PaymentRule> bands = Arbitraries.integers().between(0, 100).list().ofMinSize(1).ofMaxSize(4).map(mins -> {
            List<PaymentRule.Band> list = new ArrayList<>();
            for (int i = 0; i < mins.size(); i++) {
                list.add(new PaymentRule.Band(BigDecimal.valueOf(mins.get(i)), BigDecimal.valueOf(Math.min(100, 40 + 20L * i))));
            }
            return new PaymentRule(PaymentRule.Kind.BANDS, null, list);
        });
        return Arbitraries.oneOf(linear, bands);
    }

    @Provide
    Arbitrary<List<Quarter>> quarters() {
        Arbitrary<SettlementMath.Deduction> deduction = Arbitraries.longs().between(1, 500_000).map(f -> new SettlementMath.Deduction("扣款", f));
        return Combinators.combine(Arbitraries.longs().between(0, 900_000_000L), Arbitraries.integers().between(0, 10_000),
                        deduction.list().ofMaxSize(3))
                .as((base, score, ds) -> new Quarter(base, BigDecimal.valueOf(score, 2), ds)).list().ofSize(4);
    }

    @Property
    void linesAddUpAndTheLedgerBalances(@ForAll("rules") PaymentRule rule, @ForAll("quarters") List<Quarter> quarters,
                                        @ForAll("holdbacks") BigDecimal holdback, @ForAll("scores") BigDecimal annual) {
        long settled = 0;
        long fees = 0;
        long reductions = 0;
        long deductions = 0;
        long withheld = 0;
        for (Quarter q : quarters) {
            SettlementMath.Statement s;
            try {
                s = SettlementMath.settle(new SettlementMath.Terms(q.baseFen(), "x", q.total(), rule, holdback, q.deductions(), 0));
            } catch (ProblemException negative) {
                assertThat(negative.code()).isEqualTo("SETTLEMENT_NEGATIVE");
                continue; // refused whole: nothing settled, nothing withheld
            }
            assertThat(sum(s.lines())).isEqualTo(s.totalFen());
            assertThat(s.totalFen()).isNotNegative();
            assertThat(s.payableRatio()).isBetween(BigDecimal.ZERO, BigDecimal.ONE);
            settled += s.totalFen();
            fees += of(s, SettlementLine.Kind.BASE_FEE);
            reductions += of(s, SettlementLine.Kind.SCORE_REDUCTION);
            deductions += of(s, SettlementLine.Kind.DEDUCTION);
            withheld -= of(s, SettlementLine.Kind.HOLDBACK);
            assertThat(of(s, SettlementLine.Kind.HOLDBACK)).isNotPositive();
            assertThat(of(s, SettlementLine.Kind.SCORE_REDUCTION)).isNotPositive();
        }
        SettlementMath.Statement year = SettlementMath.settle(new SettlementMath.Terms(0, "x", annual, rule, holdback, List.of(), withheld));
        assertThat(sum(year.lines())).isEqualTo(year.totalFen());
        long released = of(year, SettlementLine.Kind.HOLDBACK_RELEASE);
        long forfeited = withheld - released;
        assertThat(released).isBetween(0L, withheld);
        assertThat(forfeited).isNotNegative();
        settled += year.totalFen();
        assertThat(settled).isEqualTo(fees + reductions + deductions - withheld + released);
    }

    @Provide
    Arbitrary<BigDecimal> holdbacks() {
        return Arbitraries.integers().between(0, 3000).map(n -> BigDecimal.valueOf(n, 2));
    }

    @Provide
    Arbitrary<BigDecimal> scores() {
        return Arbitraries.integers().between(0, 10_000).map(n -> BigDecimal.valueOf(n, 2));
    }

    @Example
    void theDefaultRulePaysInFullFromNinetyAndInProportionBelow() {
        PaymentRule rule = PaymentRule.standard();
        assertThat(SettlementMath.payableRatio(rule, new BigDecimal("92.5"))).isEqualByComparingTo("1");
        assertThat(SettlementMath.payableRatio(rule, new BigDecimal("81"))).isEqualByComparingTo("0.9");
        SettlementMath.Statement s = SettlementMath.settle(new SettlementMath.Terms(1_000_000, "x", new BigDecimal("81"), rule,
                BigDecimal.TEN, List.of(new SettlementMath.Deduction("未按期报送财务报告", 20_000)), 0));
        assertThat(s.lines()).extracting(SettlementLine::amountFen).containsExactly(1_000_000L, -100_000L, -90_000L, -20_000L);
        assertThat(s.totalFen()).isEqualTo(790_000);
    }

    @Example
    void deductionsBeyondThePayableAmountAreRefused() {
        assertThatThrownBy(() -> SettlementMath.settle(new SettlementMath.Terms(1000, "x", BigDecimal.valueOf(95), PaymentRule.standard(),
                BigDecimal.ZERO, List.of(new SettlementMath.Deduction("x", 1001)), 0)))
                .isInstanceOfSatisfying(ProblemException.class, p -> assertThat(p.code()).isEqualTo("SETTLEMENT_NEGATIVE"));
    }

    private static long sum(List<SettlementLine> lines) {
        return lines.stream().mapToLong(SettlementLine::amountFen).sum();
    }

    private static long of(SettlementMath.Statement s, SettlementLine.Kind kind) {
        return s.lines().stream().filter(l -> l.kind() == kind).mapToLong(SettlementLine::amountFen).sum();
    }
}
