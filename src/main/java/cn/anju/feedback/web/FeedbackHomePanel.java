package cn.anju.feedback.web;

import cn.anju.feedback.FeedbackChannelsDirectory;
import cn.anju.household.HouseholdContacts;
import cn.anju.identity.CurrentUser;
import cn.anju.shared.Districts;
import cn.anju.shared.Role;
import cn.anju.shared.web.HomePanels;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;

/** The tenant's home shows their district's hotline, WeChat, Weibo and e-mail, and the way to the online form. */
@Component
class FeedbackHomePanel implements HomePanels<CurrentUser> {

    private final FeedbackChannelsDirectory channels;
    private final Districts districts;
    private final HouseholdContacts households;

    FeedbackHomePanel(FeedbackChannelsDirectory channels, Districts districts, HouseholdContacts households) {
        this.channels = channels;
        this.districts = districts;
        this.households = households;
    }

    @Override
    public List<Panel> forUser(CurrentUser user) {
        if (!user.has(Role.TENANT) || user.householdId() == null) {
            return List.of();
        }
        return households.districtOf(user.householdId())
                .flatMap(code -> channels.all(districts).stream().filter(r -> r.districtCode().equals(code)).findFirst())
                .map(row -> List.of(new Panel("feedback/contact-card", "home", Map.<String, Object>of("row", row))))
                .orElse(List.of());
    }
}
