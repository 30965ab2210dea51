package cn.anju.evaluation;

import java.math.BigDecimal;

/** The grade of a total: 优 ≥ 90, 良 80-89.99, 中 60-79.99, 差 below 60 (two 差 quarters in a row: termination review). */
public enum Band {
    EXCELLENT("优", 90), GOOD("良", 80), FAIR("中", 60), POOR("差", 0);

    private final String label;
    private final BigDecimal from;

    Band(String label, int from) {
        this.label = label;
        this.from = BigDecimal.valueOf(from);
    }

    public String label() {
        return label;
    }

    public static Band of(BigDecimal total) {
        for (Band b : values()) {
            if (total.compareTo(b.from) >= 0) {
                return b;
            }
        }
        return POOR;
    }

    public static Band ofLabel(String label) {
        for (Band b : values()) {
            if (b.label.equals(label)) {
                return b;
            }
        }
        throw new IllegalArgumentException("no band " + label);
    }
}
