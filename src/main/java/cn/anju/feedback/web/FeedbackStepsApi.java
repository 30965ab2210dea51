package cn.anju.feedback.web;

import cn.anju.feedback.FeedbackCategory;
import cn.anju.feedback.FeedbackHandling;
import cn.anju.feedback.FeedbackKind;
import cn.anju.feedback.FeedbackSupervision;
import cn.anju.feedback.FollowUps;
import cn.anju.identity.CurrentUser;
import cn.anju.inspection.CaseType;
import cn.anju.maintenance.Category;
import cn.anju.maintenance.ScopeGuard;
import cn.anju.maintenance.WorkOrders;
import cn.anju.maintenance.WorkType;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.util.Map;

/** A case's steps: each a POST naming what happens, the rules (who, which state) in the services. */
@RestController
@Tag(name = "投诉建议 Feedback")
class FeedbackStepsApi {

    private final FeedbackHandling handling;
    private final FeedbackSupervision supervision;
    private final FollowUps followUps;

    FeedbackStepsApi(FeedbackHandling handling, FeedbackSupervision supervision, FollowUps followUps) {
        this.handling = handling;
        this.supervision = supervision;
        this.followUps = followUps;
    }

    record Acceptance(FeedbackKind kind, FeedbackCategory category) {
    }

    @PostMapping("/api/v1/feedback/cases/{id}/acceptance")
    @PreAuthorize("@feedbackAccess.desk(authentication)")
    @Operation(summary = "受理：定诉求类型和业务类别（决定答复时限），在来件渠道告知；表扬受理即办结")
    Map<String, Object> accept(CurrentUser user, @PathVariable long id, @RequestBody Acceptance body) {
        FeedbackApi.requireBody(body);
        handling.accept(user, id, body.kind(), body.category());
        return FeedbackApi.done(id);
    }

    record Reason(String reason) {
    }

    @PostMapping("/api/v1/feedback/cases/{id}/rejection")
    @PreAuthorize("@feedbackAccess.desk(authentication)")
    @Operation(summary = "不予受理：写明理由和应向哪个部门反映")
    Map<String, Object> reject(CurrentUser user, @PathVariable long id, @RequestBody Reason body) {
        FeedbackApi.requireBody(body);
        handling.reject(user, id, body.reason());
        return FeedbackApi.done(id);
    }

    record Placement(Long projectId) {
    }

    @PostMapping("/api/v1/feedback/cases/{id}/placement")
    @PreAuthorize("@feedbackAccess.desk(authentication)")
    @Operation(summary = "分派：把未匹配的案件放到所属项目上，由该项目当日的承接主体办理")
    Map<String, Object> place(CurrentUser user, @PathVariable long id, @RequestBody Placement body) {
        FeedbackApi.requireBody(body);
        handling.place(user, id, body.projectId() == null ? 0 : body.projectId());
        return FeedbackApi.done(id);
    }

    record Assignment(Long handlerId) {
    }

    @PostMapping("/api/v1/feedback/cases/{id}/assignment")
    @PreAuthorize("@feedbackAccess.desk(authentication)")
    @Operation(summary = "派单给本单位的客服专员（可改派）")
    Map<String, Object> assign(CurrentUser user, @PathVariable long id, @RequestBody Assignment body) {
        FeedbackApi.requireBody(body);
        handling.assign(user, id, body.handlerId() == null ? 0 : body.handlerId());
        return FeedbackApi.done(id);
    }

    @PostMapping("/api/v1/feedback/cases/{id}/start")
    @PreAuthorize("@feedbackAccess.desk(authentication)")
    @Operation(summary = "开始办理（含重新办理）")
    Map<String, Object> start(CurrentUser user, @PathVariable long id) {
        handling.start(user, id);
        return FeedbackApi.done(id);
    }

    record Reply(String text) {
    }

    @PostMapping("/api/v1/feedback/cases/{id}/reply")
    @PreAuthorize("@feedbackAccess.desk(authentication)")
    @Operation(summary = "答复：在来件渠道发出，并附住户评价链接")
    Map<String, Object> reply(CurrentUser user, @PathVariable long id, @RequestBody Reply body) {
        FeedbackApi.requireBody(body);
        handling.reply(user, id, body.text());
        return FeedbackApi.done(id);
    }

    record Call(Boolean reached, FollowUps.Answer answer, String comment) {
    }

