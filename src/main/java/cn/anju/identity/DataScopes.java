package cn.anju.identity;

import cn.anju.shared.Districts;
import cn.anju.shared.Role;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Collectors;

/** Derives a user's {@link DataScope} from organisation, roles and, for operators, coverage on the day. */
@NamedInterface("api")
@Service
public class DataScopes {

    private final OperatorCoverages coverages;
    private final Districts districts;
    private final Clock clock;

    DataScopes(OperatorCoverages coverages, Districts districts, Clock clock) {
        this.coverages = coverages;
        this.districts = districts;
        this.clock = clock;
    }

    public DataScope of(CurrentUser user) {
        return on(user, LocalDate.now(clock));
    }

    /** The predicate that keeps a query within the user's scope today. */
    public ScopeFilter filter(CurrentUser user, ScopeFilter.Columns columns) {
        return ScopeFilter.of(of(user), columns);
    }

    public DataScope on(CurrentUser user, LocalDate day) {
        if (user.roles().isEmpty() || user.roles().stream().anyMatch(UserAccount.HELD_ALONE::contains)) {
            return new DataScope.None(); // no role yet; 三员 and monitoring read no operational data
        }
        return switch (user.organisationType()) {
            case CITY_BUREAU -> new DataScope.City(user.regionCode(), districts.ofCity(user.regionCode()).stream()
                    .map(Districts.District::code).collect(Collectors.toUnmodifiableSet()));
            case DISTRICT_HOUSING -> user.has(Role.TENANT) && !user.hasAny(Role.GOV_ADMIN, Role.GOV_OFFICER)
                    ? (user.householdId() == null ? new DataScope.None() : new DataScope.Household(user.householdId()))
                    : new DataScope.District(user.regionCode());
            case DISTRICT_FINANCE -> new DataScope.District(user.regionCode());
            case OPERATOR -> operatorScope(user.organisationId(), day);
            case EVALUATOR -> new DataScope.None();
        };
    }

    DataScope.Operator operatorScope(Long operatorId, LocalDate day) {
        Set<String> whole = new LinkedHashSet<>();
        Set<Long> projects = new LinkedHashSet<>();
        Set<String> projectDistricts = new LinkedHashSet<>();
        for (OperatorCoverage c : coverages.activeFor(operatorId, day)) {
            if (c.projectId() == null) {
                whole.add(c.districtCode());
            } else {
                projects.add(c.projectId());
                projectDistricts.add(c.districtCode());
            }
        }
        return new DataScope.Operator(operatorId, Set.copyOf(whole), Set.copyOf(projects), Set.copyOf(projectDistricts));
    }
}
