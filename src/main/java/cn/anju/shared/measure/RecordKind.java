package cn.anju.shared.measure;

/**
 * The kind of record behind a figure, so a reader can follow a figure to the records it was computed from. A module
 * that adds a measure over a new kind of record adds the kind here.
 */
public enum RecordKind {
    BILL, LEASE, UNIT, WORK_ORDER, PATROL_TASK, VERIFICATION_VISIT, VIOLATION_CASE, FEEDBACK_CASE, FEEDBACK_FOLLOW_UP,
    /** a survey wave's answers in one project, counted as a group: answers are never listed one by one */
    SURVEY_GROUP
}
