package cn.anju.disclosure.web;

import cn.anju.disclosure.DisclosureItem;
import cn.anju.disclosure.DisclosureStatus;
import cn.anju.disclosure.DisclosureViews;
import cn.anju.disclosure.Disclosures;
import cn.anju.identity.CurrentUser;
import cn.anju.identity.FourEyes;
import cn.anju.shared.web.PageActions;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

/**
 * 信息公开 for the district's government: the items the platform drafted, the late ones first; one item with the
 * content as the public will read it, its change log, and the step its state and the user allow (review and publish:
 * a leader who did not draft the version; withdraw with a reason; redraft a withdrawn item with a note).
 */
@Controller
@PreAuthorize("@disclosureAccess.handles(authentication)")
class DisclosurePages {

    private final Disclosures disclosures;
    private final DisclosureViews views;
    private final Clock clock;

    DisclosurePages(Disclosures disclosures, DisclosureViews views, Clock clock) {
        this.disclosures = disclosures;
        this.views = views;
        this.clock = clock;
    }

    @GetMapping("/disclosures")
    String list(CurrentUser user, @RequestParam(required = false) DisclosureStatus status, Model model) {
        LocalDate today = LocalDate.now(clock);
        List<DisclosureViews.Summary> rows = disclosures.list(user, status == null ? List.of() : List.of(status)).stream()
                .map(i -> views.summary(i, today)).sorted((a, b) -> Boolean.compare(b.late(), a.late())).toList();
        model.addAttribute("rows", rows);
        model.addAttribute("late", rows.stream().filter(DisclosureViews.Summary::late).count());
        model.addAttribute("status", status);
        model.addAttribute("statuses", DisclosureStatus.values());
        return "disclosure/list";
    }

    @GetMapping("/disclosures/{id}")
    String item(CurrentUser user, @PathVariable long id, Model model) {
        DisclosureItem item = disclosures.visible(user, id);
        DisclosureViews.Detail d = views.detail(item, LocalDate.now(clock));
        model.addAttribute("d", d);
        model.addAttribute("shown", PublicContent.of(d.content())); // "content" is the layout's fragment
        boolean reviewer = !item.needsReview()
                || FourEyes.isLeaderOf(user, item.districtCode()) && !Long.valueOf(user.id()).equals(item.draftedBy());
        model.addAttribute("mayPublish", item.status() == DisclosureStatus.DRAFT && reviewer);
        model.addAttribute("waitsForLeader", item.status() == DisclosureStatus.DRAFT && !reviewer);
        model.addAttribute("mayWithdraw", item.status() == DisclosureStatus.PUBLISHED);
        model.addAttribute("mayRedraft", item.status() == DisclosureStatus.WITHDRAWN);
        return "disclosure/item";
    }

    @PostMapping("/disclosures/{id}/publication")
    String publish(CurrentUser user, @PathVariable long id, @RequestParam(required = false) Integer version, RedirectAttributes redirect) {
        return PageActions.attempt(redirect, "/disclosures/" + id, "已审查并公开。", () -> disclosures.publish(user, id, version));
    }

    @PostMapping("/disclosures/{id}/withdrawal")
    String withdraw(CurrentUser user, @PathVariable long id, @RequestParam(required = false) String reason,
                    @RequestParam(required = false) Integer version, RedirectAttributes redirect) {
        return PageActions.attempt(redirect, "/disclosures/" + id, "已撤回，撤回理由已随变更记录公开。",
                () -> disclosures.withdraw(user, id, reason, version));
    }

    @PostMapping("/disclosures/{id}/redraft")
    String redraft(CurrentUser user, @PathVariable long id, @RequestParam(required = false) String note,
                   @RequestParam(required = false) Integer version, RedirectAttributes redirect) {
        return PageActions.attempt(redirect, "/disclosures/" + id, "已重新起草为新版本，待另一位分管领导审查后公开。",
                () -> disclosures.redraft(user, id, note, version));
    }
}
