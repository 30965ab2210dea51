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

    @PostMapping("/my/repairs")
    String report(CurrentUser user, @RequestParam(required = false) Category category, @RequestParam(required = false) ScopeGuard.Location location,
                  @RequestParam(required = false) String description, @RequestParam(required = false) String place,
                  @RequestParam(name = "photo", required = false) List<MultipartFile> photos, RedirectAttributes redirect) {
        long[] id = new long[1];
        String back = PageActions.attempt(redirect, "/my/repairs", "报修已提交，运营单位将尽快受理。", () -> {
            id[0] = orders.report(user, new WorkOrders.Request(null, null, null, category, location, null, null, description, place),
                    Uploads.of(photos));
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

    @PostMapping("/my/repairs/{id}/confirmation")
    String confirm(CurrentUser user, @PathVariable long id, @RequestParam int version, @RequestParam(required = false) Integer rating,
                   @RequestParam(required = false) String comment, RedirectAttributes redirect) {
        return PageActions.attempt(redirect, "/my/repairs/" + id, "感谢您的评价。", () -> handling.confirm(user, id, version, rating, comment));
    }

    @PostMapping("/my/repairs/{id}/reopening")
    String reopen(CurrentUser user, @PathVariable long id, @RequestParam int version, @RequestParam(required = false) String reason,
                  RedirectAttributes redirect) {
        return PageActions.attempt(redirect, "/my/repairs/" + id, "已申请返修。", () -> handling.reopen(user, id, version, reason));
    }
}
