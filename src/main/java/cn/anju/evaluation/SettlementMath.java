package cn.anju.evaluation;

import cn.anju.contract.PaymentRule;
import cn.anju.shared.web.ProblemException;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * The arithmetic of a settlement, pure and in fen: base fee × payable ratio, less the holdback taken from what the
 * score makes payable, less the fixed deductions; a year's settlement releases the quarters' holdbacks scaled by the
 * year's payable ratio. Each amount is rounded half-up to the fen once, where it arises, so the lines add up to the
 * total exactly.
 */
public final class SettlementMath {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private SettlementMath() {
    }

    /** A deduction as recorded with its evidence. */
    public record Deduction(String item, long amountFen) {
    }

    /**
     * What a period's settlement starts from: the base fee and how it was reached, the score, the contract's rule and
     * holdback, the deductions, and for a year the holdbacks its quarters withheld.
     */
    public record Terms(long baseFeeFen, String feeBasis, BigDecimal total, PaymentRule rule, BigDecimal holdbackPercent,
                        List<Deduction> deductions, long withheldFen) {
        public Terms {
            deductions = List.copyOf(deductions);
        }
    }

    public record Statement(BigDecimal payableRatio, List<SettlementLine> lines, long totalFen) {
    }

    /** The share of the fee the total earns under the contract's rule, 0 to 1, six decimals half-up. */
    public static BigDecimal payableRatio(PaymentRule rule, BigDecimal total) {
        BigDecimal ratio = switch (rule.kind()) {
            case LINEAR_BELOW -> total.compareTo(rule.full()) >= 0 ? BigDecimal.ONE : total.divide(rule.full(), 6, RoundingMode.HALF_UP);
            case BANDS -> rule.bands().stream().filter(b -> total.compareTo(b.minScore()) >= 0)
                    .max((a, b) -> a.minScore().compareTo(b.minScore()))
                    .map(b -> b.percent().divide(HUNDRED, 6, RoundingMode.HALF_UP)).orElse(BigDecimal.ZERO);
        };
        return ratio.max(BigDecimal.ZERO).min(BigDecimal.ONE).setScale(6, RoundingMode.HALF_UP);
    }

    public static Statement settle(Terms t) {
        BigDecimal ratio = payableRatio(t.rule(), t.total());
        List<SettlementLine> lines = new ArrayList<>();
        long payable = 0;
        if (t.baseFeeFen() > 0) {
            lines.add(new SettlementLine(SettlementLine.Kind.BASE_FEE, SettlementLine.Kind.BASE_FEE.label(), t.feeBasis(), t.baseFeeFen()));
            payable = fen(BigDecimal.valueOf(t.baseFeeFen()).multiply(ratio));
            if (payable != t.baseFeeFen()) {
                lines.add(new SettlementLine(SettlementLine.Kind.SCORE_REDUCTION, SettlementLine.Kind.SCORE_REDUCTION.label(),
                        "考核得分 " + t.total().toPlainString() + "，付费比例 " + percent(ratio), payable - t.baseFeeFen()));
            }
            long holdback = fen(BigDecimal.valueOf(payable).multiply(t.holdbackPercent()).divide(HUNDRED));
            if (holdback > 0) {
                lines.add(new SettlementLine(SettlementLine.Kind.HOLDBACK, SettlementLine.Kind.HOLDBACK.label(),
                        "应付金额的 " + t.holdbackPercent().stripTrailingZeros().toPlainString() + "%，年度考核后按年度付费比例返还", -holdback));
            }
        }
        if (t.withheldFen() > 0) {
            long released = fen(BigDecimal.valueOf(t.withheldFen()).multiply(ratio));
            if (released > 0) {
                lines.add(new SettlementLine(SettlementLine.Kind.HOLDBACK_RELEASE, SettlementLine.Kind.HOLDBACK_RELEASE.label(),
                        "本年度各季度暂扣 " + yuan(t.withheldFen()) + " 元 × 年度付费比例 " + percent(ratio), released));
            }
        }
        for (Deduction d : t.deductions()) {
            lines.add(new SettlementLine(SettlementLine.Kind.DEDUCTION, d.item(), "合同约定的固定扣款，附证据", -d.amountFen()));
        }
        long total = lines.stream().mapToLong(SettlementLine::amountFen).sum();
        if (total < 0) {
            throw ProblemException.conflict("SETTLEMENT_NEGATIVE", "本期扣款（" + yuan(-total) + " 元）超过应付金额，请核对固定扣款。");
        }
        return new Statement(ratio, List.copyOf(lines), total);
    }

    private static long fen(BigDecimal amount) {
        return amount.setScale(0, RoundingMode.HALF_UP).longValueExact();
    }

    static String percent(BigDecimal ratio) {
        return ratio.multiply(HUNDRED).setScale(2, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString() + "%";
    }

    static String yuan(long fen) {
        return BigDecimal.valueOf(fen, 2).toPlainString();
    }
}
