package cn.anju.survey;

import cn.anju.identity.CurrentUser;
import cn.anju.identity.DataScope;
import cn.anju.identity.DataScopes;
import cn.anju.identity.OrganisationType;
import cn.anju.shared.Role;
import cn.anju.shared.web.ProblemException;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Who runs surveys and who sees a wave. The district's government users see every wave of their district (the city
 * every district's); the engaged evaluator its own waves while its engagement holds one of their projects; an
 * operator its own waves, and another's only once closed, in projects it serves. A tenant reaches a survey by its
 * token only.
 */
@Component
class SurveyScope {

    private final DataScopes scopes;

    SurveyScope(DataScopes scopes) {
        this.scopes = scopes;
    }

    /** The source the user runs surveys as, or 403 for a user who runs none. */
    RunBy authorAs(CurrentUser user) {
        return author(user).orElseThrow(() -> ProblemException.forbidden("SURVEY_NOT_AUTHOR",
                "问卷和调查由住房保障部门、受托的第三方评估机构或承接主体负责人组织。"));
    }

    /** The source the user runs surveys as, if any. */
    Optional<RunBy> author(CurrentUser user) {
        OrganisationType org = user.organisationType();
        if ((org == OrganisationType.DISTRICT_HOUSING || org == OrganisationType.CITY_BUREAU) && user.hasAny(Role.GOV_ADMIN, Role.GOV_OFFICER)) {
            return Optional.of(RunBy.GOVERNMENT);
        }
        if (org == OrganisationType.EVALUATOR && user.has(Role.EVALUATOR)) {
            return Optional.of(RunBy.EVALUATOR);
        }
        if (org == OrganisationType.OPERATOR && user.has(Role.OPERATOR_MANAGER)) {
            return Optional.of(RunBy.OPERATOR);
        }
        return Optional.empty();
    }

    /** Whether the user may send a wave to this project (its own district, its engagement, its coverage). */
    boolean maySurvey(CurrentUser user, String districtCode, long projectId) {
        return switch (scopes.of(user)) {
            case DataScope.Evaluator e -> e.engagedIn(districtCode, projectId);
            case DataScope.Operator o -> o.coversProject(districtCode, projectId);
            case DataScope.City c -> user.organisationType() == OrganisationType.CITY_BUREAU && c.coversDistrict(districtCode);
            case DataScope.District d -> user.organisationType() == OrganisationType.DISTRICT_HOUSING && d.coversDistrict(districtCode);
            default -> false;
        };
    }

    /** The districts whose waves the user may see any of (a first cut before {@link #sees}). */
    Set<String> candidateDistricts(CurrentUser user) {
        Set<String> districts = new HashSet<>();
        switch (scopes.of(user)) {
            case DataScope.City c -> districts.addAll(c.districtCodes());
            case DataScope.District d -> districts.add(d.districtCode());
            case DataScope.Evaluator e -> {
                districts.addAll(e.wholeDistricts());
                districts.addAll(e.projectDistricts());
            }
            case DataScope.Operator o -> {
                districts.addAll(o.wholeDistricts());
                districts.addAll(o.projectDistricts());
            }
            default -> {
            }
        }
        return districts;
    }

    boolean sees(CurrentUser user, SurveyWave w) {
        return switch (scopes.of(user)) {
            case DataScope.City c -> c.coversDistrict(w.districtCode());
            case DataScope.District d -> d.coversDistrict(w.districtCode());
            case DataScope.Evaluator e -> w.runBy() == RunBy.EVALUATOR && e.evaluatorId().equals(w.orgId())
                    && anyEngaged(e, w.districtCode(), w.projectIds());
            case DataScope.Operator o -> w.projectIds().stream().anyMatch(p -> o.coversProject(w.districtCode(), p))
                    && (w.status() == WaveStatus.CLOSED || w.runBy() == RunBy.OPERATOR && o.operatorId().equals(w.orgId()));
            default -> false;
        };
    }

    /**
     * Whether the user sees one project's figures of a wave it sees: an operator only those of the projects it serves
     * (a wave may span several operators' projects); everyone else all of them.
     */
    boolean seesProject(CurrentUser user, SurveyWave w, long projectId) {
        return !(scopes.of(user) instanceof DataScope.Operator o) || o.coversProject(w.districtCode(), projectId);
    }

    /** Whether the user may run this wave (open, close, print its sheets): its own organisation's, still in scope. */
    boolean runs(CurrentUser user, SurveyWave w) {
        return user.organisationId() != null && user.organisationId().equals(w.orgId()) && sees(user, w)
                && w.projectIds().stream().allMatch(p -> maySurvey(user, w.districtCode(), p));
    }

    private static boolean anyEngaged(DataScope.Evaluator e, String district, Collection<Long> projects) {
        return projects.stream().anyMatch(p -> e.engagedIn(district, p));
    }
}
