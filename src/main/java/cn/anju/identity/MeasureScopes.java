package cn.anju.identity;

import cn.anju.shared.Role;
import cn.anju.shared.measure.MeasureScope;
import cn.anju.shared.web.ProblemException;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Converts a caller's {@link DataScope} into the {@link MeasureScope} a figure is computed within (the shared kernel
 * cannot see data scopes): city and district users their districts, an operator its whole districts and single
 * projects of the day, everyone else nothing — so a tenant's or an administrator's figure is "not applicable", never
 * another district's. Also who may read figures at all.
 */
@NamedInterface("api")
@Service
public class MeasureScopes {

    /**
     * The government and finance, and the operator's manager: the figures judge the operator, and the treasury's
     * and the collection rate's readers were already these.
     */
    public static final Set<Role> READERS = Set.of(Role.GOV_ADMIN, Role.GOV_OFFICER, Role.FINANCE, Role.OPERATOR_MANAGER);

    private final DataScopes scopes;
    private final OperatorCoverages coverages;
    private final Clock clock;

    MeasureScopes(DataScopes scopes, OperatorCoverages coverages, Clock clock) {
        this.scopes = scopes;
        this.coverages = coverages;
        this.clock = clock;
    }

    public static MeasureScope of(DataScope scope) {
        return switch (scope) {
            case DataScope.City c -> new MeasureScope(c.districtCodes(), Set.of());
            case DataScope.District d -> MeasureScope.districts(d.districtCode());
            case DataScope.Operator o -> new MeasureScope(o.wholeDistricts(), o.projectIds());
            case DataScope.Evaluator e -> new MeasureScope(e.wholeDistricts(), e.projectIds()); // figures, never records
            case DataScope.Household h -> MeasureScope.NOTHING;
            case DataScope.None n -> MeasureScope.NOTHING;
        };
    }

    public MeasureScope of(CurrentUser user) {
        return of(scopes.of(user));
    }

    /**
     * The caller's scope narrowed to one district (null: all of it). A district outside the scope is not found; an
     * operator serving only some projects of the district gets those projects.
     */
    public MeasureScope of(CurrentUser user, String districtCode) {
        DataScope scope = scopes.of(user);
        if (districtCode == null) {
            return of(scope);
        }
        if (!scope.coversDistrict(districtCode)) {
            throw ProblemException.notFound("DISTRICT_NOT_IN_SCOPE", "没有该区县的数据，或不在您的数据范围内。");
        }
        if (scope instanceof DataScope.Operator o && !o.wholeDistricts().contains(districtCode)) {
            return new MeasureScope(Set.of(), coverages.activeFor(o.operatorId(), LocalDate.now(clock)).stream()
                    .filter(c -> districtCode.equals(c.districtCode()) && c.projectId() != null)
                    .map(OperatorCoverage::projectId).collect(Collectors.toSet()));
        }
        return MeasureScope.districts(districtCode);
    }

    public static void requireReader(CurrentUser user) {
        if (user.roles().stream().noneMatch(READERS::contains)) {
            throw ProblemException.forbidden("MEASURE_FORBIDDEN", "指标由住房保障部门、财政部门和承接主体负责人查看。");
        }
    }
}
