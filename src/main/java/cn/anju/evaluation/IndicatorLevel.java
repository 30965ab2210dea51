package cn.anju.evaluation;

/** The four levels of a performance-evaluation indicator tree (财政部绩效评价共性指标框架): 决策、过程、产出、效益. */
public enum IndicatorLevel {
    DECISION("决策"), PROCESS("过程"), OUTPUT("产出"), BENEFIT("效益");

    private final String label;

    IndicatorLevel(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
