package cn.anju.evaluation;

import java.time.Instant;

/** The operator's objection (异议) to one leaf, with reasons and a file; the purchaser accepts or rejects it with a reason. */
public record Objection(long id, long evaluationId, String leafCode, String reasons, String evidenceName, Status status, long raisedBy,
                        Instant raisedAt, Long decidedBy, String decision, int version) {

    public enum Status {
        RAISED("待处理"), ACCEPTED("已采纳"), REJECTED("未采纳");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}
