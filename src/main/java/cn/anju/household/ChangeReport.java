package cn.anju.household;

import cn.anju.shared.state.Column;
import cn.anju.shared.state.StateChange;
import cn.anju.shared.state.StateTable;

import java.time.Instant;

/** A change report as the officer's decision needs it; the decision is its one change of status. */
record ChangeReport(long id, String district, ChangeReportStatus status, int version) {

    static final StateTable<ChangeReportStatus> TABLE = StateTable.of("change_report", "status", ChangeReportStatus.class, "该报告");
    static final Column<Long> DECIDED_BY = Column.of("decided_by", Long.class);
    static final Column<Instant> DECIDED_AT = Column.of("decided_at", Instant.class);
    static final Column<String> DECISION_NOTE = Column.of("decision_note", String.class);

    /** The officer accepts the report (it goes into the eligibility review) or rejects it, with a note. */
    StateChange<ChangeReportStatus> decide(boolean accept, long officer, Instant at, String note) {
        return TABLE.change(id, version, status, accept ? ChangeReportStatus.ACCEPTED : ChangeReportStatus.REJECTED,
                DECIDED_BY.set(officer), DECIDED_AT.set(at), DECISION_NOTE.set(note));
    }
}
