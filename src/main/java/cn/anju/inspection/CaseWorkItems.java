package cn.anju.inspection;

import cn.anju.identity.CurrentUser;
import cn.anju.identity.DataScopes;
import cn.anju.identity.ScopeFilter;
import cn.anju.shared.Role;
import cn.anju.shared.state.States;
import cn.anju.shared.web.WorkItems;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Cases on the home page: to decide (the district's officers), drafts to report and rectification deadlines passed (operator). */
@Component
class CaseWorkItems implements WorkItems<CurrentUser> {

    private final JdbcClient jdbc;
    private final DataScopes scopes;
    private final Clock clock;

    CaseWorkItems(JdbcClient jdbc, DataScopes scopes, Clock clock) {
        this.jdbc = jdbc;
        this.scopes = scopes;
        this.clock = clock;
    }

    @Override
    public List<Item> forUser(CurrentUser user) {
        List<Item> items = new ArrayList<>();
        if (user.hasAny(Role.GOV_ADMIN, Role.GOV_OFFICER)) {
            items.add(new Item("work.CASES_TO_DECIDE", count(user, "c.state = any(?)", (Object) States.names(CaseState.TO_DECIDE)), "/cases?state=REPORTED", true));
        }
        if (user.hasAny(Role.OPERATOR_MANAGER, Role.OPERATOR_STAFF)) {
            items.add(new Item("work.CASE_DRAFTS", count(user, "c.state = 'DRAFT'"), "/cases?state=DRAFT", false));
        }
        if (user.hasAny(Role.GOV_ADMIN, Role.GOV_OFFICER, Role.OPERATOR_MANAGER, Role.OPERATOR_STAFF)) {
            items.add(new Item("work.RECTIFY_OVERDUE", count(user, "c.state = 'DECIDED' and c.decision = 'RECTIFY' and c.rectify_by < ?",
                    Date.valueOf(LocalDate.now(clock))), "/cases?state=DECIDED", true));
        }
        return items;
    }

    /** The condition is one of this class's own constants, never caller input; the scope adds its parameters first. */
    private long count(CurrentUser user, String condition, Object... params) {
        ScopeFilter scope = scopes.filter(user, new ScopeFilter.Columns("c.district_code", "c.project_id", null));
        List<Object> all = new ArrayList<>(scope.params());
        all.addAll(List.of(params));
        return jdbc.sql("select count(*) from violation_case c where " + scope.sql() + " and " + condition).params(all).query(Long.class).single();
    }
}
