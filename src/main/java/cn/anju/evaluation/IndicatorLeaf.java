package cn.anju.evaluation;

import cn.anju.shared.web.ProblemException;

import java.math.BigDecimal;

/**
 * One leaf of an indicator tree. Computed: a measure of the shared interface scored on a straight line from {@code floor}
 * (0 points) to {@code target} (full points); a target below the floor means lower is better (vacancy, days to re-let).
 * Manual: scored by the purchaser or the engaged evaluator as a percentage of the leaf, with the basis and evidence.
 */
public record IndicatorLeaf(String code, IndicatorLevel level, String name, BigDecimal weight, String measureCode,
                            BigDecimal target, BigDecimal floor, Scorer scorer) {

    public IndicatorLeaf {
        if (code == null || !code.matches("[A-Z][A-Z0-9_]{0,40}")) {
            throw ProblemException.badRequest("INDICATOR_CODE_INVALID", "指标代码须为大写字母、数字和下划线（如 RENT_COLLECTION_RATE）。");
        }
        if (level == null || name == null || name.isBlank()) {
            throw ProblemException.badRequest("INDICATOR_INCOMPLETE", "指标「" + code + "」须填写层级（决策、过程、产出、效益）和名称。");
        }
        if (weight == null || weight.signum() <= 0 || weight.stripTrailingZeros().scale() > 2) {
            throw ProblemException.badRequest("INDICATOR_WEIGHT_INVALID", "指标「" + name + "」的权重须大于0，最多两位小数。");
        }
        boolean computed = measureCode != null && !measureCode.isBlank();
        if (computed && (target == null || floor == null || target.compareTo(floor) == 0 || scorer != null)) {
            throw ProblemException.badRequest("INDICATOR_CURVE_INVALID",
                    "计算类指标「" + name + "」须填写目标值和下限值（两者不同），不设评分人。");
        }
        if (!computed && (scorer == null || target != null || floor != null)) {
            throw ProblemException.badRequest("INDICATOR_SCORER_REQUIRED", "人工评分指标「" + name + "」须选择评分人（采购人或第三方），不设目标值和下限值。");
        }
        measureCode = computed ? measureCode.strip() : null;
    }

    public boolean computed() {
        return measureCode != null;
    }

    /**
     * The share of the leaf a value earns on the line from floor to target, 0 to 1 (six decimals, half-up): full at or
     * beyond the target, nothing at or beyond the floor.
     */
    public BigDecimal earned(BigDecimal value) {
        BigDecimal share = value.subtract(floor).divide(target.subtract(floor), 6, java.math.RoundingMode.HALF_UP);
        return share.max(BigDecimal.ZERO).min(BigDecimal.ONE).setScale(6, java.math.RoundingMode.UNNECESSARY);
    }
}
