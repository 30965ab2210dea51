package cn.anju.evaluation;

import cn.anju.shared.state.State;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * OPEN → COMPUTED (the platform freezes each measure after the period ends) → SCORED (the purchaser and the evaluator
 * have scored the manual leaves) → OPERATOR_REVIEW (the operator may object within the deadline) → FINAL (a leader who
 * did not score signs) → PUBLISHED (when the disclosure module reports the result published). An accepted objection
 * keeps the period in review; scoring can be reopened from SCORED before review.
 */
public enum EvaluationStatus implements State<EvaluationStatus> {
    OPEN("待计算"), COMPUTED("评分中"), SCORED("已评分"), OPERATOR_REVIEW("承接主体复核中"), FINAL("已定稿"), PUBLISHED("已公开");

    private static final Map<EvaluationStatus, Set<EvaluationStatus>> TRANSITIONS = Map.of(
            OPEN, EnumSet.of(COMPUTED),
            COMPUTED, EnumSet.of(SCORED),
            SCORED, EnumSet.of(COMPUTED, OPERATOR_REVIEW),
            OPERATOR_REVIEW, EnumSet.of(FINAL),
            FINAL, EnumSet.of(PUBLISHED),
            PUBLISHED, EnumSet.noneOf(EvaluationStatus.class));

    private final String label;

    EvaluationStatus(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }

    @Override
    public boolean canBecome(EvaluationStatus next) {
        return TRANSITIONS.get(this).contains(next);
    }

    /** Whether the result is signed: total and band are fixed, a settlement may be drawn up. */
    public boolean signed() {
        return this == FINAL || this == PUBLISHED;
    }
}
