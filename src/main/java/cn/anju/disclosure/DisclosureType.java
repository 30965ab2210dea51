package cn.anju.disclosure;

/**
 * What a public item is about. {@code reviewed}: it may carry free text or person-related data, so a second person
 * reviews it (保密审查) before it is published; purely aggregate items publish as soon as they are drafted.
 */
public enum DisclosureType {
    PROCUREMENT_NOTICE("采购公告", true), PROCUREMENT_AWARD("采购结果", true), CONTRACT("服务合同", true), EVALUATION("绩效评价结果", true), SETTLEMENT("服务费结算", true),
    RENT_STANDARD("租金标准", true), SELECTION_RESULT("配租结果", true), STATISTICS("季度统计", false), CHANNELS("服务渠道", true);

    private final String label;
    private final boolean reviewed;

    DisclosureType(String label, boolean reviewed) {
        this.label = label;
        this.reviewed = reviewed;
    }

    public String label() {
        return label;
    }

    public boolean reviewed() {
        return reviewed;
    }
}
