package cn.anju.feedback.web;

import cn.anju.feedback.Channel;
import cn.anju.feedback.FeedbackCategory;
import cn.anju.feedback.FeedbackIntake;
import cn.anju.feedback.FeedbackKind;
import cn.anju.feedback.FeedbackQueries;
import cn.anju.feedback.FeedbackState;
import cn.anju.feedback.FeedbackTimeline;
import cn.anju.feedback.FollowUps;
import cn.anju.feedback.Inbound;
import cn.anju.identity.CurrentUser;
import cn.anju.shared.files.Upload;
import cn.anju.shared.web.PageQuery;
import cn.anju.shared.web.PageResponse;
import cn.anju.shared.web.ProblemException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The one intake, the case list and a case with its timeline; the steps are in {@link FeedbackStepsApi}. */
@RestController
@Tag(name = "投诉建议 Feedback")
class FeedbackApi {

    private final FeedbackIntake intake;
    private final FeedbackQueries queries;
    private final FeedbackTimeline timeline;
    private final FollowUps followUps;

    FeedbackApi(FeedbackIntake intake, FeedbackQueries queries, FeedbackTimeline timeline, FollowUps followUps) {
        this.intake = intake;
        this.queries = queries;
        this.timeline = timeline;
        this.followUps = followUps;
    }

    /** An attachment in the JSON body: its file name and its bytes in Base64. */
    record AttachmentBody(String name, String contentBase64) {

        Upload upload() {
            try {
                return new Upload(name, contentBase64 == null ? new byte[0] : Base64.getMimeDecoder().decode(contentBase64));
            } catch (IllegalArgumentException e) {
                throw ProblemException.badRequest("FEEDBACK_ATTACHMENT_ENCODING", "附件内容 contentBase64 应为 Base64 编码。");
            }
        }
    }

    /**
     * @param receivedAt ISO-8601 with an offset, e.g. 2026-12-04T09:30:00+08:00 or ...Z
     * @param externalDeadline the channel's own deadline (12345); the earlier of it and ours governs
     */
    record InboundBody(Channel channel, String externalId, OffsetDateTime receivedAt, String from, String text,
                       List<AttachmentBody> attachments, OffsetDateTime externalDeadline, FeedbackKind kind, FeedbackCategory category,
                       Long householdId, String districtCode, Boolean anonymous) {

        Inbound inbound() {
            List<Upload> files = attachments == null ? List.of() : attachments.stream().map(AttachmentBody::upload).toList();
            boolean hidden = Boolean.TRUE.equals(anonymous) || from == null || from.isBlank();
            return new Inbound(channel, externalId, receivedAt, hidden ? null : from, text, files, externalDeadline, kind, category,
                    householdId, districtCode, hidden);
        }
    }

    @PostMapping("/api/v1/feedback/inbound")
    @PreAuthorize("@feedbackAccess.intake(authentication)")
    @Operation(summary = "登记一件投诉建议（任一渠道）：按 (channel, externalId) 幂等，首次 201 返回 id、caseNumber 和查询码，重复 200 返回同一案件")
    ResponseEntity<Map<String, Object>> inbound(CurrentUser user, @RequestBody InboundBody body) {
        if (body == null) {
            throw ProblemException.badRequest("FEEDBACK_BODY", "请求体应为 JSON：channel、externalId、receivedAt、from、text 等。");
        }
        FeedbackIntake.Received r = intake.receive(user, body.inbound());
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("id", r.id());
        answer.put("caseNumber", r.caseNumber());
        if (r.created()) {
            answer.put("trackingCode", r.trackingCode());
        }
        return ResponseEntity.status(r.created() ? HttpStatus.CREATED : HttpStatus.OK).body(answer);
    }

    record CaseFilter(Channel channel, FeedbackState state, Boolean overdue, Long projectId, String q, FeedbackQueries.Queue queue,
                      Integer page, Integer size) {

        FeedbackQueries.Filter filter() {
            return new FeedbackQueries.Filter(channel, state, overdue, projectId, q, queue);
        }

        PageQuery pageQuery() {
            return PageQuery.of(page, size);
        }
    }

    @GetMapping("/api/v1/feedback/cases")
    @PreAuthorize("@feedbackAccess.readers(authentication)")
    @Operation(summary = "投诉建议案件（按数据范围；住户只见本户）；q 为案件编号或来电号码；queue=UNPLACED 待分派、SUPERVISED 督办、ESCALATED 上报区县")
    PageResponse<FeedbackQueries.CaseRow> cases(CurrentUser user, @ParameterObject @ModelAttribute CaseFilter filter) {
        return queries.search(user, filter.filter(), filter.pageQuery());
    }

    @GetMapping("/api/v1/feedback/cases/{id}")
    @PreAuthorize("@feedbackAccess.readers(authentication)")
    @Operation(summary = "一件案件及其时间线（每一步、每条往来消息和办理人）；来源地址脱敏")
    FeedbackTimeline.Detail detail(CurrentUser user, @PathVariable long id) {
        return timeline.detail(user, id);
    }

    record Satisfaction(FollowUps.Answer answer, String comment) {
    }

    @PostMapping("/api/v1/feedback/cases/{id}/satisfaction")
    @PreAuthorize("@feedbackAccess.tenant(authentication)")
    @Operation(summary = "住户本人评价办理结果：SATISFIED 满意、BASICALLY_SATISFIED 基本满意、DISSATISFIED 不满意（不满意则重新办理）")
    Map<String, Object> satisfaction(CurrentUser user, @PathVariable long id, @RequestBody Satisfaction body) {
        followUps.answerAsTenant(user, id, body == null ? null : body.answer(), body == null ? null : body.comment());
        return Map.of("id", id);
    }

    static Map<String, Object> done(long id) {
        return Map.of("id", id);
    }

    static void requireBody(Object body) {
        if (body == null) {
            throw ProblemException.badRequest("FEEDBACK_BODY", "请求体应为 JSON。");
        }
    }
}
