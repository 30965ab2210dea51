package cn.anju.lease;

import cn.anju.identity.CurrentUser;
import cn.anju.shared.Role;
import cn.anju.shared.web.PageQuery;
import cn.anju.shared.web.WorkItems;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/**
 * The lease work on a clerk's or officer's home page: renewals to prepare (the operator's side of the renewal
 * reminder), filings overdue or waiting for the bureau, households to move out, leases whose eligibility lapsed.
 */
@Component
class LeaseWorkItems implements WorkItems<CurrentUser> {

    private final LeaseQueries queries;

    LeaseWorkItems(LeaseQueries queries) {
        this.queries = queries;
    }

    @Override
    public List<Item> forUser(CurrentUser user) {
        if (!user.hasAny(Role.GOV_ADMIN, Role.GOV_OFFICER, Role.OPERATOR_MANAGER, Role.OPERATOR_STAFF)) {
            return List.of();
        }
        boolean government = user.hasAny(Role.GOV_ADMIN, Role.GOV_OFFICER);
        List<Item> items = new ArrayList<>();
        items.add(item(user, "work.RENEWAL_DUE", LeaseQueries.View.RENEWAL_DUE, false));
        items.add(item(user, government ? "work.FILING_TO_CONFIRM" : "work.FILING_PENDING", LeaseQueries.View.FILING_PENDING, false));
        items.add(item(user, "work.FILING_OVERDUE", LeaseQueries.View.FILING_OVERDUE, true));
        items.add(item(user, "work.MOVE_OUT_DUE", LeaseQueries.View.MOVE_OUT_DUE, false));
        items.add(item(user, "work.ELIGIBILITY_LAPSED", LeaseQueries.View.ELIGIBILITY_LAPSED, true));
        return items;
    }

    private Item item(CurrentUser user, String label, LeaseQueries.View view, boolean urgent) {
        return new Item(label, queries.list(user, null, view, PageQuery.of(1, 1)).total(), "/leases?view=" + view.name(), urgent);
    }
}
