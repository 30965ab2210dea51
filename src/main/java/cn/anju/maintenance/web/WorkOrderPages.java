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
import cn.anju.shared.web.PageActions;
import cn.anju.shared.web.PageQuery;
import cn.anju.shared.web.Uploads;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/**
 * 维修工单 for staff: the list with its work views, a form for staff and hotline requests, and one page per order
 * with the steps its state allows (triage through the scope guard, dispatch, arrival, completion with costs and
 * photos); 养护计划, the preventive schedules.
 */
@Controller
@PreAuthorize("@maintenanceAccess.staff(authentication)")
class WorkOrderPages {

    private final WorkOrders orders;
    private final WorkOrderHandling handling;
    private final WorkOrderQueries queries;
    private final PreventiveSchedules schedules;
    private final HousingQueries housing;
    private final Clock clock;

    WorkOrderPages(WorkOrders orders, WorkOrderHandling handling, WorkOrderQueries queries, PreventiveSchedules schedules, HousingQueries housing, Clock clock) {
        this.clock = clock;
        this.orders = orders;
        this.handling = handling;
        this.queries = queries;
        this.schedules = schedules;
        this.housing = housing;
    }

    @GetMapping("/work-orders")
    String list(CurrentUser user, @RequestParam(required = false) WorkOrderState state, @RequestParam(required = false) WorkOrderQueries.View view,
                @RequestParam(required = false) Integer page, Model model) {
        model.addAttribute("result", queries.list(user, state, view, PageQuery.of(page, 20)));
        model.addAttribute("states", WorkOrderState.values());
        model.addAttribute("views", WorkOrderQueries.View.values());
        model.addAttribute("state", state);
        model.addAttribute("view", view);
        model.addAttribute("operator", user.hasAny(Role.OPERATOR_MANAGER, Role.OPERATOR_STAFF));
        model.addAttribute("projects", housing.projects(user));
        model.addAttribute("categories", Category.values());
        model.addAttribute("workTypes", WorkType.values());
        model.addAttribute("onTime", queries.onTimeRate(user, YearMonth.now(clock)));
        return "maintenance/work-orders";
    }

    @PostMapping("/work-orders")
    @PreAuthorize("@maintenanceAccess.operator(authentication)")
    String record(CurrentUser user, @RequestParam(required = false) WorkOrders.Source source, @RequestParam(required = false) Long projectId,
                  @RequestParam(required = false) Category category, @RequestParam(required = false) WorkType workType,
                  @RequestParam(required = false) WorkOrders.Priority priority, @RequestParam(required = false) String description,
                  @RequestParam(required = false) String place, @RequestParam(name = "photo", required = false) List<MultipartFile> photos,
                  RedirectAttributes redirect) {
        long[] id = new long[1];
        String back = PageActions.attempt(redirect, "/work-orders", "已登记。", () -> {
            id[0] = orders.record(user, source == WorkOrders.Source.HOTLINE ? source : WorkOrders.Source.STAFF,
                    new WorkOrders.Request(projectId, null, null, category, ScopeGuard.Location.COMMON, workType, priority, description, place),
                    Uploads.of(photos));
        });
        return id[0] > 0 ? "redirect:/work-orders/" + id[0] : back;
    }

    @GetMapping("/work-orders/{id}")
    String detail(CurrentUser user, @PathVariable long id, Model model) {
        WorkOrderQueries.Detail d = queries.get(user, id);
        model.addAttribute("o", d.order());
        model.addAttribute("events", d.events());
        model.addAttribute("attachments", d.attachments());
        model.addAttribute("operator", user.hasAny(Role.OPERATOR_MANAGER, Role.OPERATOR_STAFF));
        model.addAttribute("workTypes", WorkType.values());
        return "maintenance/work-order";
    }

    @PostMapping("/work-orders/{id}/{action:triage|dispatch|arrival|confirmation|reopening}")
    String step(CurrentUser user, @PathVariable long id, @PathVariable String action, @RequestParam int version,
                @RequestParam(required = false) WorkType workType, @RequestParam(required = false) WorkOrders.Priority priority,
                @RequestParam(required = false) String worker, @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        return PageActions.attempt(redirect, "/work-orders/" + id, "已办理。", () -> {
            switch (action) {
                case "triage" -> handling.triage(user, id, version, workType, priority);
                case "dispatch" -> handling.dispatch(user, id, version, worker);
                case "arrival" -> handling.arrive(user, id, version);
                case "confirmation" -> handling.confirm(user, id, version, null, null);
                default -> handling.reopen(user, id, version, reason);
            }
        });
    }

    @PostMapping("/work-orders/{id}/completion")
    @PreAuthorize("@maintenanceAccess.operator(authentication)")
    String complete(CurrentUser user, @PathVariable long id, @RequestParam int version, @RequestParam(required = false) String note,
                    @RequestParam(required = false) BigDecimal labourCost, @RequestParam(required = false) BigDecimal materialCost,
                    @RequestParam(name = "photo", required = false) List<MultipartFile> photos, RedirectAttributes redirect) {
        return PageActions.attempt(redirect, "/work-orders/" + id, "已登记完工。",
                () -> handling.complete(user, id, version, new Completion(note, labourCost, materialCost), Uploads.of(photos)));
    }

    @GetMapping("/maintenance/schedules")
    String schedules(CurrentUser user, Model model) {
        model.addAttribute("schedules", schedules.list(user));
        model.addAttribute("facilities", housing.facilities(user, null));
        model.addAttribute("categories", Category.values());
        model.addAttribute("plans", user.hasAny(Role.OPERATOR_MANAGER, Role.GOV_ADMIN, Role.GOV_OFFICER));
        model.addAttribute("today", LocalDate.now(clock));
        return "maintenance/schedules";
    }

    @PostMapping("/maintenance/schedules")
    @PreAuthorize("@maintenanceAccess.planners(authentication)")
    String createSchedule(CurrentUser user, @RequestParam(required = false) Long facilityId, @RequestParam(required = false) String task,
                          @RequestParam(required = false) Category category, @RequestParam(required = false) Integer everyDays,
                          RedirectAttributes redirect) {
        return PageActions.attempt(redirect, "/maintenance/schedules", "养护计划已制定，到期自动生成工单。",
                () -> schedules.create(user, new PreventiveSchedules.NewSchedule(facilityId, task, category, everyDays, null)));
    }
}
