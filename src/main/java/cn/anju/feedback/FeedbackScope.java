package cn.anju.feedback;

import cn.anju.identity.CurrentUser;
import cn.anju.identity.DataScope;
import cn.anju.identity.DataScopes;
import cn.anju.identity.ScopeFilter;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Which cases a user sees. A matched case (it has a project) follows the data scope like any record of its project.
 * An unmatched one waits in a queue: the operator's own (taken by its staff), its district's, or the city's (no
 * district known). An operator sees its own queue and the unmatched cases of the districts it serves, so its manager
 * can take them; a district its district's; the city everything, the city's queue included; a tenant its household's.
 */
@Component
class FeedbackScope {

    private static final ScopeFilter.Columns COLUMNS = new ScopeFilter.Columns("f.district_code", "f.project_id", "f.household_id");

    private final DataScopes scopes;

    FeedbackScope(DataScopes scopes) {
        this.scopes = scopes;
    }

    /** The predicate over {@code feedback_case f}. */
    ScopeFilter filter(CurrentUser user) {
        DataScope scope = scopes.of(user);
        ScopeFilter matched = ScopeFilter.of(scope, COLUMNS);
        List<Object> params = new ArrayList<>(matched.params());
        String sql = switch (scope) {
            case DataScope.City city -> "(" + matched.sql() + " or f.district_code is null)";
            case DataScope.Operator op -> {
                Set<String> districts = new HashSet<>(op.wholeDistricts());
                districts.addAll(op.projectDistricts());
                params.add(op.operatorId());
                params.add(districts.toArray(String[]::new));
                yield "((f.project_id is not null and " + matched.sql() + ") or (f.project_id is null and (f.operator_id = ?"
                        + " or (f.operator_id is null and f.district_code = any(?)))))";
            }
            default -> matched.sql();
        };
        return new ScopeFilter(sql, List.copyOf(params));
    }

    /** Whether the user sees this one case (the same rule as {@link #filter}, in Java). */
    boolean sees(CurrentUser user, FeedbackCase c) {
        DataScope scope = scopes.of(user);
        return switch (scope) {
            case DataScope.City city -> c.district() == null || city.coversDistrict(c.district());
            case DataScope.Operator op -> c.project() != null ? op.coversProject(c.district(), c.project())
                    : op.operatorId().equals(c.operator()) || c.operator() == null && c.district() != null && op.coversDistrict(c.district());
            case DataScope.Household h -> h.householdId() != null && h.householdId().equals(c.household());
            default -> c.district() != null && scope.coversDistrict(c.district());
        };
    }
}
