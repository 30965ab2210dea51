package cn.anju.evaluation;

import cn.anju.shared.measure.MeasureDefinition;
import cn.anju.shared.measure.MeasureKind;
import cn.anju.shared.web.ProblemException;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import static cn.anju.evaluation.IndicatorLevel.BENEFIT;
import static cn.anju.evaluation.IndicatorLevel.DECISION;
import static cn.anju.evaluation.IndicatorLevel.OUTPUT;
import static cn.anju.evaluation.IndicatorLevel.PROCESS;

/**
 * A contract's indicators as of one version: leaves under the four levels, weights adding up to 100. The platform's
 * default puts residents' satisfaction first (30 of 100, the largest single weight, seed 五); a district revises the
 * tree for a contract as its quantified targets say, and a period keeps the version it was opened with.
 */
public record IndicatorTree(long id, long contractId, int version, List<IndicatorLeaf> leaves) {

    static final BigDecimal FULL = BigDecimal.valueOf(100);

    public IndicatorTree {
        leaves = List.copyOf(leaves);
    }

    public Optional<IndicatorLeaf> leaf(String code) {
        return leaves.stream().filter(l -> l.code().equals(code)).findFirst();
    }

    /**
     * Refuses a tree that cannot be scored: no leaves, a code twice, weights not adding up to 100, or a computed leaf
     * whose measure is unknown or not a ratio (only a ratio has a value to put on a curve).
     */
    static void check(List<IndicatorLeaf> leaves, Function<String, Optional<MeasureDefinition>> measures) {
        if (leaves == null || leaves.isEmpty() || leaves.contains(null)) {
            throw ProblemException.badRequest("INDICATORS_REQUIRED", "请至少设置一项评价指标。");
        }
        Set<String> codes = new HashSet<>();
        for (IndicatorLeaf l : leaves) {
            if (!codes.add(l.code())) {
                throw ProblemException.badRequest("INDICATOR_CODE_TWICE", "指标代码「" + l.code() + "」重复，每项指标的代码须唯一。");
            }
            if (l.computed() && measures.apply(l.measureCode()).filter(d -> d.kind() == MeasureKind.RATIO).isEmpty()) {
                throw ProblemException.badRequest("INDICATOR_MEASURE_UNKNOWN",
                        "指标「" + l.name() + "」引用的统计指标「" + l.measureCode() + "」不存在或不是比率，请从平台指标中选择。");
            }
        }
        BigDecimal sum = leaves.stream().map(IndicatorLeaf::weight).reduce(BigDecimal.ZERO, BigDecimal::add);
        if (sum.compareTo(FULL) != 0) {
            throw ProblemException.badRequest("INDICATOR_WEIGHTS_NOT_100",
                    "各项指标权重之和须为100，现为 " + sum.stripTrailingZeros().toPlainString() + "，请调整。");
        }
    }

    /** The platform's default tree (100 points; satisfaction 30). Targets are ratios (0.95 = 95 %) or days. */
    static List<IndicatorLeaf> defaults() {
        return List.of(
                manual("MANAGEMENT_SYSTEM", DECISION, "管理制度与人员配备", 5, Scorer.PURCHASER),
                manual("FINANCIAL_REPORTS", DECISION, "财务报告按期报送及审计", 5, Scorer.PURCHASER),
                computed("RENT_COLLECTION", PROCESS, "租金收缴率", 8, "RENT_COLLECTION_RATE", "0.95", "0.80"),
                computed("PATROL_COVERAGE", PROCESS, "巡查覆盖率", 4, "PATROL_COVERAGE", "1", "0.80"),
                computed("VERIFICATION_COVERAGE", PROCESS, "入户核查完成率", 3, "VERIFICATION_COVERAGE", "1", "0.80"),
                computed("EVIDENCE_ON_TIME", PROCESS, "违规证据按时上报率", 3, "EVIDENCE_ON_TIME_RATE", "1", "0.80"),
                computed("COMPLAINT_REPLY_ON_TIME", PROCESS, "投诉答复及时率", 4, "COMPLAINT_REPLY_ON_TIME_RATE", "1", "0.80"),
                computed("MOVE_IN_ON_TIME", PROCESS, "按时入住率", 3, "MOVE_IN_ON_TIME_RATE", "1", "0.80"),
                computed("VACANCY", OUTPUT, "空置率", 4, "VACANCY_RATE", "0.05", "0.20"),
                computed("DAYS_TO_RELET", OUTPUT, "空置至再出租平均天数", 4, "DAYS_TO_RELET", "30", "90"),
                computed("MOVE_OUT_ON_TIME", OUTPUT, "按时退房结算率", 3, "MOVE_OUT_ON_TIME_RATE", "1", "0.80"),
                computed("REPAIR_ON_TIME", OUTPUT, "维修及时率", 5, "WORK_ORDER_ON_TIME_RATE", "0.95", "0.70"),
                manual("SITE_INSPECTION", OUTPUT, "第三方现场检查", 4, Scorer.EVALUATOR),
                computed("RESIDENT_SATISFACTION", BENEFIT, "住户总体满意度", 30, "SAT_OVERALL", "0.90", "0.60"),
                computed("REPAIR_SATISFACTION", BENEFIT, "维修满意率", 5, "REPAIR_SATISFACTION_RATE", "0.90", "0.60"),
                computed("COMPLAINT_SATISFACTION", BENEFIT, "投诉回访满意率", 5, "COMPLAINT_SATISFACTION_RATE", "0.90", "0.60"),
                manual("SOCIAL_BENEFIT", BENEFIT, "社会效益（第三方评价）", 5, Scorer.EVALUATOR));
    }

    private static IndicatorLeaf computed(String code, IndicatorLevel level, String name, int weight, String measure, String target,
                                          String floor) {
        return new IndicatorLeaf(code, level, name, BigDecimal.valueOf(weight), measure, new BigDecimal(target), new BigDecimal(floor), null);
    }

    private static IndicatorLeaf manual(String code, IndicatorLevel level, String name, int weight, Scorer scorer) {
        return new IndicatorLeaf(code, level, name, BigDecimal.valueOf(weight), null, null, null, scorer);
    }
}
