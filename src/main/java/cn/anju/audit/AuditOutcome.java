package cn.anju.audit;

import org.springframework.modulith.NamedInterface;

@NamedInterface("api")
public enum AuditOutcome {
    SUCCESS, DENIED, FAILED
}
