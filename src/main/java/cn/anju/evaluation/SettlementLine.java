package cn.anju.evaluation;

/**
 * One signed addend of a settlement, in fen: fees positive, the score's reduction, deductions and the holdback negative,
 * the annual release of holdbacks positive. There are no subtotal lines: the lines add up to the total.
 */
public record SettlementLine(Kind kind, String label, String basis, long amountFen) {

    public enum Kind {
        BASE_FEE("基本服务费"), SCORE_REDUCTION("按考核结果核减"), DEDUCTION("固定扣款"), HOLDBACK("暂扣质量保证金"),
        HOLDBACK_RELEASE("返还质量保证金");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}
