package cn.anju.identity.web;

import cn.anju.identity.CurrentUser;
import cn.anju.identity.DataScope;
import cn.anju.identity.DataScopes;
import cn.anju.identity.OrganisationType;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Set;

@RestController
@RequestMapping("/api/v1/me")
@Tag(name = "身份 Identity")
class MeApi {

    private final DataScopes scopes;

    MeApi(DataScopes scopes) {
        this.scopes = scopes;
    }

    record Me(String username, String displayName, List<String> roles, List<String> duties, Organisation organisation,
              Scope scope) {
    }

    record Organisation(Long id, String name, OrganisationType type, String regionCode) {
    }

    /** The caller's data scope: type plus the districts and projects it reaches. */
    record Scope(String type, List<String> districtCodes, List<Long> projectIds, Long householdId) {
        static Scope of(DataScope scope) {
            return switch (scope) {
                case DataScope.City c -> new Scope(c.type(), sorted(c.districtCodes()), List.of(), null);
                case DataScope.District d -> new Scope(d.type(), List.of(d.districtCode()), List.of(), null);
                case DataScope.Operator o -> new Scope(o.type(), sorted(o.wholeDistricts()),
                        o.projectIds().stream().sorted().toList(), null);
                case DataScope.Evaluator e -> new Scope(e.type(), sorted(e.wholeDistricts()),
                        e.projectIds().stream().sorted().toList(), null);
                case DataScope.Household h -> new Scope(h.type(), List.of(), List.of(), h.householdId());
                case DataScope.None n -> new Scope(n.type(), List.of(), List.of(), null);
            };
        }

        private static List<String> sorted(Set<String> s) {
            return s.stream().sorted().toList();
        }
    }

    @GetMapping
    @Operation(summary = "当前用户：用户名、角色、所属组织与数据范围")
    Me me(CurrentUser user) {
        return new Me(user.username(), user.displayName(),
                user.roles().stream().map(Enum::name).sorted().toList(),
                user.duties().stream().map(Enum::name).sorted().toList(),
                new Organisation(user.organisationId(), user.organisationName(), user.organisationType(),
                        user.regionCode()),
                Scope.of(scopes.of(user)));
    }
}
