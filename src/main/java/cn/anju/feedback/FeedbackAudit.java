package cn.anju.feedback;

import cn.anju.audit.AuditAction;

/** What the feedback module writes on the audit log: each state a case reaches, and the steps beside the states. */
enum FeedbackAudit implements AuditAction {
    FEEDBACK_RECEIVED, FEEDBACK_ACCEPTED, FEEDBACK_ASSIGNED, FEEDBACK_IN_PROGRESS, FEEDBACK_REPLIED, FEEDBACK_FOLLOWED_UP,
    FEEDBACK_REOPENED, FEEDBACK_CLOSED, FEEDBACK_REJECTED, FEEDBACK_ESCALATE, FEEDBACK_SUPERVISE, FEEDBACK_PAUSE,
    FEEDBACK_RESUME, FEEDBACK_LINK, FEEDBACK_CONTACT_REVEAL, FEEDBACK_ERASE, FEEDBACK_HANDED_OVER;

    static FeedbackAudit reached(FeedbackState state) {
        return switch (state) {
            case RECEIVED -> FEEDBACK_RECEIVED;
            case ACCEPTED -> FEEDBACK_ACCEPTED;
            case ASSIGNED -> FEEDBACK_ASSIGNED;
            case IN_PROGRESS -> FEEDBACK_IN_PROGRESS;
            case REPLIED -> FEEDBACK_REPLIED;
            case FOLLOWED_UP -> FEEDBACK_FOLLOWED_UP;
            case REOPENED -> FEEDBACK_REOPENED;
            case CLOSED -> FEEDBACK_CLOSED;
            case REJECTED -> FEEDBACK_REJECTED;
        };
    }
}
