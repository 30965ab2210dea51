package cn.anju.evaluation;

/** Who scores a manual leaf: the purchaser (the district's housing officers) or the engaged third-party evaluator. */
public enum Scorer {
    PURCHASER("采购人评分"), EVALUATOR("第三方评分");

    private final String label;

    Scorer(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
