package cn.anju.survey;

import cn.anju.shared.Role;
import cn.anju.shared.web.MenuEntry;
import cn.anju.shared.web.MenuGroup;
import cn.anju.shared.web.PublicPath;
import cn.anju.shared.web.RoleGate;
import cn.anju.shared.web.RoleSets;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.core.Authentication;

import java.util.Set;

/** Who reaches the survey pages and actions (which waves each sees is {@link SurveyScope}'s). */
@Configuration(proxyBeanMethods = false)
class SurveyAccess {

    /** Who writes questionnaires and runs waves: the government's officers, the engaged evaluator, the operator's manager. */
    static final Set<Role> ORGANISERS = Set.of(Role.GOV_ADMIN, Role.GOV_OFFICER, Role.EVALUATOR, Role.OPERATOR_MANAGER);
    /** Who reads waves and results: the organisers and the district's finance (it pays by the results). */
    static final Set<Role> READERS = Set.of(Role.GOV_ADMIN, Role.GOV_OFFICER, Role.EVALUATOR, Role.OPERATOR_MANAGER, Role.FINANCE);

    public boolean organisers(Authentication who) {
        return RoleSets.granted(who, ORGANISERS);
    }

    public boolean readers(Authentication who) {
        return RoleSets.granted(who, READERS);
    }

    @Bean
    MenuEntry surveyMenu() {
        return new MenuEntry(MenuGroup.SUPERVISION, "menu.surveys", "/surveys", 6, READERS);
    }

    /** The answer page: a household answers by its token, without an account. */
    @Bean
    PublicPath surveyAnswerPage() {
        return new PublicPath("/s/**");
    }

    @Bean
    RoleGate questionnaireWriteGate() {
        return new RoleGate(HttpMethod.POST, "/api/v1/surveys/**", ORGANISERS);
    }

    @Bean
    RoleGate surveyWaveWriteGate() {
        return new RoleGate(HttpMethod.POST, "/api/v1/survey-waves/**", ORGANISERS);
    }
}
