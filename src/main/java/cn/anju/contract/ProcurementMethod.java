package cn.anju.contract;

/** The five ways of choosing the operator (seed 四); single source needs a written reason. */
public enum ProcurementMethod {
    PUBLIC_TENDER("公开招标"),
    INVITED_TENDER("邀请招标"),
    COMPETITIVE_NEGOTIATION("竞争性谈判"),
    SINGLE_SOURCE("单一来源采购"),
    COMPETITIVE_CONSULTATION("竞争性磋商");

    private final String label;

    ProcurementMethod(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
