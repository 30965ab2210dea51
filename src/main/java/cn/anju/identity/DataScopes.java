package cn.anju.identity;

import cn.anju.shared.Districts;
import cn.anju.shared.Role;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Derives a user's {@link DataScope} from organisation, roles and, for operators, coverage on the day; for an evaluation
 * firm, its engagements on the day.
 */
@NamedInterface("api")
@Service
public class DataScopes {

    private final OperatorCoverages coverages;
    private final EvaluatorEngagements engagements;
    private final Districts districts;
    private final Clock clock;

    DataScopes(OperatorCoverages coverages, EvaluatorEngagements engagements, Districts districts, Clock clock) {
        this.coverages = coverages;
        this.engagements = engagements;
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

    /**
     * The scope for finishing what an ended contract leaves (handing back rent it still holds, its settlements and
     * reports): an operator's coverage today plus every row whose wind-down runs today; anyone else's scope as usual.
     * Only those routes ask for it; every operational route keeps {@link #of}.
     */
    public DataScope finishing(CurrentUser user) {
        DataScope scope = of(user);
        if (!(scope instanceof DataScope.Operator)) {
            return scope;
        }
        LocalDate today = LocalDate.now(clock);
        Places places = new Places();
        coverages.activeFor(user.organisationId(), today).forEach(c -> places.add(c.districtCode(), c.projectId()));
        coverages.windingDownFor(user.organisationId(), today).forEach(c -> places.add(c.districtCode(), c.projectId()));
        return new DataScope.Operator(user.organisationId(), places.wholeDistricts(), places.projectIds(), places.projectDistricts());
    }

    /**
     * The predicate of {@link #finishing} for records dated by {@code dayColumn} and recorded by the account in
     * {@code actorColumn} (a payment's {@code received_at} and {@code recorded_by}): today's scope, or a winding-down place
     * for what the operator's own staff recorded there while its row was in force, so an outgoing operator reaches the rent
     * it collected itself and never its successor's or a predecessor's.
     */
    public ScopeFilter finishingFilter(CurrentUser user, ScopeFilter.Columns columns, String dayColumn, String actorColumn) {
        DataScope scope = of(user);
        ScopeFilter active = ScopeFilter.of(scope, columns);
        if (!(scope instanceof DataScope.Operator)) {
            return active;
        }
        new ScopeFilter.Columns(dayColumn, actorColumn, null); // checks the columns' names
        StringBuilder sql = new StringBuilder("(").append(active.sql());
        List<Object> params = new ArrayList<>(active.params());
        for (OperatorCoverage c : coverages.windingDownFor(user.organisationId(), LocalDate.now(clock))) {
            sql.append(" or (").append(columns.district()).append(" = ?");
            params.add(c.districtCode());
            if (c.projectId() != null) {
                if (columns.project() == null) {
                    sql.append(" and false");
                } else {
                    sql.append(" and ").append(columns.project()).append(" = ?");
                    params.add(c.projectId());
                }
            }
            sql.append(" and ").append(dayColumn).append(" >= ? and ").append(dayColumn).append(" < ?")
                    .append(" and ").append(actorColumn).append(" in (select user_id from staff_name where organisation_id = ?))");
            params.add(Timestamp.from(c.validFrom().atStartOfDay(clock.getZone()).toInstant()));
            params.add(Timestamp.from(c.validTo().plusDays(1).atStartOfDay(clock.getZone()).toInstant()));
            params.add(user.organisationId());
        }
        return new ScopeFilter(sql.append(")").toString(), params);
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
            case EVALUATOR -> evaluatorScope(user.organisationId(), day);
        };
    }

    DataScope.Operator operatorScope(Long operatorId, LocalDate day) {
        Places places = new Places();
        coverages.activeFor(operatorId, day).forEach(c -> places.add(c.districtCode(), c.projectId()));
        return new DataScope.Operator(operatorId, places.wholeDistricts(), places.projectIds(), places.projectDistricts());
    }

    DataScope.Evaluator evaluatorScope(Long evaluatorId, LocalDate day) {
        Places places = new Places();
        engagements.activeFor(evaluatorId, day).forEach(e -> places.add(e.districtCode(), e.projectId()));
        return new DataScope.Evaluator(evaluatorId, places.wholeDistricts(), places.projectIds(), places.projectDistricts());
    }

    /** Rows of whole districts (no project) and of single projects, collected into a scope's three sets. */
    private static final class Places {
        private final Set<String> whole = new LinkedHashSet<>();
        private final Set<Long> projects = new LinkedHashSet<>();
        private final Set<String> projectDistricts = new LinkedHashSet<>();

        void add(String districtCode, Long projectId) {
            if (projectId == null) {
                whole.add(districtCode);
            } else {
                projects.add(projectId);
                projectDistricts.add(districtCode);
            }
        }

        Set<String> wholeDistricts() {
            return Set.copyOf(whole);
        }

        Set<Long> projectIds() {
            return Set.copyOf(projects);
        }

        Set<String> projectDistricts() {
            return Set.copyOf(projectDistricts);
        }
    }
}
