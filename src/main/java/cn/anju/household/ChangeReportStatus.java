package cn.anju.household;

import cn.anju.shared.state.State;

/** A change report waits for the district's officer, who accepts or rejects it once: PENDING → ACCEPTED | REJECTED. */
public enum ChangeReportStatus implements State<ChangeReportStatus> {
    PENDING("待处理"), ACCEPTED("已受理"), REJECTED("已驳回");

    private final String label;

    ChangeReportStatus(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }

    @Override
    public boolean canBecome(ChangeReportStatus next) {
        return this == PENDING && next != PENDING;
    }
}
