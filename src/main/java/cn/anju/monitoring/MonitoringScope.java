package cn.anju.monitoring;

import cn.anju.identity.CurrentUser;
import cn.anju.identity.DataScope;
import cn.anju.shared.web.ProblemException;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Which places a reader's dashboards cover, from their data scope: the city every district; a district its own; an
 * operator the districts it serves whole and its single projects (never another operator's project in a district it
 * shares).
 */
record MonitoringScope(Level level, Set<String> wholeDistricts, Set<Long> projects) {

    /** The user's level; a project's dashboard is a level of its own. */
    enum Level { CITY, DISTRICT, OPERATOR, PROJECT }

    static MonitoringScope of(CurrentUser user, DataScope scope) {
        return switch (scope) {
            case DataScope.City city -> new MonitoringScope(Level.CITY, new LinkedHashSet<>(city.districtCodes()), Set.of());
            case DataScope.District d -> new MonitoringScope(Level.DISTRICT, Set.of(d.districtCode()), Set.of());
            case DataScope.Operator op when user.isOperator() -> new MonitoringScope(Level.OPERATOR, Set.copyOf(op.wholeDistricts()),
                    Set.copyOf(op.projectIds()));
            default -> throw ProblemException.forbidden("MONITORING_FORBIDDEN", "您的角色不能查看监测平台。");
        };
    }

    boolean coversDistrict(String code) {
        return wholeDistricts.contains(code);
    }

    boolean coversProject(String district, long project) {
        return wholeDistricts.contains(district) || projects.contains(project);
    }

    List<String> districts() {
        return List.copyOf(wholeDistricts);
    }
}
