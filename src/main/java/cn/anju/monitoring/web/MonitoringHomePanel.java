package cn.anju.monitoring.web;

import cn.anju.identity.CurrentUser;
import cn.anju.monitoring.Dashboard;
import cn.anju.monitoring.Dashboards;
import cn.anju.shared.Role;
import cn.anju.shared.web.HomePanels;
import cn.anju.shared.web.ProblemException;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;

/**
 * The home page of a government user or an operator's manager opens on their level's dashboard (the key figures, the
 * alerts, the places below), above their work items; the whole dashboard is one click away.
 */
@Component
class MonitoringHomePanel implements HomePanels<CurrentUser> {

    private final Dashboards dashboards;

    MonitoringHomePanel(Dashboards dashboards) {
        this.dashboards = dashboards;
    }

    @Override
    public List<Panel> forUser(CurrentUser user) {
        if (!user.hasAny(Role.GOV_ADMIN, Role.GOV_OFFICER, Role.FINANCE, Role.OPERATOR_MANAGER)) {
            return List.of();
        }
        try {
            Dashboard d = dashboards.mine(user, null);
            return List.of(new Panel("monitoring/home-card", "card", Map.of("d", d), true));
        } catch (ProblemException e) { // a scope without places (an account not yet given any)
            return List.of();
        }
    }
}
