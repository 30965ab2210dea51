package cn.anju.disclosure.web;

import cn.anju.disclosure.DisclosureStatus;
import cn.anju.disclosure.DisclosureViews;
import cn.anju.disclosure.Disclosures;
import cn.anju.identity.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

/** 信息公开 for the government: the items drafted from final records, their review, publication and withdrawal. */
@RestController
@Tag(name = "信息公开 Disclosure")
@PreAuthorize("@disclosureAccess.handles(authentication)")
class DisclosureApi {

    private final Disclosures disclosures;
    private final DisclosureViews views;
    private final Clock clock;

    DisclosureApi(Disclosures disclosures, DisclosureViews views, Clock clock) {
        this.disclosures = disclosures;
        this.views = views;
        this.clock = clock;
    }

    @GetMapping("/api/v1/disclosures")
    @Operation(summary = "本区县（市级：各区县）的公开事项：由定稿记录自动起草，待审查、已公开、已撤回；status 可筛选")
    List<DisclosureViews.Summary> list(CurrentUser user, @RequestParam(required = false) List<DisclosureStatus> status) {
        LocalDate today = LocalDate.now(clock);
        return disclosures.list(user, status == null ? List.of() : status).stream().map(i -> views.summary(i, today)).toList();
    }

    @GetMapping("/api/v1/disclosures/late")
    @Operation(summary = "逾期未公开的事项：记录定稿后超过20个工作日仍未公开（区县本区，市级各区县）")
    List<DisclosureViews.Summary> late(CurrentUser user) {
        LocalDate today = LocalDate.now(clock);
        return disclosures.late(user).stream().map(i -> views.summary(i, today)).toList();
    }

    @GetMapping("/api/v1/disclosures/{id}")
    @Operation(summary = "公开事项：当前版本的内容（已脱敏）、SHA-256 和变更记录")
    DisclosureViews.Detail show(CurrentUser user, @PathVariable long id) {
        return views.detail(disclosures.visible(user, id), LocalDate.now(clock));
    }

    record Seen(Integer version) {
    }

    record Reason(String reason, Integer version) {
    }

    record Note(String note, Integer version) {
    }

    @PostMapping("/api/v1/disclosures/{id}/publication")
    @Operation(summary = "审查并公开（含文字或涉及个人的事项须由未起草该版本的分管领导审查：四眼原则）")
    DisclosureViews.Detail publish(CurrentUser user, @PathVariable long id, @RequestBody(required = false) Seen body) {
        disclosures.publish(user, id, body == null ? null : body.version());
        return show(user, id);
    }

    @PostMapping("/api/v1/disclosures/{id}/withdrawal")
    @Operation(summary = "撤回已公开的事项（须写明理由，理由随变更记录公开）")
    DisclosureViews.Detail withdraw(CurrentUser user, @PathVariable long id, @RequestBody Reason body) {
        disclosures.withdraw(user, id, body == null ? null : body.reason(), body == null ? null : body.version());
        return show(user, id);
    }

    @PostMapping("/api/v1/disclosures/{id}/redraft")
    @Operation(summary = "重新起草已撤回的事项：以记录的当前内容和修改说明形成新版本，另由他人审查后公开")
    DisclosureViews.Detail redraft(CurrentUser user, @PathVariable long id, @RequestBody Note body) {
        disclosures.redraft(user, id, body == null ? null : body.note(), body == null ? null : body.version());
        return show(user, id);
    }
}
