package cn.anju.audit;

import cn.anju.shared.web.PageQuery;
import cn.anju.shared.web.PageResponse;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/** Search of the audit log for the audit administrator; every action by the name it has now ({@link AuditAction#current}). */
@Service
public class AuditQueries {

    private final JdbcClient jdbc;
    /** The days of the filter are the city's: from its midnight to the next. */
    private final ZoneId zone;

    AuditQueries(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.zone = clock.getZone();
    }

    public record Filter(String actor, String action, String target, LocalDate from, LocalDate to, AuditOutcome outcome) {
    }

    public record Entry(long id, Instant occurredAt, String actorUsername, String sourceIp, String action,
                        String targetType, String targetId, AuditOutcome outcome, String summary, boolean sealed) {
    }

    public PageResponse<Entry> search(Filter filter, PageQuery page) {
        StringBuilder where = new StringBuilder("where true");
        List<Object> params = new ArrayList<>();
        if (filter.actor() != null && !filter.actor().isBlank()) {
            where.append(" and a.actor_username = ?");
            params.add(filter.actor().trim().toLowerCase());
        }
        if (filter.action() != null && !filter.action().isBlank()) {
            // by the name an action has now, so that rows stored under a legacy name are found too
            where.append(" and upper(replace(a.action, '.', '_')) like ?");
            params.add(AuditAction.current(filter.action().trim().replace("%", "")).replace("_", "\\_") + "%");
        }
        if (filter.target() != null && !filter.target().isBlank()) {
            where.append(" and (a.target_type || ':' || coalesce(a.target_id, '')) like ?");
            params.add("%" + filter.target().trim().replace("%", "") + "%");
        }
        if (filter.from() != null) {
            where.append(" and a.occurred_at >= ?");
            params.add(Timestamp.from(filter.from().atStartOfDay(zone).toInstant()));
        }
        if (filter.to() != null) {
            where.append(" and a.occurred_at < ?");
            params.add(Timestamp.from(filter.to().plusDays(1).atStartOfDay(zone).toInstant()));
        }
        if (filter.outcome() != null) {
            where.append(" and a.outcome = ?");
            params.add(filter.outcome().name());
        }
        long total = jdbc.sql("select count(*) from audit_log a " + where).params(params).query(Long.class).single();
        List<Object> pageParams = new ArrayList<>(params);
        pageParams.add(page.size());
        pageParams.add(page.offset());
        List<Entry> items = jdbc.sql("""
                        select a.id, a.occurred_at, a.actor_username, a.source_ip, a.action, a.target_type, a.target_id,
                               a.outcome, a.summary, exists (select 1 from audit_chain c where c.audit_id = a.id) as sealed
                          from audit_log a %s
                         order by a.id desc limit ? offset ?""".formatted(where))
                .params(pageParams)
                .query((rs, n) -> new Entry(rs.getLong("id"),
                        rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
                        rs.getString("actor_username"), rs.getString("source_ip"), AuditAction.current(rs.getString("action")),
                        rs.getString("target_type"), rs.getString("target_id"),
                        AuditOutcome.valueOf(rs.getString("outcome")), rs.getString("summary"), rs.getBoolean("sealed")))
                .list();
        return PageResponse.of(items, page, total);
    }
}
