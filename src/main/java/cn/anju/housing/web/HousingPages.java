package cn.anju.housing.web;

import cn.anju.housing.HousingQueries;
import cn.anju.housing.HousingStock;
import cn.anju.housing.UnitStatus;
import cn.anju.identity.CurrentUser;
import cn.anju.shared.Districts;
import cn.anju.shared.Role;
import cn.anju.shared.excel.Downloads;
import cn.anju.shared.excel.Sheets;
import cn.anju.shared.web.PageQuery;
import cn.anju.shared.web.ProblemException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** 项目 and 房源 pages. */
@Controller
@RequestMapping("/housing")
@PreAuthorize("@housingAccess.stockReaders(authentication)")
class HousingPages {

    private final HousingQueries queries;
    private final HousingStock stock;
    private final Districts districts;

    HousingPages(HousingQueries queries, HousingStock stock, Districts districts) {
        this.queries = queries;
        this.stock = stock;
        this.districts = districts;
    }

    @GetMapping("/projects")
    String projects(CurrentUser user, Model model) {
        model.addAttribute("projects", queries.projects(user));
        model.addAttribute("registers", user.hasAny(Role.GOV_ADMIN, Role.GOV_OFFICER));
        model.addAttribute("districts", user.regionCode() == null || user.regionCode().endsWith("00")
                ? districts.all() : districts.all().stream().filter(d -> d.code().equals(user.regionCode())).toList());
        return "housing/projects";
    }

    /** District, name and address are required, as they were as single parameters; the year built is optional. */
    record ProjectForm(@NotNull String districtCode, @NotNull String name, @NotNull String address, Integer builtYear) {
    }

    @PostMapping("/projects")
    @PreAuthorize("@housingAccess.government(authentication)")
    String registerProject(CurrentUser user, @Valid @ModelAttribute ProjectForm form, RedirectAttributes redirect) {
        try {
            stock.registerProject(user, new HousingStock.NewProject(form.districtCode(), form.name(), form.address(), form.builtYear()));
            redirect.addFlashAttribute("notice", "项目已登记。");
        } catch (ProblemException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/housing/projects";
    }

    record FacilityFilter(Long projectId) {
    }

    @GetMapping("/facilities")
    String facilities(CurrentUser user, @ModelAttribute FacilityFilter filter, Model model) {
        model.addAttribute("facilities", queries.facilities(user, filter.projectId()));
        model.addAttribute("projects", queries.projects(user));
        model.addAttribute("projectId", filter.projectId());
        return "housing/facilities";
    }

    /** The unit list's filters, shared by the list (20 units a page) and its export (every page; {@code page} unused). */
    record UnitSearch(Long projectId, UnitStatus status, String layout, BigDecimal minArea, BigDecimal maxArea, Integer page) {

        HousingQueries.UnitFilter filter() {
            return new HousingQueries.UnitFilter(null, projectId, null, status, layout, minArea, maxArea);
        }

        PageQuery pageQuery() {
            return PageQuery.of(page, 20);
        }
    }

    @GetMapping("/units")
    String units(CurrentUser user, @ModelAttribute UnitSearch search, HttpServletRequest request, Model model) {
        var filter = search.filter();
        model.addAttribute("filter", filter);
        model.addAttribute("result", queries.units(user, filter, search.pageQuery()));
        model.addAttribute("projects", queries.projects(user));
        model.addAttribute("layouts", queries.layouts(user));
        model.addAttribute("statuses", UnitStatus.values());
        return request.getHeader("HX-Request") != null ? "housing/units :: table" : "housing/units";
    }

    /** 导出Excel: the filtered list, every page of it (up to the export limit). */
    @GetMapping("/units/export")
    ResponseEntity<byte[]> export(CurrentUser user, @ModelAttribute UnitSearch search) {
        List<List<Object>> out = new ArrayList<>();
        for (var u : queries.allUnits(user, search.filter())) {
            out.add(List.of(u.districtName(), u.projectName(), u.buildingNumber(), u.floor(),
                    u.number(), u.layout(), u.buildingArea(), u.usableArea(),
                    u.rentArea(), u.orientation() == null ? "" : u.orientation(), statusLabel(u.status())));
        }
        byte[] xlsx = Sheets.write("房源", List.of("区县", "项目", "楼栋号", "楼层", "房号", "户型",
                "建筑面积", "使用面积", "计租面积", "朝向", "状态"), out);
        return Downloads.xlsx(xlsx, "房源.xlsx");
    }

    private static String statusLabel(UnitStatus status) {
        return switch (status) {
            case VACANT -> "空置";
            case RESERVED -> "已预订";
            case OCCUPIED -> "在住";
            case UNDER_REPAIR -> "维修中";
            case OFFLINE -> "停用";
        };
    }
}
