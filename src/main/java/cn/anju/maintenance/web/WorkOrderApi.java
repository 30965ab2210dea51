package cn.anju.maintenance.web;

import cn.anju.housing.HousingQueries;
import cn.anju.identity.CurrentUser;
import cn.anju.maintenance.Category;
import cn.anju.maintenance.Completion;
import cn.anju.maintenance.PreventiveSchedules;
import cn.anju.maintenance.ScopeGuard;
import cn.anju.maintenance.WorkOrderHandling;
import cn.anju.maintenance.WorkOrderQueries;
import cn.anju.maintenance.WorkOrderState;
import cn.anju.maintenance.WorkOrders;
import cn.anju.maintenance.WorkType;
import cn.anju.shared.Role;
import cn.anju.shared.web.PageQuery;
import cn.anju.shared.web.PageResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springdoc.core.annotations.ParameterObject;
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

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

@RestController
@Tag(name = "维修养护 Maintenance")
class WorkOrderApi {

    private final WorkOrders orders;
    private final WorkOrderHandling handling;
    private final WorkOrderQueries queries;
    private final PreventiveSchedules schedules;
    private final HousingQueries housing;
    private final Clock clock;

    WorkOrderApi(WorkOrders orders, WorkOrderHandling handling, WorkOrderQueries queries, PreventiveSchedules schedules, HousingQueries housing, Clock clock) {
        this.clock = clock;
        this.housing = housing;
        this.orders = orders;
        this.handling = handling;
        this.queries = queries;
        this.schedules = schedules;
    }

    record Filter(WorkOrderState state, WorkOrderQueries.View view, Integer page, Integer size) {

        PageQuery pageQuery() {
            return PageQuery.of(page, size);
        }
    }

    @GetMapping("/api/v1/work-orders")
    @Operation(summary = "维修工单（按数据范围；住户只见本户）；view=OPEN 未办结、LATE 超时、PREVENTIVE_OVERDUE 逾期的预防性维护")
    PageResponse<WorkOrderQueries.Row> list(CurrentUser user, @ParameterObject @ModelAttribute Filter filter) {
        return queries.list(user, filter.state(), filter.view(), filter.pageQuery());
    }

    /** @param source staff: STAFF or HOTLINE (a tenant's request is always TENANT) */
    record NewOrder(WorkOrders.Source source, Long projectId, Long buildingId, Long facilityId, Category category,
                    ScopeGuard.Location location, WorkType workType, WorkOrders.Priority priority, String description, String place) {
    }

    @PostMapping("/api/v1/work-orders")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "报修：住户报本楼公共部位或户内问题（待受理）；工作人员/热线须选维修类型，立即经服务范围审查："
            + "新建、改建、扩建、装饰装修、拆除、翻新工程及承租人自负的维修不予受理并说明理由，产权人负责的户内维修转报政府")
    Map<String, Object> submit(CurrentUser user, @RequestBody NewOrder b) {
        WorkOrders.Request r = new WorkOrders.Request(b.projectId(), b.buildingId(), b.facilityId(), b.category(), b.location(),
                b.workType(), b.priority(), b.description(), b.place());
        long id = user.has(Role.TENANT) ? orders.report(user, r, List.of())
                : orders.record(user, b.source() == WorkOrders.Source.HOTLINE ? WorkOrders.Source.HOTLINE : WorkOrders.Source.STAFF, r, List.of());
        var row = queries.get(user, id).order();
        return Map.of("id", id, "orderNumber", row.orderNumber(), "state", row.state(), "reason", row.guardReason() == null ? "" : row.guardReason());
    }

    @GetMapping("/api/v1/work-orders/{id}")
    @Operation(summary = "工单详情：经过、附件、时限")
    WorkOrderQueries.Detail get(CurrentUser user, @PathVariable long id) {
        return queries.get(user, id);
    }

    @GetMapping("/api/v1/work-orders/{id}/attachments/{attachmentId}")
    @Operation(summary = "附件（按 SHA-256 校验）")
    ResponseEntity<byte[]> attachment(CurrentUser user, @PathVariable long id, @PathVariable long attachmentId) {
        WorkOrderQueries.File f = queries.attachment(user, id, attachmentId);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(f.contentType()))
                .header("Content-Disposition", ContentDisposition.inline().filename(f.originalName(), StandardCharsets.UTF_8).build().toString())
                .body(f.content());
    }

    record Step(Integer version, WorkType workType, WorkOrders.Priority priority, String worker, String note,
                BigDecimal labourCost, BigDecimal materialCost, Integer rating, String comment, String reason) {
    }

    @PostMapping("/api/v1/work-orders/{id}/{action:triage|dispatch|arrival|completion|confirmation|reopening}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "办理：triage 受理审查（workType, priority）、dispatch 派工（worker）、arrival 到场、completion 完工（note, 费用）、"
            + "confirmation 确认评价（住户：rating 1-5, comment）、reopening 返修（reason）")
    void step(CurrentUser user, @PathVariable long id, @PathVariable String action, @RequestBody(required = false) Step body) {
        Step s = body == null ? new Step(null, null, null, null, null, null, null, null, null, null) : body;
        switch (action) {
            case "triage" -> handling.triage(user, id, s.version(), s.workType(), s.priority());
            case "dispatch" -> handling.dispatch(user, id, s.version(), s.worker());
            case "arrival" -> handling.arrive(user, id, s.version());
            case "completion" -> handling.complete(user, id, s.version(), new Completion(s.note(), s.labourCost(), s.materialCost()), List.of());
            case "confirmation" -> handling.confirm(user, id, s.version(), s.rating(), s.comment());
            default -> handling.reopen(user, id, s.version(), s.reason());
        }
    }

    /** @param month the month of completion, {@code yyyy-MM}; omitted, this month */
    record MonthQuery(@DateTimeFormat(pattern = "yyyy-MM") YearMonth month) {
    }

    @GetMapping("/api/v1/work-orders/on-time-rate")
    @Operation(summary = "维修及时率 = 按时完工数 ÷ 完工数（按完工月份）")
    WorkOrderQueries.OnTime onTime(CurrentUser user, @ParameterObject @ModelAttribute MonthQuery query) {
        return queries.onTimeRate(user, query.month() == null ? YearMonth.now(clock) : query.month());
    }

    record FacilityFilter(Long projectId) {
    }

    @GetMapping("/api/v1/facilities")
    @Operation(summary = "共用设施设备台账（电梯、水泵、水箱、消防设施……），按数据范围")
    List<HousingQueries.FacilityRow> facilities(CurrentUser user, @ParameterObject @ModelAttribute FacilityFilter filter) {
        WorkOrderQueries.requireReader(user);
        return housing.facilities(user, filter.projectId());
    }

    @GetMapping("/api/v1/facilities/schedules")
    @Operation(summary = "共用设施的预防性维护计划（下次到期日）")
    List<PreventiveSchedules.Schedule> schedules(CurrentUser user) {
        return schedules.list(user);
    }

    record NewSchedule(String task, Category category, Integer everyDays, LocalDate firstDueOn) {
    }

    @PostMapping("/api/v1/facilities/{facilityId}/schedules")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "制定预防性维护计划（如电梯每15天、消防设施每月、水箱清洗每6个月），到期自动生成工单")
    Map<String, Object> schedule(CurrentUser user, @PathVariable long facilityId, @RequestBody NewSchedule b) {
        return Map.of("id", schedules.create(user, new PreventiveSchedules.NewSchedule(facilityId, b.task(), b.category(), b.everyDays(),
                b.firstDueOn())));
    }
}
