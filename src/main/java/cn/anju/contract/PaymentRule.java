package cn.anju.contract;

import cn.anju.shared.web.ProblemException;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Comparator;
import java.util.List;

/**
 * How the evaluation's total (0-100) becomes the share of the fee paid. {@code LINEAR_BELOW}: from {@code full} up pays
 * everything, below it {@code total ÷ full} (DOMAIN.md's default, full = 90). {@code BANDS}: the percentage of the highest
 * band whose {@code minScore} the total reaches (0 below every band).
 */
public record PaymentRule(Kind kind, BigDecimal full, List<Band> bands) {

    public enum Kind { LINEAR_BELOW, BANDS }

    public record Band(BigDecimal minScore, BigDecimal percent) {
    }

    public static PaymentRule standard() {
        return new PaymentRule(Kind.LINEAR_BELOW, BigDecimal.valueOf(90), List.of());
    }

    public PaymentRule {
        if (kind == null) {
            throw ProblemException.badRequest("PAYMENT_RULE_REQUIRED", "请选择考核结果与付费挂钩的规则。");
        }
        bands = bands == null ? List.of() : List.copyOf(bands);
        if (kind == Kind.LINEAR_BELOW && (full == null || full.signum() <= 0 || full.compareTo(BigDecimal.valueOf(100)) > 0)) {
            throw ProblemException.badRequest("PAYMENT_RULE_FULL", "全额付费分数线应在0到100之间（默认90分）。");
        }
        if (kind == Kind.BANDS && (bands.isEmpty() || bands.stream().anyMatch(b -> b.minScore() == null || b.percent() == null
                || b.percent().signum() < 0 || b.percent().compareTo(BigDecimal.valueOf(100)) > 0))) {
            throw ProblemException.badRequest("PAYMENT_RULE_BANDS", "分档付费须列出各档的最低分和付费比例（0-100%）。");
        }
    }

    /** The payable ratio for a total, 0 to 1, to 4 decimals (half-up). */
    public BigDecimal payableRatio(BigDecimal total) {
        return switch (kind) {
            case LINEAR_BELOW -> total.compareTo(full) >= 0 ? BigDecimal.ONE.setScale(4)
                    : total.max(BigDecimal.ZERO).divide(full, 4, RoundingMode.HALF_UP);
            case BANDS -> bands.stream().filter(b -> total.compareTo(b.minScore()) >= 0)
                    .max(Comparator.comparing(Band::minScore))
                    .map(b -> b.percent().divide(BigDecimal.valueOf(100), 4, RoundingMode.HALF_UP))
                    .orElse(BigDecimal.ZERO.setScale(4));
        };
    }
}
