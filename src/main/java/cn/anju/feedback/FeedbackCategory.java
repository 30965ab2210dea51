package cn.anju.feedback;

import org.springframework.modulith.NamedInterface;

/** The service area a case is about (the seed's four areas, split as the handlers work). */
@NamedInterface("actions")
public enum FeedbackCategory {
    MOVE_IN_OUT("入住退出"), RENT("租金"), REPAIR("维修"), PATROL_VIOLATION("巡查与违规"), ENVIRONMENT_SAFETY("环境与安全"),
    STAFF("工作人员"), OTHER("其他");

    private final String label;

    FeedbackCategory(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
