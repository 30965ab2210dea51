package cn.anju.portal;

import cn.anju.identity.CurrentUser;
import cn.anju.identity.DataScopes;
import cn.anju.identity.ScopeFilter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/** How a work item counts its records: within the user's data scope, one {@code count(*)} with the item's condition. */
@Component
public class WorkItemCounts {

    private final JdbcClient jdbc;
    private final DataScopes scopes;

    WorkItemCounts(JdbcClient jdbc, DataScopes scopes) {
        this.jdbc = jdbc;
        this.scopes = scopes;
    }

    /** @param from a table and its alias, e.g. {@code work_order w}; the condition's {@code ?} take the params */
    public long count(CurrentUser user, String from, ScopeFilter.Columns columns, String condition, Object... params) {
        ScopeFilter scope = scopes.filter(user, columns);
        List<Object> all = new ArrayList<>(scope.params());
        all.addAll(List.of(params));
        return jdbc.sql("select count(*) from " + from + " where " + scope.sql() + " and " + condition).params(all).query(Long.class).single();
    }
}
