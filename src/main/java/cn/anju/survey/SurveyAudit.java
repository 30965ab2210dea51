package cn.anju.survey;

import cn.anju.audit.AuditAction;

/**
 * What the survey module writes on the audit log. An answer is never audited one by one: a batch records how many
 * answers it wrote, so the log cannot link an answer to a token.
 */
enum SurveyAudit implements AuditAction {
    QUESTIONNAIRE_SAVE, QUESTIONNAIRE_PUBLISH, SURVEY_WAVE_CREATE, SURVEY_WAVE_OPEN, SURVEY_WAVE_CLOSE,
    SURVEY_SHEETS_PRINT, SURVEY_ANSWER_BATCH
}