    @PostMapping("/api/v1/feedback/cases/{id}/follow-up-call")
    @PreAuthorize("@feedbackAccess.desk(authentication)")
    @Operation(summary = "电话回访：接通则录入评价（标为运营方录入，不计入满意率），未接通记一次；两个工作日内三次未接通则回访未果办结")
    Map<String, Object> call(CurrentUser user, @PathVariable long id, @RequestBody Call body) {
        FeedbackApi.requireBody(body);
        followUps.recordCall(user, id, Boolean.TRUE.equals(body.reached()), body.answer(), body.comment());
        return FeedbackApi.done(id);
    }

    @PostMapping("/api/v1/feedback/cases/{id}/sample")
    @PreAuthorize("@feedbackAccess.officers(authentication)")
    @Operation(summary = "区县回访抽查：单独记录，不改变案件状态")
    Map<String, Object> sample(CurrentUser user, @PathVariable long id, @RequestBody Call body) {
        FeedbackApi.requireBody(body);
        followUps.sample(user, id, Boolean.TRUE.equals(body.reached()), body.answer(), body.comment());
        return FeedbackApi.done(id);
    }

    @PostMapping("/api/v1/feedback/cases/{id}/pause")
    @PreAuthorize("@feedbackAccess.desk(authentication)")
    @Operation(summary = "暂停计时（须写明原因）")
    Map<String, Object> pause(CurrentUser user, @PathVariable long id, @RequestBody Reason body) {
        FeedbackApi.requireBody(body);
        supervision.pause(user, id, body.reason());
        return FeedbackApi.done(id);
    }

    @PostMapping("/api/v1/feedback/cases/{id}/resumption")
    @PreAuthorize("@feedbackAccess.desk(authentication)")
    @Operation(summary = "恢复计时：答复期限按暂停的工作日顺延")
    Map<String, Object> resume(CurrentUser user, @PathVariable long id) {
        supervision.resume(user, id);
        return FeedbackApi.done(id);
    }

    record Supervision(LocalDate dueOn, String note) {
    }

    @PostMapping("/api/v1/feedback/cases/{id}/supervision")
    @PreAuthorize("@feedbackAccess.officers(authentication)")
    @Operation(summary = "区县督办，附督办期限")
    Map<String, Object> supervise(CurrentUser user, @PathVariable long id, @RequestBody Supervision body) {
        FeedbackApi.requireBody(body);
        supervision.supervise(user, id, body.dueOn(), body.note());
        return FeedbackApi.done(id);
    }

    record Decision(Boolean reopen, String conclusion) {
    }

    @PostMapping("/api/v1/feedback/cases/{id}/district-decision")
    @PreAuthorize("@feedbackAccess.officers(authentication)")
    @Operation(summary = "多次不满意上报区县后的处理：重新办理或区县办结")
    Map<String, Object> decide(CurrentUser user, @PathVariable long id, @RequestBody Decision body) {
        FeedbackApi.requireBody(body);
        supervision.decide(user, id, Boolean.TRUE.equals(body.reopen()), body.conclusion());
        return FeedbackApi.done(id);
    }

    record ToWorkOrder(Category category, ScopeGuard.Location location, WorkType workType, WorkOrders.Priority priority) {
    }

    @PostMapping("/api/v1/feedback/cases/{id}/work-order")
    @PreAuthorize("@feedbackAccess.desk(authentication)")
    @Operation(summary = "一键转维修工单（双向关联）")
    Map<String, Object> toWorkOrder(CurrentUser user, @PathVariable long id, @RequestBody ToWorkOrder body) {
        FeedbackApi.requireBody(body);
        return Map.of("id", id, "workOrderId", supervision.openWorkOrder(user, id, body.category(), body.location(), body.workType(),
                body.priority()));
    }

    record ToViolationCase(CaseType type) {
    }

    @PostMapping("/api/v1/feedback/cases/{id}/violation-case")
    @PreAuthorize("@feedbackAccess.desk(authentication)")
    @Operation(summary = "一键转违规案件（关于该住户的租赁合同）")
    Map<String, Object> toViolationCase(CurrentUser user, @PathVariable long id, @RequestBody ToViolationCase body) {
        FeedbackApi.requireBody(body);
        return Map.of("id", id, "violationCaseId", supervision.openViolationCase(user, id, body.type()));
    }

    record Parent(Long parentId) {
    }

    @PostMapping("/api/v1/feedback/cases/{id}/parent")
    @PreAuthorize("@feedbackAccess.desk(authentication)")
    @Operation(summary = "并入主案件（重复件、群体性事件一并答复，只计一次）")
    Map<String, Object> parent(CurrentUser user, @PathVariable long id, @RequestBody Parent body) {
        FeedbackApi.requireBody(body);
        supervision.joinParent(user, id, body.parentId() == null ? 0 : body.parentId());
        return FeedbackApi.done(id);
    }
}
