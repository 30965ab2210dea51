package cn.anju.contract;

import cn.anju.shared.state.State;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/** A purchase goes DRAFT → BUDGET_APPROVED → ANNOUNCED → AWARDED → CONTRACTED, one step at a time. */
public enum ProcurementStatus implements State<ProcurementStatus> {
    DRAFT("编制中"), BUDGET_APPROVED("预算已批复"), ANNOUNCED("已公告"), AWARDED("已确定承接主体"), CONTRACTED("已签订合同");

    private static final Map<ProcurementStatus, Set<ProcurementStatus>> TRANSITIONS = Map.of(
            DRAFT, EnumSet.of(BUDGET_APPROVED),
            BUDGET_APPROVED, EnumSet.of(ANNOUNCED),
            ANNOUNCED, EnumSet.of(AWARDED),
            AWARDED, EnumSet.of(CONTRACTED),
            CONTRACTED, EnumSet.noneOf(ProcurementStatus.class));

    private final String label;

    ProcurementStatus(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }

    @Override
    public boolean canBecome(ProcurementStatus next) {
        return TRANSITIONS.get(this).contains(next);
    }

    /** Whether the finance bureau has approved the budget (every state from BUDGET_APPROVED on). */
    public boolean budgetApproved() {
        return this != DRAFT;
    }
}
