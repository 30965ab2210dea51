package cn.anju.survey.web;

import cn.anju.identity.CurrentUser;
import cn.anju.shared.Role;
import cn.anju.shared.web.HomePanels;
import cn.anju.survey.SurveyInvitations;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** The tenant's home shows the household's open surveys not yet answered, each with a big 去填写; nothing when none. */
@Component
@Order(1) // before the panels that are always there: an open survey has a deadline
class SurveyHomePanel implements HomePanels<CurrentUser> {

    private final SurveyInvitations invitations;

    SurveyHomePanel(SurveyInvitations invitations) {
        this.invitations = invitations;
    }

    /** One survey to answer; {@code path} is the answer page on this site (the link's own host is for SMS and print). */
    record Open(String title, String organiser, LocalDate endsOn, String path) {
    }

    @Override
    public List<Panel> forUser(CurrentUser user) {
        if (!user.has(Role.TENANT) || user.householdId() == null) {
            return List.of();
        }
        List<Open> open = invitations.pendingFor(user.householdId()).stream()
                .map(p -> new Open(p.title(), p.organiser(), p.endsOn(), URI.create(p.link()).getPath())).toList();
        return open.isEmpty() ? List.of() : List.of(new Panel("survey/home-panel", "home", Map.<String, Object>of("surveys", open)));
    }
}
