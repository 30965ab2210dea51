package cn.anju.survey;

import org.springframework.modulith.NamedInterface;

/**
 * The satisfaction indicators a 1-5 rating question may carry; each is a measure (its code) that the evaluation reads.
 */
@NamedInterface("api")
public enum SatisfactionIndicator {
    SAT_OVERALL("总体满意度", "Overall satisfaction"),
    SAT_REPAIRS("维修服务满意度", "Satisfaction with repairs"),
    SAT_RENT_SERVICE("租金收缴服务满意度", "Satisfaction with rent service"),
    SAT_COMPLAINTS("投诉处理满意度", "Satisfaction with complaint handling"),
    SAT_ENVIRONMENT("小区环境满意度", "Satisfaction with the estate's environment"),
    SAT_STAFF("工作人员服务满意度", "Satisfaction with the staff");

    private final String label;
    private final String labelEn;

    SatisfactionIndicator(String label, String labelEn) {
        this.label = label;
        this.labelEn = labelEn;
    }

    public String label() {
        return label;
    }

    public String labelEn() {
        return labelEn;
    }
}
