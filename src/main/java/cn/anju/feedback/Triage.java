package cn.anju.feedback;

import cn.anju.household.HouseholdContacts;
import cn.anju.identity.CurrentUser;
import cn.anju.identity.ProjectOperators;
import cn.anju.lease.LeaseFacts;
import cn.anju.shared.Role;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.Optional;

/**
 * Where a new case belongs. The household comes from the tenant's sign-in, the staff's choice, or the sender's phone
 * through the keyed index; its home (the lease it occupies) gives the unit and project, and the project's coverage on
 * the day the operator. A case no household matches waits in a queue: the operator's own when its staff took it,
 * else its district's when the channel named one, else the city's.
 */
@Component
class Triage {

    private final HouseholdContacts contacts;
    private final LeaseFacts leases;
    private final ProjectOperators operators;

    Triage(HouseholdContacts contacts, LeaseFacts leases, ProjectOperators operators) {
        this.contacts = contacts;
        this.leases = leases;
        this.operators = operators;
    }

    record Placement(String district, Long project, Long unit, Long household, Long lease, Long operator) {

        boolean matched() {
            return project != null;
        }
    }

    Placement place(Inbound in, CurrentUser actor, LocalDate day) {
        Optional<Long> household = household(in, actor);
        if (household.isPresent()) {
            long h = household.get();
            var home = leases.occupiedBy(h);
            if (home.isPresent()) {
                var l = home.get();
                Long operator = operators.serving(l.districtCode(), l.projectId(), day).orElse(null);
                return new Placement(l.districtCode(), l.projectId(), l.unitId(), h, l.id(), operator);
            }
            String district = contacts.districtOf(h).orElse(null);
            return new Placement(district, null, null, h, null, staffOperator(in, actor));
        }
        return new Placement(in.districtCode(), null, null, null, null, staffOperator(in, actor));
    }

    private Optional<Long> household(Inbound in, CurrentUser actor) {
        if (actor != null && actor.has(Role.TENANT)) {
            return Optional.ofNullable(actor.householdId());
        }
        if (in.householdId() != null) {
            return Optional.of(in.householdId());
        }
        return in.anonymous() ? Optional.empty() : contacts.byPhone(in.from());
    }

    /** Taken by the operator's own staff: unmatched, it stays in that operator's queue. */
    private static Long staffOperator(Inbound in, CurrentUser actor) {
        return actor != null && actor.isOperator() && in.channel().takenByStaff() ? actor.organisationId() : null;
    }
}
