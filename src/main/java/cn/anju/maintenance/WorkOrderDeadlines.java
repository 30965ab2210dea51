package cn.anju.maintenance;

import cn.anju.shared.policy.PolicySettings;
import cn.anju.shared.state.States;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * An accepted order's deadlines, counted from the time it was reported by the district's policy (urgent: on site 2 h,
 * done 24 h; normal: 24 h, 72 h), and the escalation of orders past one to the operator's manager.
 */
@NamedInterface("actions")
@Component
public class WorkOrderDeadlines {

    private final JdbcClient jdbc;
    private final PolicySettings settings;
    private final WorkOrderRecords records;
    private final Clock clock;

    WorkOrderDeadlines(JdbcClient jdbc, PolicySettings settings, WorkOrderRecords records, Clock clock) {
        this.jdbc = jdbc;
        this.settings = settings;
        this.records = records;
        this.clock = clock;
    }

    WorkOrder.Deadlines of(WorkOrder o, WorkOrders.Priority priority) {
        String p = priority == WorkOrders.Priority.URGENT ? "urgent" : "normal";
        return new WorkOrder.Deadlines(
                o.submittedAt().plus(Duration.ofHours(settings.integer("maintenance." + p + "_onsite_hours", o.district()))),
                o.submittedAt().plus(Duration.ofHours(settings.integer("maintenance." + p + "_done_hours", o.district()))));
    }

    /**
     * Orders under a deadline and past it are flagged once and escalated to the operator's manager (home-page work
     * item); the flag and the timeline entries are written together. Returns how many were escalated.
     */
    @Transactional
    public int escalate() {
        Timestamp now = Timestamp.from(clock.instant());
        record Escalated(long id, WorkOrderState state) {
        }
        List<Escalated> escalated = jdbc.sql("""
                        update work_order set escalated_at = ?
                         where escalated_at is null and state = any(?)
                           and ((on_site_at is null and onsite_due_at < ?) or (completed_at is null and done_due_at < ?))
                        returning id, state""")
                .params(now, States.names(WorkOrderState.UNDER_DEADLINE), now, now)
                .query((rs, n) -> new Escalated(rs.getLong(1), WorkOrderState.valueOf(rs.getString(2)))).list();
        escalated.forEach(e -> records.timeline(e.id(), e.state(), e.state(), "超时未处理，已升级至运营负责人", null));
        return escalated.size();
    }
}
