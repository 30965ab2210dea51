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
import org.springframework.web.bind.annotation.ModelAttribute;
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

    /** The list's filters; the page shows 20 orders at a time. */
    record Filter(WorkOrderState state, WorkOrderQueries.View view, Integer page) {

        PageQuery pageQuery() {
            return PageQuery.of(page, 20);
        }
    }

    @GetMapping("/work-orders")
    String list(CurrentUser user, @ModelAttribute Filter filter, Model model) {
        model.addAttribute("result", queries.list(user, filter.state(), filter.view(), filter.pageQuery()));
        model.addAttribute("states", WorkOrderState.values());
        model.addAttribute("views", WorkOrderQueries.View.values());
        model.addAttribute("state", filter.state());
        model.addAttribute("view", filter.view());
        model.addAttribute("operator", user.hasAny(Role.OPERATOR_MANAGER, Role.OPERATOR_STAFF));
        model.addAttribute("projects", housing.projects(user));
        model.addAttribute("categories", Category.values());
        model.addAttribute("workTypes", WorkType.values());
        model.addAttribute("onTime", queries.onTimeRate(user, YearMonth.now(clock)));
        return "maintenance/work-orders";
    }

    /** A request staff record for a common part, by phone (HOTLINE) or in person (STAFF); {@code photo} may repeat. */
    record RequestForm(WorkOrders.Source source, Long projectId, Category category, WorkType workType, WorkOrders.Priority priority,
                       String description, String place, List<MultipartFile> photo) {

        WorkOrders.Request request() {
            return new WorkOrders.Request(projectId, null, null, category, ScopeGuard.Location.COMMON, workType, priority, description, place);
        }
    }

    @PostMapping("/work-orders")
    @PreAuthorize("@maintenanceAccess.operator(authentication)")
    String record(CurrentUser user, @ModelAttribute RequestForm form, RedirectAttributes redirect) {
        long[] id = new long[1];
        String back = PageActions.attempt(redirect, "/work-orders", "已登记。", () -> {
            id[0] = orders.record(user, form.source() == WorkOrders.Source.HOTLINE ? WorkOrders.Source.HOTLINE : WorkOrders.Source.STAFF,
                    form.request(), Uploads.of(form.photo()));
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

    /** What a step may carry: the triage's type and priority, the worker dispatched, the reason for a redo. */
    record StepForm(WorkType workType, WorkOrders.Priority priority, String worker, String reason) {
    }

    @PostMapping("/work-orders/{id}/{action:triage|dispatch|arrival|confirmation|reopening}")
    String step(CurrentUser user, @PathVariable long id, @PathVariable String action, @RequestParam int version,
                @ModelAttribute StepForm form, RedirectAttributes redirect) {
        return PageActions.attempt(redirect, "/work-orders/" + id, "已办理。", () -> {
            switch (action) {
                case "triage" -> handling.triage(user, id, version, form.workType(), form.priority());
                case "dispatch" -> handling.dispatch(user, id, version, form.worker());
                case "arrival" -> handling.arrive(user, id, version);
                case "confirmation" -> handling.confirm(user, id, version, null, null);
                default -> handling.reopen(user, id, version, form.reason());
            }
        });
    }

    /** The completion with its costs in yuan and the photos of the work done. */
    record CompletionForm(String note, BigDecimal labourCost, BigDecimal materialCost, List<MultipartFile> photo) {
    }

    @PostMapping("/work-orders/{id}/completion")
    @PreAuthorize("@maintenanceAccess.operator(authentication)")
    String complete(CurrentUser user, @PathVariable long id, @RequestParam int version, @ModelAttribute CompletionForm form,
                    RedirectAttributes redirect) {
        return PageActions.attempt(redirect, "/work-orders/" + id, "已登记完工。", () -> handling.complete(user, id, version,
                new Completion(form.note(), form.labourCost(), form.materialCost()), Uploads.of(form.photo())));
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

    /** A schedule made on the page starts its count today (the API may give the first due day). */
    record ScheduleForm(Long facilityId, String task, Category category, Integer everyDays) {
    }

    @PostMapping("/maintenance/schedules")
    @PreAuthorize("@maintenanceAccess.planners(authentication)")
    String createSchedule(CurrentUser user, @ModelAttribute ScheduleForm form, RedirectAttributes redirect) {
        return PageActions.attempt(redirect, "/maintenance/schedules", "养护计划已制定，到期自动生成工单。",
                () -> schedules.create(user, new PreventiveSchedules.NewSchedule(form.facilityId(), form.task(), form.category(),
                        form.everyDays(), null)));
    }
}
