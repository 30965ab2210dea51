package cn.anju.contract.web;

import cn.anju.contract.ContractAmendments;
import cn.anju.contract.ContractLifecycle;
import cn.anju.contract.ServiceContracts;
import cn.anju.identity.CurrentUser;
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
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * 政府购买服务合同: drafted from its procurement, signed with its PDF (only after the budget approval and the award),
 * amended, terminated under the four-eyes rule. The contract in force is the only source of the operator's coverage.
 */
@RestController
@Tag(name = "购买服务 Procurement and contracts")
@PreAuthorize("@contractAccess.contracts(authentication)")
class ContractApi {

    private final ServiceContracts contracts;
    private final ContractLifecycle lifecycle;
    private final ContractAmendments amendments;
    private final ContractViews views;

    ContractApi(ServiceContracts contracts, ContractLifecycle lifecycle, ContractAmendments amendments, ContractViews views) {
        this.contracts = contracts;
        this.lifecycle = lifecycle;
        this.amendments = amendments;
        this.views = views;
    }

    @GetMapping("/api/v1/contracts")
    @Operation(summary = "服务合同列表：政府与财政为本人区县的，承接主体负责人为本单位履行中和收尾期内的；每份附本年度预算使用")
    List<ContractViews.Summary> list(CurrentUser user) {
        return views.summaries(contracts.list(user));
    }

    @GetMapping("/api/v1/contracts/{id}")
    @Operation(summary = "一份服务合同：覆盖项目（含起止）、费用、补充协议、终止、预算使用（预算、已结算、已支付、剩余，单位分）与结算支付记录")
    ContractViews.Detail show(CurrentUser user, @PathVariable long id) {
        return views.detail(contracts.visible(user, id));
    }

    @PostMapping("/api/v1/contracts")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "草拟服务合同（区县住房保障部门）：采购项目、承接主体（须为中标单位）、编号、期限、覆盖项目或全区县、费用条款、质保金比例、付费规则、固定扣款")
    Map<String, Object> draft(CurrentUser user, @RequestBody ServiceContracts.NewContract body) {
        requireBody(body);
        return Map.of("id", contracts.draft(user, body));
    }

    record SignForm(@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate signedOn, Integer version) {
    }

    @PostMapping(path = "/api/v1/contracts/{id}/signature", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "签订合同：签订日期与双方签章的合同 PDF（记录 SHA-256）；须在预算批复并确定承接主体之后；自合同开始日起授予服务范围")
    ContractViews.Detail sign(CurrentUser user, @PathVariable long id, @ModelAttribute SignForm form,
                              @RequestParam(required = false) MultipartFile file) {
        lifecycle.sign(user, id, form.signedOn(), ProcurementApi.upload(file), form.version());
        return views.detail(contracts.visible(user, id));
    }

    record TerminationRequest(LocalDate lastDay, String reason, Integer version) {
    }

    @PostMapping("/api/v1/contracts/{id}/termination")
    @Operation(summary = "申请终止合同（经办人）：终止后的最后履行日与理由，待分管领导审批")
    ContractViews.Detail askTermination(CurrentUser user, @PathVariable long id, @RequestBody TerminationRequest body) {
        requireBody(body);
        lifecycle.askTermination(user, id, body.lastDay(), body.reason(), body.version());
        return views.detail(contracts.visible(user, id));
    }

    record Seen(Integer version) {
    }

    @PostMapping("/api/v1/contracts/{id}/termination/approval")
    @Operation(summary = "批准终止（本区县分管领导，且不是申请人：四眼原则）；最后履行日的次日起承接主体不再能访问")
    ContractViews.Detail approveTermination(CurrentUser user, @PathVariable long id, @RequestBody(required = false) Seen body) {
        lifecycle.approveTermination(user, id, body == null ? null : body.version());
        return views.detail(contracts.visible(user, id));
    }

    record Withdrawal(String reason, Integer version) {
    }

    @PostMapping("/api/v1/contracts/{id}/termination/withdrawal")
    @Operation(summary = "撤回或驳回终止申请（申请人撤回，或本区县分管领导驳回；合同照常履行）")
    ContractViews.Detail withdrawTermination(CurrentUser user, @PathVariable long id, @RequestBody(required = false) Withdrawal body) {
        lifecycle.withdrawTermination(user, id, body == null ? null : body.reason(), body == null ? null : body.version());
        return views.detail(contracts.visible(user, id));
    }

    @PostMapping("/api/v1/contracts/{id}/discard")
    @Operation(summary = "作废尚未签订的合同草稿（区县经办人），以便重新草拟")
    void discard(CurrentUser user, @PathVariable long id, @RequestBody(required = false) Seen body) {
        contracts.discard(user, id, body == null ? null : body.version());
    }

    @GetMapping("/api/v1/contracts/{id}/amendments")
    @Operation(summary = "补充协议（按序号）：生效日期、事由、增减项目、结束日期变更、费用变更")
    List<ContractAmendments.Amendment> amendments(CurrentUser user, @PathVariable long id) {
        return amendments.of(contracts.visible(user, id));
    }

    @PostMapping(path = "/api/v1/contracts/{id}/amendments", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "签订补充协议（JSON）：生效日期、事由、增加项目、减少项目、新结束日期、新费用条款；新增项目自生效日起授予")
    Map<String, Object> amend(CurrentUser user, @PathVariable long id, @RequestBody ContractAmendments.NewAmendment body) {
        requireBody(body);
        return Map.of("id", amendments.amend(user, id, body, null, body.version()));
    }

    @PostMapping(path = "/api/v1/contracts/{id}/amendments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "签订补充协议并附 PDF（multipart：amendment 为 JSON，file 为补充协议 PDF）")
    Map<String, Object> amendWithFile(CurrentUser user, @PathVariable long id, @RequestPart("amendment") ContractAmendments.NewAmendment body,
                                      @RequestPart(value = "file", required = false) MultipartFile file) {
        return Map.of("id", amendments.amend(user, id, body, ProcurementApi.upload(file), body.version()));
    }

    static void requireBody(Object body) {
        if (body == null) {
            throw ProblemException.badRequest("CONTRACT_BODY", "请求体应为 JSON。");
        }
    }
}
