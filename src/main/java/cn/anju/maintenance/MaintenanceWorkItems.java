package cn.anju.maintenance;

import cn.anju.identity.CurrentUser;
import cn.anju.identity.DataScopes;
import cn.anju.identity.ScopeFilter;
import cn.anju.shared.Role;
import cn.anju.shared.state.States;
import cn.anju.shared.web.WorkItems;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/** Repairs on the home page: requests to triage (operator), orders past a deadline (escalated to the manager; the government reads them too). */
@Component
class MaintenanceWorkItems implements WorkItems<CurrentUser> {

    private final JdbcClient jdbc;
    private final DataScopes scopes;
    private final Clock clock;

    MaintenanceWorkItems(JdbcClient jdbc, DataScopes scopes, Clock clock) {
        this.jdbc = jdbc;
        this.scopes = scopes;
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

    /** The condition is one of this class's own constants, never caller input; the scope adds its parameters first. */
    private long count(CurrentUser user, String condition, Object... params) {
        ScopeFilter scope = scopes.filter(user, new ScopeFilter.Columns("w.district_code", "w.project_id", null));
        List<Object> all = new ArrayList<>(scope.params());
        all.addAll(List.of(params));
        return jdbc.sql("select count(*) from work_order w where " + scope.sql() + " and " + condition).params(all).query(Long.class).single();
    }
}
