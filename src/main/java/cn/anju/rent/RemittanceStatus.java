package cn.anju.rent;

import cn.anju.shared.state.State;

/** A remittance batch is submitted by the operator and confirmed once by the district's finance: SUBMITTED → CONFIRMED. */
public enum RemittanceStatus implements State<RemittanceStatus> {
    SUBMITTED("待财政确认"), CONFIRMED("已入库");

    private final String label;

    RemittanceStatus(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }

    @Override
    public boolean canBecome(RemittanceStatus next) {
        return this == SUBMITTED && next == CONFIRMED;
    }
}
