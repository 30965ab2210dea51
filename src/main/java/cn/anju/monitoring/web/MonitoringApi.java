package cn.anju.monitoring.web;

import cn.anju.identity.CurrentUser;
import cn.anju.monitoring.Dashboard;
import cn.anju.monitoring.Dashboards;
import cn.anju.monitoring.Drilldowns;
import cn.anju.monitoring.MonthlyReports;
import cn.anju.monitoring.SnapshotPeriod;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;

/** 监测平台: the dashboards' figures as data, each measure with its code and definition, for any day with a snapshot. */
@RestController
@Tag(name = "监测平台 Monitoring")
@PreAuthorize("@monitoringAccess.reads(authentication)")
class MonitoringApi {

    private final Dashboards dashboards;
    private final Drilldowns drilldowns;
    private final MonthlyReports reports;

    MonitoringApi(Dashboards dashboards, Drilldowns drilldowns, MonthlyReports reports) {
        this.dashboards = dashboards;
        this.drilldowns = drilldowns;
        this.reports = reports;
    }

    @GetMapping("/api/v1/monitoring/reports")
    @Operation(summary = "月报：每月1日生成上月的区县和全市月报（PDF、Excel 下载见 /monitoring/reports/{id}/pdf|xlsx）；市级看全部，区县看本区县")
    java.util.List<MonthlyReports.Report> reports(CurrentUser user) {
        return reports.list(user);
    }

    @GetMapping("/api/v1/monitoring/city")
    @Operation(summary = "全市监测（仅市级用户）：各指标、各区县并列、24个月趋势、预警；date 默认最近一次快照")
    Dashboard city(CurrentUser user, @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
        return dashboards.city(user, date);
    }

    @GetMapping("/api/v1/monitoring/districts/{code}")
    @Operation(summary = "区县监测：各指标、各项目并列、趋势、预警（数据范围外 404）")
    Dashboard district(CurrentUser user, @PathVariable String code,
                       @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
        return dashboards.district(user, code, date);
    }

    @GetMapping("/api/v1/monitoring/projects/{id}")
    @Operation(summary = "项目监测：各指标、趋势、预警（数据范围外 404）")
    Dashboard project(CurrentUser user, @PathVariable long id,
                      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
        return dashboards.project(user, id, date);
    }

    @GetMapping("/api/v1/monitoring/measures/{measure}/records")
    @Operation(summary = "指标背后的记录：问题清单（超期工单、空置超6个月房源）任一日按快照逐条列出；其他指标仅今天实时列出")
    Drilldowns.Drilldown records(CurrentUser user, @PathVariable String measure, @RequestParam(required = false) SnapshotPeriod period,
                                 @RequestParam(required = false) String district, @RequestParam(required = false) Long project,
                                 @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
        return drilldowns.of(user, measure, period, district, project, date);
    }
}
