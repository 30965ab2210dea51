package cn.anju.inspection.web;

import cn.anju.housing.HousingQueries;
import cn.anju.identity.CurrentUser;
import cn.anju.inspection.CaseType;
import cn.anju.inspection.PatrolFollowUps;
import cn.anju.inspection.PatrolPlans;
import cn.anju.inspection.PatrolTasks;
import cn.anju.maintenance.Category;
import cn.anju.maintenance.WorkType;
import cn.anju.shared.Role;
import cn.anju.shared.web.PageActions;
import cn.anju.shared.web.PageQuery;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.Clock;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;

/**
 * 巡查: the task list (late and missed ones flagged), coverage, the plans; and one phone-sized page per task where the
 * inspector ticks the checklist with notes and photos, then turns a failed item into a work order or a case.
 */
@Controller
@PreAuthorize("@inspectionAccess.staff(authentication)")
class PatrolPages {

    private final PatrolPlans plans;
    private final PatrolTasks tasks;
    private final PatrolFollowUps followUps;
    private final HousingQueries housing;
    private final Clock clock;

    PatrolPages(PatrolPlans plans, PatrolTasks tasks, PatrolFollowUps followUps, HousingQueries housing, Clock clock) {
        this.clock = clock;
        this.plans = plans;
        this.tasks = tasks;
        this.followUps = followUps;
        this.housing = housing;
    }

    /** The task list's view (pending unless chosen), 20 tasks a page. */
    record Filter(PatrolTasks.View view, Integer page) {

        PatrolTasks.View viewOrPending() {
            return view == null ? PatrolTasks.View.PENDING : view;
        }

        PageQuery pageQuery() {
            return PageQuery.of(page, 20);
        }
    }

    @GetMapping("/patrols")
    String list(CurrentUser user, @ModelAttribute Filter filter, Model model) {
        model.addAttribute("result", tasks.list(user, filter.viewOrPending(), filter.pageQuery()));
        model.addAttribute("view", filter.viewOrPending());
        model.addAttribute("views", PatrolTasks.View.values());
        model.addAttribute("coverage", tasks.coverage(user, YearMonth.now(clock)));
        model.addAttribute("plans", plans.list(user));
        model.addAttribute("plans_", user.hasAny(Role.OPERATOR_MANAGER, Role.GOV_ADMIN, Role.GOV_OFFICER));
        model.addAttribute("projects", housing.projects(user));
        return "inspection/patrols";
    }

    /** A plan made on the page covers a whole project; its checklist is one item per line. */
    record PlanForm(Long projectId, String name, Integer everyDays, String checklist) {

        PatrolPlans.NewPlan plan() {
            List<String> items = checklist == null ? List.of() : Arrays.stream(checklist.split("\\R")).toList();
            return new PatrolPlans.NewPlan(projectId, null, name, everyDays, items, null);
        }
    }

    @PostMapping("/patrols/plans")
    @PreAuthorize("@inspectionAccess.planners(authentication)")
    String createPlan(CurrentUser user, @ModelAttribute PlanForm form, RedirectAttributes redirect) {
        return PageActions.attempt(redirect, "/patrols", "巡查计划已制定，任务将按计划生成。", () -> plans.create(user, form.plan()));
    }

    @GetMapping("/patrols/{id}")
    String task(CurrentUser user, @PathVariable long id, Model model) {
        PatrolTasks.Detail d = tasks.get(user, id);
        model.addAttribute("t", d.task());
        model.addAttribute("results", d.results());
        model.addAttribute("inspector", user.hasAny(Role.OPERATOR_MANAGER, Role.OPERATOR_STAFF));
        model.addAttribute("categories", Category.values());
        model.addAttribute("workTypes", WorkType.values());
        model.addAttribute("caseTypes", Arrays.stream(CaseType.values()).filter(c -> c != CaseType.ARREARS).toList());
        return "inspection/patrol";
    }

    @PostMapping("/patrols/{id}")
    @PreAuthorize("@inspectionAccess.operator(authentication)")
    String record(CurrentUser user, @PathVariable long id, HttpServletRequest request, RedirectAttributes redirect) {
        return PageActions.attempt(redirect, "/patrols/" + id, "巡查结果已登记。", () -> PatrolForms.record(tasks, user, id, request));
    }

    @PostMapping("/patrols/{id}/results/{resultId}/work-order")
    @PreAuthorize("@inspectionAccess.operator(authentication)")
    String toOrder(CurrentUser user, @PathVariable long id, @PathVariable long resultId, @ModelAttribute PatrolApi.ToOrder form,
                   RedirectAttributes redirect) {
        return PageActions.attempt(redirect, "/patrols/" + id, "已生成维修工单（照片已随单）。",
                () -> followUps.toWorkOrder(user, id, resultId, form.category(), form.workType(), form.priority()));
    }

    /** The page's case form names the lease and the type; the facts are the failed item's note. */
    record CaseForm(String leaseNumber, CaseType type) {
    }

    @PostMapping("/patrols/{id}/results/{resultId}/violation-case")
    @PreAuthorize("@inspectionAccess.operator(authentication)")
    String toCase(CurrentUser user, @PathVariable long id, @PathVariable long resultId, @ModelAttribute CaseForm form,
                  RedirectAttributes redirect) {
        return PageActions.attempt(redirect, "/patrols/" + id, "已立案（草稿），巡查照片已作为证据。",
                () -> followUps.toCase(user, id, resultId, form.leaseNumber(), form.type(), null));
    }
}
