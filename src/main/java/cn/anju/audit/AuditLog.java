package cn.anju.audit;

import cn.anju.shared.Actor;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.NamedInterface;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import tools.jackson.databind.json.JsonMapper;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.TreeMap;

/**
 * Appends audit entries. The actor and source address come from the current request; the summary is a small map
 * of ids, codes and changed fields, never personal data. An entry recorded with {@link #record} commits or rolls
 * back with the change it describes; {@link #recordIndependently} commits on its own, for refusals and reads
 * that must be recorded even though nothing else is written.
 */
@NamedInterface("api")
@Service
public class AuditLog {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final JsonMapper json = JsonMapper.builder().build();

    AuditLog(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.REQUIRED)
    public void record(AuditAction action, String targetType, Object targetId, AuditOutcome outcome, Map<String, ?> summary) {
        append(action, targetType, targetId, outcome, summary, currentActor());
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void recordIndependently(AuditAction action, String targetType, Object targetId, AuditOutcome outcome,
                                    Map<String, ?> summary) {
        append(action, targetType, targetId, outcome, summary, currentActor());
    }

    /** For events before anyone is signed in (a failed login): the actor is only a name typed at the door. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void recordAnonymous(AuditAction action, String targetType, Object targetId, AuditOutcome outcome,
                                Map<String, ?> summary) {
        append(action, targetType, targetId, outcome, summary, null);
    }

    private void append(AuditAction action, String targetType, Object targetId, AuditOutcome outcome, Map<String, ?> summary,
                        Actor actor) {
        // Microseconds: what PostgreSQL keeps, so the sealed hash and a later read of the row agree.
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        jdbc.sql("""
                        insert into audit_log (occurred_at, actor_id, actor_username, actor_org_id, district_code,
                                               source_ip, action, target_type, target_id, outcome, summary)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(Timestamp.from(now), actor == null ? null : actor.actorId(),
                        actor == null ? null : actor.actorName(), actor == null ? null : actor.actorOrganisationId(),
                        actor == null ? null : actor.actorRegionCode(), sourceIp(), action.name(), targetType,
                        targetId == null ? null : targetId.toString(), outcome.name(),
                        json.writeValueAsString(summary == null ? Map.of() : new TreeMap<>(summary)))
                .update();
    }

    static Actor currentActor() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.getPrincipal() instanceof Actor actor ? actor : null;
    }

    private static String sourceIp() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            return request.getRemoteAddr();
        }
        return null;
    }
}
