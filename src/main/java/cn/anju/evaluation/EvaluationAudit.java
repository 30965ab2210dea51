package cn.anju.evaluation;

import cn.anju.audit.AuditAction;

/** What the evaluation module writes on the audit log. */
enum EvaluationAudit implements AuditAction {
    INDICATORS_REVISE, EVALUATION_OPEN, EVALUATION_STATE, EVALUATION_SCORE, OBJECTION_RAISE, OBJECTION_DECIDE, OPERATOR_ACCEPT,
    DEDUCTION_RECORD, SETTLEMENT_DRAFT, SETTLEMENT_STATE, REPORT_SUBMIT, REPORT_DECIDE
}
