package cn.anju.housing.web;

import cn.anju.housing.HousingQueries;
import cn.anju.housing.UnitStatus;
import cn.anju.identity.CurrentUser;
import cn.anju.shared.web.PageQuery;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.math.BigDecimal;

/** 项目 and 房源 pages. */
@Controller
@RequestMapping("/housing")
@PreAuthorize("hasAnyRole('GOV_ADMIN','GOV_OFFICER','OPERATOR_MANAGER','OPERATOR_STAFF')")
class HousingPages {

    private final HousingQueries queries;

    HousingPages(HousingQueries queries) {
        this.queries = queries;
    }

    @GetMapping("/projects")
    String projects(CurrentUser user, Model model) {
        model.addAttribute("projects", queries.projects(user));
        return "housing/projects";
    }

    @GetMapping("/units")
    String units(CurrentUser user, @RequestParam(required = false) Long projectId,
                 @RequestParam(required = false) UnitStatus status, @RequestParam(required = false) String layout,
                 @RequestParam(required = false) BigDecimal minArea, @RequestParam(required = false) BigDecimal maxArea,
                 @RequestParam(required = false) Integer page, HttpServletRequest request, Model model) {
        var filter = new HousingQueries.UnitFilter(null, projectId, null, status, layout, minArea, maxArea);
        model.addAttribute("filter", filter);
        model.addAttribute("result", queries.units(user, filter, PageQuery.of(page, 20)));
        model.addAttribute("projects", queries.projects(user));
        model.addAttribute("layouts", queries.layouts(user));
        model.addAttribute("statuses", UnitStatus.values());
        return request.getHeader("HX-Request") != null ? "housing/units :: table" : "housing/units";
    }
}
