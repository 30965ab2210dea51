package cn.anju.maintenance.web;

import cn.anju.identity.CurrentUser;
import cn.anju.maintenance.Category;
import cn.anju.maintenance.ScopeGuard;
import cn.anju.maintenance.WorkOrderHandling;
import cn.anju.maintenance.WorkOrderQueries;
import cn.anju.maintenance.WorkOrders;
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

import java.util.List;

/** 我的报修 on a phone: report a repair with photos, follow it, confirm and rate it, or ask for it to be redone. */
@Controller
@PreAuthorize("@maintenanceAccess.tenant(authentication)")
class TenantRepairPages {

    private final WorkOrders orders;
    private final WorkOrderHandling handling;
    private final WorkOrderQueries queries;

    TenantRepairPages(WorkOrders orders, WorkOrderHandling handling, WorkOrderQueries queries) {
        this.orders = orders;
        this.handling = handling;
        this.queries = queries;
    }

    @GetMapping("/my/repairs")
    String list(CurrentUser user, Model model) {
        model.addAttribute("result", queries.list(user, null, null, PageQuery.of(1, 50)));
        model.addAttribute("categories", Category.values());
        return "maintenance/my-repairs";
    }

    /** A tenant's report: where (in the home or a common part of the building), what, and photos ({@code photo} may repeat). */
    record ReportForm(Category category, ScopeGuard.Location location, String description, String place, List<MultipartFile> photo) {

        WorkOrders.Request request() {
            return new WorkOrders.Request(null, null, null, category, location, null, null, description, place);
        }
    }

    @PostMapping("/my/repairs")
    String report(CurrentUser user, @ModelAttribute ReportForm form, RedirectAttributes redirect) {
        long[] id = new long[1];
        String back = PageActions.attempt(redirect, "/my/repairs", "报修已提交，运营单位将尽快受理。", () -> {
            id[0] = orders.report(user, form.request(), Uploads.of(form.photo()));
        });
        return id[0] > 0 ? "redirect:/my/repairs/" + id[0] : back;
    }

    @GetMapping("/my/repairs/{id}")
    String detail(CurrentUser user, @PathVariable long id, Model model) {
        WorkOrderQueries.Detail d = queries.get(user, id);
        model.addAttribute("o", d.order());
        model.addAttribute("events", d.events());
        model.addAttribute("attachments", d.attachments());
        return "maintenance/my-repair";
    }

    /** The tenant's rating (1 to 5, checked by the confirmation itself) and comment. */
    record ConfirmationForm(Integer rating, String comment) {
    }

    @PostMapping("/my/repairs/{id}/confirmation")
    String confirm(CurrentUser user, @PathVariable long id, @RequestParam int version, @ModelAttribute ConfirmationForm form,
                   RedirectAttributes redirect) {
        return PageActions.attempt(redirect, "/my/repairs/" + id, "感谢您的评价。",
                () -> handling.confirm(user, id, version, form.rating(), form.comment()));
    }

    record ReopeningForm(String reason) {
    }

    @PostMapping("/my/repairs/{id}/reopening")
    String reopen(CurrentUser user, @PathVariable long id, @RequestParam int version, @ModelAttribute ReopeningForm form,
                  RedirectAttributes redirect) {
        return PageActions.attempt(redirect, "/my/repairs/" + id, "已申请返修。", () -> handling.reopen(user, id, version, form.reason()));
    }
}
