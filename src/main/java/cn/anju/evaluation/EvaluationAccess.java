package cn.anju.evaluation;

import cn.anju.shared.Role;
import cn.anju.shared.web.MenuEntry;
import cn.anju.shared.web.MenuGroup;
import cn.anju.shared.web.RoleGate;
import cn.anju.shared.web.RoleSets;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.core.Authentication;

import java.util.Set;

/** Who reaches the evaluation's and the settlement's routes (which evaluation each sees is {@link EvaluationScope}'s). */
@Configuration(proxyBeanMethods = false)
class EvaluationAccess {

    /** Evaluations: the districts' government and finance, the city, the operator's manager, the engaged evaluator. */
    static final Set<Role> EVALUATIONS = Set.of(Role.GOV_ADMIN, Role.GOV_OFFICER, Role.FINANCE, Role.OPERATOR_MANAGER, Role.EVALUATOR);
    /** Who acts on an evaluation: officers (leaders hold the officer role), the operator's manager (objections), the evaluator. */
    static final Set<Role> EVALUATION_WRITERS = Set.of(Role.GOV_ADMIN, Role.GOV_OFFICER, Role.OPERATOR_MANAGER, Role.EVALUATOR);
    /** Settlements: government, finance and the operator's manager read; officers draft, leaders approve, finance pays. */
    static final Set<Role> SETTLEMENTS = Set.of(Role.GOV_ADMIN, Role.GOV_OFFICER, Role.FINANCE, Role.OPERATOR_MANAGER);
    static final Set<Role> SETTLEMENT_WRITERS = Set.of(Role.GOV_ADMIN, Role.GOV_OFFICER, Role.FINANCE);

    public boolean evaluations(Authentication who) {
        return RoleSets.granted(who, EVALUATIONS);
    }

    public boolean settlements(Authentication who) {
        return RoleSets.granted(who, SETTLEMENTS);
    }

    @Bean
    MenuEntry evaluationMenu() {
        return new MenuEntry(MenuGroup.SUPERVISION, "menu.evaluations", "/evaluations", 3, EVALUATIONS);
    }

    @Bean
    MenuEntry settlementMenu() {
        return new MenuEntry(MenuGroup.SUPERVISION, "menu.settlements", "/settlements", 4, SETTLEMENTS);
    }

    /** The financial reports are read by whoever reads the settlements they weigh on (the API's own gate). */
    @Bean
    MenuEntry financialReportMenu() {
        return new MenuEntry(MenuGroup.SUPERVISION, "menu.financialReports", "/financial-reports", 7, SETTLEMENTS);
    }

    @Bean
    RoleGate evaluationWriteGate() {
        return new RoleGate(HttpMethod.POST, "/api/v1/evaluations/**", EVALUATION_WRITERS);
    }

    @Bean
    RoleGate objectionWriteGate() {
        return new RoleGate(HttpMethod.POST, "/api/v1/objections/**", Set.of(Role.GOV_ADMIN, Role.GOV_OFFICER));
    }

    @Bean
    RoleGate settlementWriteGate() {
        return new RoleGate(HttpMethod.POST, "/api/v1/settlements/**", SETTLEMENT_WRITERS);
    }

    /** Financial reports: the operator's manager files them, the district's officers accept or return them. */
    @Bean
    RoleGate reportWriteGate() {
        return new RoleGate(HttpMethod.POST, "/api/v1/financial-reports/**", Set.of(Role.GOV_ADMIN, Role.GOV_OFFICER, Role.OPERATOR_MANAGER));
    }

    @Bean
    RoleGate indicatorWriteGate() {
        return new RoleGate(HttpMethod.POST, "/api/v1/indicator-trees", Set.of(Role.GOV_ADMIN, Role.GOV_OFFICER));
    }
}
