package cn.anju.maintenance;

import cn.anju.identity.CurrentUser;
import cn.anju.identity.ScopeFilter;
import cn.anju.portal.WorkItemCounts;
import cn.anju.portal.WorkItems;
import cn.anju.shared.Role;
import cn.anju.shared.state.States;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/** Repairs on the home page: requests to triage (operator), orders past a deadline (escalated to the manager; the government reads them too). */
@Component
class MaintenanceWorkItems implements WorkItems {

    private final WorkItemCounts counts;
    private final Clock clock;

    MaintenanceWorkItems(WorkItemCounts counts, Clock clock) {
        this.counts = counts;
        this.clock = clock;
    }

    @Override
    public List<Item> forUser(CurrentUser user) {
        List<Item> items = new ArrayList<>();
        if (user.hasAny(Role.OPERATOR_MANAGER, Role.OPERATOR_STAFF)) {
            items.add(new Item("work.REPAIRS_TO_TRIAGE", count(user, "w.state = 'SUBMITTED'"), "/work-orders?state=SUBMITTED", false));
        }
        if (user.hasAny(Role.OPERATOR_MANAGER, Role.GOV_ADMIN, Role.GOV_OFFICER)) {
            Timestamp now = Timestamp.from(clock.instant());
            items.add(new Item("work.REPAIRS_LATE", count(user, """
                    w.state = any(?)
                    and ((w.on_site_at is null and w.onsite_due_at < ?) or (w.completed_at is null and w.done_due_at < ?))""",
                    States.names(WorkOrderState.UNDER_DEADLINE), now, now),
                    "/work-orders?view=LATE", true));
        }
        return items;
    }

    private long count(CurrentUser user, String condition, Object... params) {
        return counts.count(user, "work_order w", new ScopeFilter.Columns("w.district_code", "w.project_id", null), condition, params);
    }
}
