package cn.anju.contract;

import cn.anju.shared.web.ProblemException;

import java.math.BigDecimal;
import java.util.List;

/**
 * How the evaluation's total (0-100) becomes the share of the fee paid (the settlement of issue 19 applies it). {@code LINEAR_BELOW}: from {@code full} up pays
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
}
