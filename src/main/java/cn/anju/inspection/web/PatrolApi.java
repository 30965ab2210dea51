package cn.anju.inspection.web;

import cn.anju.identity.CurrentUser;
import cn.anju.inspection.CaseType;
import cn.anju.inspection.PatrolFollowUps;
import cn.anju.inspection.PatrolPlans;
import cn.anju.inspection.PatrolTasks;
import cn.anju.maintenance.Category;
import cn.anju.maintenance.WorkOrders;
import cn.anju.maintenance.WorkType;
import cn.anju.shared.web.PageQuery;
import cn.anju.shared.web.PageResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springdoc.core.annotations.ParameterObject;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

@RestController
@Tag(name = "巡查 Patrols")
class PatrolApi {

    private final PatrolPlans plans;
    private final PatrolTasks tasks;
    private final PatrolFollowUps followUps;
    private final Clock clock;

    PatrolApi(PatrolPlans plans, PatrolTasks tasks, PatrolFollowUps followUps, Clock clock) {
        this.clock = clock;
        this.plans = plans;
        this.tasks = tasks;
        this.followUps = followUps;
    }

    @GetMapping("/api/v1/patrol-plans")
    @Operation(summary = "巡查计划（按数据范围）")
    List<PatrolPlans.Plan> plans(CurrentUser user) {
        return plans.list(user);
    }

    @PostMapping("/api/v1/patrol-plans")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "制定巡查计划：项目（或楼栋）、每几天一次、检查项目；承接主体负责人或住房保障部门")
    Map<String, Object> createPlan(CurrentUser user, @RequestBody PatrolPlans.NewPlan body) {
        return Map.of("id", plans.create(user, body));
    }

    record Filter(PatrolTasks.View view, Integer page, Integer size) {

        PageQuery pageQuery() {
            return PageQuery.of(page, size);
        }
    }

    @GetMapping("/api/v1/patrol-tasks")
    @Operation(summary = "巡查任务；view=PENDING 待巡查、LATE 已过计划日未巡、MISSED 错过、DONE 已完成")
    PageResponse<PatrolTasks.Task> list(CurrentUser user, @ParameterObject @ModelAttribute Filter filter) {
        return tasks.list(user, filter.view(), filter.pageQuery());
    }

    @GetMapping("/api/v1/patrol-tasks/{id}")
    @Operation(summary = "巡查任务及逐项结果、照片")
    PatrolTasks.Detail get(CurrentUser user, @PathVariable long id) {
        return tasks.get(user, id);
    }

    @PostMapping(path = "/api/v1/patrol-tasks/{id}/results", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "登记巡查结果（multipart）：每项 result_N=PASS|FAIL、note_N、photo_N（可多张）；latitude、longitude（设备提供时）")
    void record(CurrentUser user, @PathVariable long id, HttpServletRequest request) {
        PatrolForms.record(tasks, user, id, request);
    }

    @GetMapping("/api/v1/patrol-tasks/{id}/photos/{photoId}")
    @Operation(summary = "巡查照片（按 SHA-256 校验）")
    ResponseEntity<byte[]> photo(CurrentUser user, @PathVariable long id, @PathVariable long photoId) {
        PatrolTasks.PhotoFile f = tasks.photo(user, id, photoId);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(f.contentType()))
                .header("Content-Disposition", ContentDisposition.inline().filename(f.originalName(), StandardCharsets.UTF_8).build().toString())
                .body(f.content());
    }

    /** A failed item turned into a work order: the JSON body here, the form on the task's page. */
    record ToOrder(Category category, WorkType workType, WorkOrders.Priority priority) {
    }

    @PostMapping("/api/v1/patrol-tasks/{id}/results/{resultId}/work-order")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "不合格项一步生成维修工单（带照片，经服务范围审查）")
    Map<String, Object> toOrder(CurrentUser user, @PathVariable long id, @PathVariable long resultId, @RequestBody ToOrder b) {
        return Map.of("workOrderId", followUps.toWorkOrder(user, id, resultId, b.category(), b.workType(), b.priority()));
    }

    record ToCase(String leaseNumber, CaseType type, String facts) {
    }

    @PostMapping("/api/v1/patrol-tasks/{id}/results/{resultId}/violation-case")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "不合格项一步立案（违规案件草稿，照片作为证据）")
    Map<String, Object> toCase(CurrentUser user, @PathVariable long id, @PathVariable long resultId, @RequestBody ToCase b) {
        return Map.of("caseId", followUps.toCase(user, id, resultId, b.leaseNumber(), b.type(), b.facts()));
    }

    /** @param month {@code yyyy-MM}; omitted, this month */
    record MonthQuery(@DateTimeFormat(pattern = "yyyy-MM") YearMonth month) {
    }

    @GetMapping("/api/v1/patrol-coverage")
    @Operation(summary = "巡查覆盖率 = 已完成任务 ÷ 应巡任务（当月截至今天）")
    PatrolTasks.Coverage coverage(CurrentUser user, @ParameterObject @ModelAttribute MonthQuery query) {
        return tasks.coverage(user, query.month() == null ? YearMonth.now(clock) : query.month());
    }
}
