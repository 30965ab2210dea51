package cn.anju.evaluation.web;

import cn.anju.evaluation.FinancialReport;
import cn.anju.evaluation.FinancialReports;
import cn.anju.identity.CurrentUser;
import cn.anju.shared.excel.Downloads;
import cn.anju.shared.web.ProblemException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * 承接主体财务报告: quarterly and annual reports on the platform's Excel template, the yearly audit report of a licensed
 * accounting firm, the district's acceptance or return, and what is overdue.
 */
@RestController
@Tag(name = "绩效评价与结算 Evaluation and settlement")
@PreAuthorize("@evaluationAccess.settlements(authentication)")
class FinancialReportApi {

    private final FinancialReports reports;

    FinancialReportApi(FinancialReports reports) {
        this.reports = reports;
    }

    record View(long id, long contractId, String districtCode, String period, String kind, String kindLabel, LocalDate dueOn, String status,
                String statusLabel, FinancialReport.Figures figures, Long costsFen, Long firmId, String opinion, String opinionLabel,
                String fileName, String fileSha256, Instant submittedAt, String decision, int version) {
    }

    static View view(FinancialReport r) {
        return new View(r.id(), r.contractId(), r.districtCode(), r.period(), r.kind().name(), r.kind().label(), r.dueOn(), r.status().name(),
                r.status().label(), r.figures(), r.figures() == null ? null : r.figures().costsFen(), r.firmId(),
                r.opinion() == null ? null : r.opinion().name(), r.opinion() == null ? null : r.opinion().label(), r.fileName(),
                r.fileSha256(), r.submittedAt(), r.decision(), r.version());
    }

    @GetMapping("/api/v1/financial-reports")
    @Operation(summary = "财务报告列表（本人数据范围内的合同）")
    List<View> list(CurrentUser user) {
        return reports.list(user).stream().map(FinancialReportApi::view).toList();
    }

    @GetMapping("/api/v1/financial-reports/{id}")
    @Operation(summary = "一份财务报告：报表数据（分）或审计意见、文件 SHA-256、审核结果")
    View show(CurrentUser user, @PathVariable long id) {
        return view(reports.visible(user, id));
    }

    @GetMapping("/api/v1/financial-reports/overdue")
    @Operation(summary = "逾期未报送的财务报告（近两年各期）：合同、期间、类别、截止日、逾期天数")
    List<FinancialReports.Overdue> overdue(CurrentUser user) {
        return reports.overdue(user);
    }

    @GetMapping("/api/v1/financial-reports/template")
    @Operation(summary = "财务报告 Excel 模板（合同收入、四项服务成本、在岗人数）")
    ResponseEntity<byte[]> template() {
        return Downloads.xlsx(reports.template(), "财务报告模板.xlsx");
    }

    record ReportForm(Long contractId, String period) {
    }

    @PostMapping(path = "/api/v1/financial-reports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "报送季度（如 2026Q3）或年度（如 2026）财务报告：按模板填写的 Excel（承接主体负责人）")
    Map<String, Object> submit(CurrentUser user, @ModelAttribute ReportForm form, @RequestParam(required = false) MultipartFile file) {
        return Map.of("id", reports.submit(user, contractId(form.contractId()), form.period(), EvaluationApi.upload(file)));
    }

    record AuditForm(Long contractId, String year, String firmName, String licenceNo, FinancialReport.Opinion opinion) {
    }

    @PostMapping(path = "/api/v1/financial-reports/audit", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "报送年度审计报告：会计师事务所名称与执业证书编号、审计意见类型、审计报告 PDF")
    Map<String, Object> audit(CurrentUser user, @ModelAttribute AuditForm form, @RequestParam(required = false) MultipartFile file) {
        return Map.of("id", reports.submitAudit(user, contractId(form.contractId()), form.year(), form.firmName(), form.licenceNo(),
                form.opinion(), EvaluationApi.upload(file)));
    }

    record Decision(String reason, Integer version) {
    }

    @PostMapping("/api/v1/financial-reports/{id}/acceptance")
    @Operation(summary = "接收财务报告（区县住房保障部门）")
    View accept(CurrentUser user, @PathVariable long id, @RequestBody(required = false) Decision body) {
        reports.decide(user, id, true, body == null ? null : body.reason(), body == null ? null : body.version());
        return view(reports.visible(user, id));
    }

    @PostMapping("/api/v1/financial-reports/{id}/return")
    @Operation(summary = "退回财务报告，写明理由；承接主体可重新报送")
    View giveBack(CurrentUser user, @PathVariable long id, @RequestBody(required = false) Decision body) {
        reports.decide(user, id, false, body == null ? null : body.reason(), body == null ? null : body.version());
        return view(reports.visible(user, id));
    }

    private static long contractId(Long id) {
        if (id == null) {
            throw ProblemException.badRequest("CONTRACT_REQUIRED", "请选择服务合同。");
        }
        return id;
    }
}
