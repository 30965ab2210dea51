package cn.anju.feedback;

import cn.anju.identity.CurrentUser;
import cn.anju.shared.Role;
import cn.anju.shared.web.PageQuery;
import cn.anju.shared.web.WorkItems;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/**
 * Complaints on the home page, counted by the desk's own query (so the tile and the list it opens agree): cases to
 * acknowledge and overdue ones for the operator (its manager is told here first), the district's queue, overdue and
 * escalated cases for the government.
 */
@Component
class FeedbackWorkItems implements WorkItems<CurrentUser> {

    private final FeedbackQueries queries;

    FeedbackWorkItems(FeedbackQueries queries) {
        this.queries = queries;
    }

    @Override
    public List<Item> forUser(CurrentUser user) {
        List<Item> items = new ArrayList<>();
        boolean operator = FeedbackHandling.handler(user);
        boolean officer = user.hasAny(Role.GOV_ADMIN, Role.GOV_OFFICER);
        if (operator) {
            items.add(new Item("work.FEEDBACK_TO_ACCEPT", count(user, FeedbackState.RECEIVED, null, null), "/feedback?state=RECEIVED", false));
        }
        if (officer) {
            items.add(new Item("work.FEEDBACK_UNPLACED", count(user, null, null, FeedbackQueries.Queue.UNPLACED), "/feedback?queue=UNPLACED",
                    false));
            items.add(new Item("work.FEEDBACK_ESCALATED", count(user, null, null, FeedbackQueries.Queue.ESCALATED),
                    "/feedback?queue=ESCALATED", true));
        }
        if (operator || officer) {
            items.add(new Item("work.FEEDBACK_OVERDUE", count(user, null, true, null), "/feedback?overdue=true", true));
        }
        return items;
    }

    private long count(CurrentUser user, FeedbackState state, Boolean overdue, FeedbackQueries.Queue queue) {
        return queries.search(user, new FeedbackQueries.Filter(null, state, overdue, null, null, queue), PageQuery.of(1, 1)).total();
    }
}
