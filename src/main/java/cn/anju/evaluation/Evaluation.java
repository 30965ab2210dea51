package cn.anju.evaluation;

import cn.anju.shared.state.Column;
import cn.anju.shared.state.StateChange;
import cn.anju.shared.state.StateChanges;
import cn.anju.shared.state.StateTable;
import cn.anju.shared.web.ProblemException;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One contract's evaluation for one period (绩效评价): the indicator tree version it opened with, its state, and once
 * signed its total and band. The verbs check what the state table cannot: the period has ended before computing, the
 * operator's window before signing, and who signs.
 */
public record Evaluation(long id, long contractId, String districtCode, long operatorId, EvaluationPeriod period, long treeId,
                         EvaluationStatus status, Instant computedAt, Long submittedBy, LocalDate reviewUntil,
                         boolean operatorAccepted, BigDecimal total, String band, boolean terminationReview, Long finalizedBy,
                         int version) {

    static final StateTable<EvaluationStatus> TABLE = StateTable.of("evaluation", "status", EvaluationStatus.class, "绩效评价");
    private static final Column<Instant> COMPUTED_AT = Column.of("computed_at", Instant.class);
    private static final Column<Long> SUBMITTED_BY = Column.of("submitted_by", Long.class);
    private static final Column<LocalDate> REVIEW_UNTIL = Column.of("review_until", LocalDate.class);
    private static final Column<BigDecimal> TOTAL = Column.of("total", BigDecimal.class);
    private static final Column<String> BAND = Column.of("band", String.class);
    private static final Column<Boolean> TERMINATION_REVIEW = Column.of("termination_review", Boolean.class);
    private static final Column<Long> FINALIZED_BY = Column.of("finalized_by", Long.class);
    private static final Column<Instant> FINALIZED_AT = Column.of("finalized_at", Instant.class);

    /** Refuses a change from a form that saw an older version, or whose guarded write found none (409 CONCURRENT_CHANGE). */
    void requireSeen(Integer seenVersion, boolean written) {
        if (seenVersion != null && seenVersion != version || !written) {
            throw ProblemException.conflict(StateChanges.CONCURRENT_CHANGE, TABLE.noun() + "刚被他人办理或修改，请刷新后再试。");
        }
    }

    /**
     * Freezing waits for the period's last day to pass, and then for {@code settleDays} more: an on-time rate counts a
     * record only once its deadline (30 days to move in, 15 to settle a move-out, 5 working days for evidence) has
     * passed, so a figure frozen sooner would leave late records out for good.
     */
    StateChange<EvaluationStatus> compute(LocalDate today, int settleDays, Instant now) {
        if (!today.isAfter(period.to())) {
            throw ProblemException.conflict("PERIOD_NOT_ENDED", period.label() + "尚未结束（" + period.to() + "），期满后方可计算指标。");
        }
        if (!today.isAfter(period.to().plusDays(settleDays))) {
            throw ProblemException.conflict("PERIOD_NOT_SETTLED", period.label() + "结束后须待各项时限届满（" + settleDays
                    + " 天，至 " + period.to().plusDays(settleDays) + "）方可计算，以免遗漏逾期的记录。");
        }
        return TABLE.change(id, version, status, EvaluationStatus.COMPUTED, COMPUTED_AT.set(now));
    }

    StateChange<EvaluationStatus> submitScores(long by) {
        return TABLE.change(id, version, status, EvaluationStatus.SCORED, SUBMITTED_BY.set(by));
    }

    StateChange<EvaluationStatus> reopenScoring() {
        return TABLE.change(id, version, status, EvaluationStatus.COMPUTED, SUBMITTED_BY.cleared());
    }

    StateChange<EvaluationStatus> sendForReview(LocalDate until) {
        return TABLE.change(id, version, status, EvaluationStatus.OPERATOR_REVIEW, REVIEW_UNTIL.set(until));
    }

    /** Whether the operator may still object on {@code day}: in review, not yet accepted, within the window. */
    boolean objectionsOpen(LocalDate day) {
        return status == EvaluationStatus.OPERATOR_REVIEW && !operatorAccepted && reviewUntil != null && !day.isAfter(reviewUntil);
    }

    StateChange<EvaluationStatus> sign(Scoring.Result result, boolean terminationReview, long by, Instant now) {
        return TABLE.change(id, version, status, EvaluationStatus.FINAL, TOTAL.set(result.total()), BAND.set(result.band().label()),
                TERMINATION_REVIEW.set(terminationReview), FINALIZED_BY.set(by), FINALIZED_AT.set(now));
    }

    StateChange<EvaluationStatus> published() {
        return TABLE.change(id, version, status, EvaluationStatus.PUBLISHED);
    }
}
