package cn.anju.rent;

import cn.anju.identity.CurrentUser;
import cn.anju.identity.DataScopes;
import cn.anju.identity.ScopeFilter;
import cn.anju.shared.Role;
import cn.anju.shared.web.WorkItems;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Rent work on the home page: money to remit (operator), batches to confirm (finance), collections overdue at the
 * treasury (finance, government), and households whose overdue rent reached the arrears threshold
 * ({@code rent.arrears_case_months} × the monthly rent, 6 by default; months need not be consecutive), which the
 * government decides on.
 */
@Component
class RentWorkItems implements WorkItems<CurrentUser> {

    private final JdbcClient jdbc;
    private final DataScopes scopes;
    private final Clock clock;
    private final Treasury treasury;

    private final ArrearsReports arrears;

    RentWorkItems(JdbcClient jdbc, DataScopes scopes, Clock clock, Treasury treasury,
                  ArrearsReports arrears) {
        this.arrears = arrears;
        this.treasury = treasury;
        this.jdbc = jdbc;
        this.scopes = scopes;
        this.clock = clock;
    }

    @Override
    public List<Item> forUser(CurrentUser user) {
        List<Item> items = new ArrayList<>();
        if (user.has(Role.OPERATOR_MANAGER)) {
            items.add(new Item("work.TO_REMIT", count(user, "select count(*) from payment p where p.account = 'RENT' and %s"
                    + " and not exists (select 1 from remittance_item i where i.payment_id = p.id)"), "/rent/treasury", false));
        }
        if (user.has(Role.FINANCE)) {
            ScopeFilter scope = scopes.filter(user, ScopeFilter.Columns.district("b.district_code"));
            items.add(new Item("work.TO_CONFIRM", jdbc.sql("select count(*) from remittance_batch b where " + scope.sql() + " and b.status = 'SUBMITTED'")
                    .params(scope.params()).query(Long.class).single(), "/rent/treasury", false));
        }
        if (user.hasAny(Role.FINANCE, Role.GOV_ADMIN, Role.GOV_OFFICER)) {
            // the deadline rule lives in Treasury.held: each district's remit day
            items.add(new Item("work.REMIT_OVERDUE", treasury.held(user).stream().mapToLong(Treasury.Held::overduePayments).sum(),
                    "/rent/treasury", true));
        }
        if (user.hasAny(Role.GOV_ADMIN, Role.GOV_OFFICER, Role.OPERATOR_MANAGER)) {
            items.add(new Item("work.ARREARS_CASE", arrearsCases(user), "/rent/bills?overdue=true", true));
        }
        return items;
    }

    private long count(CurrentUser user, String sqlWithScope) {
        ScopeFilter scope = scopes.filter(user, new ScopeFilter.Columns("p.district_code", "p.project_id", null));
        return jdbc.sql(sqlWithScope.formatted(scope.sql())).params(scope.params()).query(Long.class).single();
    }

    /** Leases whose overdue rent principal is at least the district's threshold months of their monthly rent. */
    private long arrearsCases(CurrentUser user) {
        return arrears.atThreshold(scopes.filter(user, new ScopeFilter.Columns("b.district_code", "b.project_id", null)),
                LocalDate.now(clock)).size();
    }
}
