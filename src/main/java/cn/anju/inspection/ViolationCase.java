package cn.anju.inspection;

import cn.anju.shared.state.Column;
import cn.anju.shared.state.StateChange;
import cn.anju.shared.state.StateTable;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A violation case as its rules need it. Each step is a method named for what happens; it checks {@link CaseState}'s
 * table and returns the typed change that {@link CaseRecords} applies with the version check.
 */
record ViolationCase(long id, String number, String district, long project, Long lease, Long household, CaseType type,
                     CaseState state, Decision decision, LocalDate rectifyBy, int version) {

    static final StateTable<CaseState> TABLE = StateTable.of("violation_case", "state", CaseState.class, "案件");
    static final Column<Instant> REPORTED_AT = Column.of("reported_at", Instant.class);
    static final Column<Decision> DECISION = Column.of("decision", Decision.class);
    static final Column<String> DECISION_REASON = Column.of("decision_reason", String.class);
    static final Column<LocalDate> RECTIFY_BY = Column.of("rectify_by", LocalDate.class);
    static final Column<BigDecimal> PENALTY_AMOUNT = Column.of("penalty_amount", BigDecimal.class);
    static final Column<Long> DECIDED_BY = Column.of("decided_by", Long.class);
    static final Column<Instant> DECIDED_AT = Column.of("decided_at", Instant.class);

    /** The operator reports the case with its evidence to the government. */
    StateChange<CaseState> report(Instant at) {
        return TABLE.change(id, version, state, CaseState.REPORTED, REPORTED_AT.set(at));
    }

    /** The district's officer takes the case up. */
    StateChange<CaseState> review() {
        return TABLE.change(id, version, state, CaseState.UNDER_REVIEW);
    }

    /** The officer sends the case back to the operator for more evidence. */
    StateChange<CaseState> sendBack() {
        return TABLE.change(id, version, state, CaseState.DRAFT);
    }

    /** The government's decision: a deadline only for RECTIFY, an amount only for PENALTY. */
    StateChange<CaseState> decide(Decision d, String reason, LocalDate rectifyBy, BigDecimal penalty, long officer, Instant at) {
        return TABLE.change(id, version, state, CaseState.DECIDED, DECISION.set(d), DECISION_REASON.set(reason),
                RECTIFY_BY.set(d == Decision.RECTIFY ? rectifyBy : null), PENALTY_AMOUNT.set(d == Decision.PENALTY ? penalty : null),
                DECIDED_BY.set(officer), DECIDED_AT.set(at));
    }

    /** The household put it right within the deadline. */
    StateChange<CaseState> rectified() {
        return TABLE.change(id, version, state, CaseState.RECTIFIED);
    }

    /** Done with: a penalty carried out, a dismissal, or a draft the operator drops. */
    StateChange<CaseState> close() {
        return TABLE.change(id, version, state, CaseState.CLOSED);
    }

    /** A RECTIFY deadline passed unmet: the decision is taken back and the case is under review again. */
    StateChange<CaseState> reopen() {
        return TABLE.change(id, version, state, CaseState.UNDER_REVIEW, DECISION.cleared(), DECISION_REASON.cleared(),
                RECTIFY_BY.cleared(), DECIDED_BY.cleared(), DECIDED_AT.cleared());
    }

    /** The household of a RECLAIM decision moved out: the unit is back. */
    StateChange<CaseState> vacate() {
        return TABLE.change(id, version, state, CaseState.VACATED);
    }
}
