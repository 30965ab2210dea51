package cn.anju.contract.web;

import cn.anju.contract.Procurement;
import cn.anju.contract.Procurements;
import cn.anju.identity.CurrentUser;
import cn.anju.shared.files.Upload;
import cn.anju.shared.web.Uploads;
import cn.anju.shared.web.ProblemException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
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

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * 采购项目: a district's purchase of a year, step by step. The district's housing officers record it, its finance bureau
 * records the budget approval, the city reads every district's. Documents are PDFs sent as multipart {@code file}.
 */
@RestController
@Tag(name = "购买服务 Procurement and contracts")
@PreAuthorize("@contractAccess.procurement(authentication)")
class ProcurementApi {

    private final Procurements procurements;

    ProcurementApi(Procurements procurements) {
        this.procurements = procurements;
    }

    @GetMapping("/api/v1/procurements")
    @Operation(summary = "采购项目列表（本人数据范围内的区县）")
    List<Procurement> list(CurrentUser user) {
        return procurements.list(user);
    }

    @GetMapping("/api/v1/procurements/{id}")
    @Operation(summary = "一个采购项目：预算批复、公告、中标（成交）及其文件的 SHA-256")
    Procurement show(CurrentUser user, @PathVariable long id) {
        return procurements.visible(user, id);
    }

    @PostMapping("/api/v1/procurements")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "新建采购项目（区县住房保障部门）：年度、名称、购买主体、服务内容、采购方式（单一来源须写理由）、预算建议（分）")
    Map<String, Object> create(CurrentUser user, @RequestBody Procurements.NewProcurement body) {
        ContractApi.requireBody(body);
        return Map.of("id", procurements.create(user, body));
    }

    record BudgetForm(Integer year, Long amountFen, String approvalNo, String approvedBy,
                      @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate approvedOn, Integer version) {
    }

    @PostMapping(path = "/api/v1/procurements/{id}/budget-approval", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "登记预算批复（本区县财政局）：年度（默认采购项目所属年度；跨年度合同逐年批复）、金额（分）、批复文号、批复部门、日期、批复文件 PDF")
    Procurement approveBudget(CurrentUser user, @PathVariable long id, @ModelAttribute BudgetForm form,
                              @RequestParam(required = false) MultipartFile file) {
        procurements.approveBudget(user, id, new Procurement.Budget(form.year(), form.amountFen(), form.approvalNo(), form.approvedBy(),
                form.approvedOn(), null), upload(file), form.version());
        return procurements.visible(user, id);
    }

    record StepForm(@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on, Long winnerId, List<String> bidders, Integer version) {
    }

    @PostMapping(path = "/api/v1/procurements/{id}/announcement", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "登记采购公告：公告日期和公告文件 PDF")
    Procurement announce(CurrentUser user, @PathVariable long id, @ModelAttribute StepForm form,
                         @RequestParam(required = false) MultipartFile file) {
        procurements.announce(user, id, form.on(), upload(file), form.version());
        return procurements.visible(user, id);
    }

    @PostMapping(path = "/api/v1/procurements/{id}/award", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "登记中标（成交）结果：日期、中标承接主体 winnerId、参与供应商 bidders、结果文件 PDF")
    Procurement award(CurrentUser user, @PathVariable long id, @ModelAttribute StepForm form,
                      @RequestParam(required = false) MultipartFile file) {
        procurements.award(user, id, form.on(), form.winnerId(), form.bidders(), upload(file), form.version());
        return procurements.visible(user, id);
    }

    static Upload upload(MultipartFile file) {
        return Uploads.of(file);
    }
}
