package cn.anju.feedback;

import org.springframework.modulith.NamedInterface;

/** What the person wants: each kind has its own reply clock (policy {@code feedback.reply_working_days.<KIND>}). */
@NamedInterface("actions")
public enum FeedbackKind {
    COMPLAINT("投诉"), SUGGESTION("建议"), INQUIRY("咨询"), HELP("求助"), PRAISE("表扬");

    private final String label;

    FeedbackKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Praise is acknowledged and closed: nothing to answer, no follow-up. */
    public boolean needsReply() {
        return this != PRAISE;
    }
}
