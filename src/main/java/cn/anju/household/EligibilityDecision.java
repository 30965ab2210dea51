package cn.anju.household;

import cn.anju.shared.state.Column;
import cn.anju.shared.state.StateChange;
import cn.anju.shared.state.StateTable;

/**
 * An eligibility decision as a change of its status needs it. The district's officer suspends, reinstates or revokes
 * it, always with the reason; expiry is the system's, by the period.
 */
record EligibilityDecision(long id, long household, String district, EligibilityStatus status, int version) {

    static final StateTable<EligibilityStatus> TABLE = StateTable.of("eligibility_decision", "status", EligibilityStatus.class, "该资格");
    static final Column<String> STATUS_REASON = Column.of("status_reason", String.class);

    StateChange<EligibilityStatus> suspend(String reason) {
        return TABLE.change(id, version, status, EligibilityStatus.SUSPENDED, STATUS_REASON.set(reason));
    }

    StateChange<EligibilityStatus> reinstate(String reason) {
        return TABLE.change(id, version, status, EligibilityStatus.VALID, STATUS_REASON.set(reason));
    }

    StateChange<EligibilityStatus> revoke(String reason) {
        return TABLE.change(id, version, status, EligibilityStatus.REVOKED, STATUS_REASON.set(reason));
    }
}
