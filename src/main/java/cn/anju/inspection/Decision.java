package cn.anju.inspection;

import org.springframework.modulith.NamedInterface;

/** What the government decides on a case. */
@NamedInterface("api")
public enum Decision {
    /** put it right by a deadline */
    RECTIFY("责令整改"),
    /** take the unit back: the lease is terminated and the household moves out after the transition period */
    RECLAIM("收回住房"),
    /** a fine */
    PENALTY("罚款"),
    /** no violation */
    DISMISSED("不予处理");

    private final String label;

    Decision(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
