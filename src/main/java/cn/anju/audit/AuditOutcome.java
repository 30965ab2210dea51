package cn.anju.audit;

public enum AuditOutcome {
    SUCCESS, DENIED, FAILED
}
