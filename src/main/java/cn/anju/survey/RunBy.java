package cn.anju.survey;

import org.springframework.modulith.NamedInterface;

import java.util.EnumSet;
import java.util.Set;

/**
 * Who runs a survey. Only the government's and the third-party evaluator's waves judge the operator (seed 五: the
 * purchaser, the residents and a third party evaluate); the operator's own waves are for its improvement.
 */
@NamedInterface("api")
public enum RunBy {
    GOVERNMENT("政府部门"), EVALUATOR("第三方评估机构"), OPERATOR("承接主体");

    /** The sources whose answers feed the operator's evaluation. */
    public static final Set<RunBy> OFFICIAL = Set.copyOf(EnumSet.of(GOVERNMENT, EVALUATOR));

    private final String label;

    RunBy(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
