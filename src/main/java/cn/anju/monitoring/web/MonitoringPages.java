package cn.anju.monitoring.web;

import cn.anju.identity.CurrentUser;
import cn.anju.monitoring.Dashboard;
import cn.anju.monitoring.Dashboards;
import cn.anju.monitoring.Drilldowns;
import cn.anju.monitoring.Figure;
import cn.anju.monitoring.MonthlyReports;
import cn.anju.monitoring.SnapshotPeriod;
import cn.anju.shared.excel.Downloads;
import cn.anju.shared.excel.Sheets;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * 监测平台 pages: the user's own level at {@code /monitoring}, the city, a district and a project, each with its day
 * picker, charts and Excel export; and the records behind a figure.
 */
@Controller
@PreAuthorize("@monitoringAccess.reads(authentication)")
class MonitoringPages {

    private final Dashboards dashboards;
    private final Drilldowns drilldowns;
    private final MonthlyReports reports;

    MonitoringPages(Dashboards dashboards, Drilldowns drilldowns, MonthlyReports reports) {
        this.dashboards = dashboards;
        this.drilldowns = drilldowns;
        this.reports = reports;
    }

    @GetMapping("/monitoring")
    String mine(CurrentUser user, @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date, Model model) {
        return show(user, dashboards.mine(user, date), "/monitoring", model);
    }

    @GetMapping("/monitoring/city")
    String city(CurrentUser user, @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date, Model model) {
        return show(user, dashboards.city(user, date), "/monitoring/city", model);
    }

    @GetMapping("/monitoring/districts/{code}")
    String district(CurrentUser user, @PathVariable String code,
                    @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date, Model model) {
        return show(user, dashboards.district(user, code, date), "/monitoring/districts/" + code, model);
    }

    @GetMapping("/monitoring/projects/{id}")
    String project(CurrentUser user, @PathVariable long id,
                   @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date, Model model) {
        return show(user, dashboards.project(user, id, date), "/monitoring/projects/" + id, model);
    }

    private String show(CurrentUser user, Dashboard d, String path, Model model) {
        model.addAttribute("d", d);
        model.addAttribute("reports", reports.of(user, d));
        model.addAttribute("path", path);
        return "monitoring/dashboard";
    }

    @GetMapping("/monitoring/records")
    String records(CurrentUser user, @RequestParam String measure, @RequestParam(required = false) SnapshotPeriod period,
                   @RequestParam(required = false) String district, @RequestParam(required = false) Long project,
                   @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date, Model model) {
        model.addAttribute("r", drilldowns.of(user, measure, period, district, project, date));
        return "monitoring/records";
    }

    @GetMapping("/monitoring/reports/{id}/{kind:pdf|xlsx}")
    ResponseEntity<byte[]> report(CurrentUser user, @PathVariable long id, @PathVariable String kind) {
        MonthlyReports.Download d = reports.file(user, id, kind.equals("pdf"));
        return ResponseEntity.ok().contentType(org.springframework.http.MediaType.parseMediaType(d.contentType()))
                .header(org.springframework.http.HttpHeaders.CONTENT_DISPOSITION, org.springframework.http.ContentDisposition.attachment()
                        .filename(d.name(), java.nio.charset.StandardCharsets.UTF_8).build().toString())
                .body(d.content());
    }

    /** The dashboard's figures and its side-by-side table as one sheet: place, measure, period, value, numerator, denominator. */
    @GetMapping("/monitoring/export")
    ResponseEntity<byte[]> export(CurrentUser user, @RequestParam(required = false) String district, @RequestParam(required = false) Long project,
                                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
        Dashboard d = project != null ? dashboards.project(user, project, date)
                : district != null ? dashboards.district(user, district, date) : dashboards.mine(user, date);
        List<List<?>> rows = new ArrayList<>();
        d.figures().forEach(f -> rows.add(line(d.title(), f)));
        d.rows().forEach(r -> r.figures().forEach(f -> rows.add(line(r.name(), f))));
        byte[] xlsx = Sheets.write("监测", List.of("统计日", "范围", "指标代码", "指标", "统计口径", "数值", "分子", "分母"),
                rows.stream().map(r -> { List<Object> l = new ArrayList<>(); l.add(d.asOf().toString()); l.addAll(r); return l; }).toList());
        return Downloads.xlsx(xlsx, "监测-" + d.asOf() + ".xlsx");
    }

    private static List<?> line(String place, Figure f) {
        return java.util.Arrays.asList(place, f.code(), f.name(), f.periodLabel(), f.shown(), f.numerator(), f.denominator());
    }
}
