package cn.anju.lease.web;

import cn.anju.identity.CurrentUser;
import cn.anju.lease.Amendments;
import cn.anju.lease.Contracts;
import cn.anju.lease.Filings;
import cn.anju.lease.Handovers;
import cn.anju.lease.LeaseQueries;
import cn.anju.lease.LeaseStatus;
import cn.anju.lease.Leases;
import cn.anju.lease.Renewals;
import cn.anju.lease.TerminationKind;
import cn.anju.shared.web.PageResponse;
import cn.anju.shared.web.Paged;
import cn.anju.shared.web.ProblemException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

@RestController
@RequestMapping("/api/v1/leases")
@Tag(name = "租赁合同 Leases")
class LeaseApi {

    private final Leases leases;
    private final LeaseQueries queries;
    private final Contracts contracts;
    private final Handovers handovers;
    private final Renewals renewals;
    private final Amendments amendments;
    private final Filings filings;

    LeaseApi(Leases leases, LeaseQueries queries, Contracts contracts, Handovers handovers, Renewals renewals,
             Amendments amendments, Filings filings) {
        this.handovers = handovers;
        this.renewals = renewals;
        this.amendments = amendments;
        this.filings = filings;
        this.leases = leases;
        this.queries = queries;
        this.contracts = contracts;
    }

    /** The list's filters: a state, a work list, and the page. */
    record Filter(LeaseStatus status, LeaseQueries.View view, Integer page, Integer size) implements Paged {
    }

    @GetMapping
    @Operation(summary = "租赁合同（按数据范围；住户只见本户）；view 为工作清单：待续签、备案逾期、待备案、待退房、资格失效")
    PageResponse<LeaseQueries.LeaseRow> list(CurrentUser user, @ParameterObject @ModelAttribute Filter filter) {
        return queries.list(user, filter.status(), filter.view(), filter.pageQuery());
    }

    @GetMapping("/{id}")
    @Operation(summary = "租赁合同详情")
    LeaseQueries.LeaseRow get(CurrentUser user, @PathVariable long id) {
        return queries.get(user, id);
    }

    @GetMapping("/{id}/contract")
    @Operation(summary = "打印合同（PDF，中文，字体内嵌）")
    ResponseEntity<byte[]> contract(CurrentUser user, @PathVariable long id) {
        LeaseQueries.LeaseRow lease = queries.get(user, id);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header("Content-Disposition", ContentDisposition.inline()
                        .filename("租赁合同-" + lease.leaseNumber() + ".pdf", StandardCharsets.UTF_8).build().toString())
                .body(contracts.pdf(lease));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "起草合同：依据选房结果，资格须在起租日有效，期限不超过政策上限（默认5年）")
    Map<String, Long> draft(CurrentUser user, @RequestBody Leases.Draft draft) {
        return Map.of("id", leases.draft(user, draft));
    }

    @PostMapping("/{id}/sign")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "签约（再次核验资格）")
    void sign(CurrentUser user, @PathVariable long id) {
        leases.sign(user, id);
    }

    @PostMapping("/{id}/move-in")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "办理入住：交接清单（钥匙、水电气读数、设施、照片）并核对家庭信息；合同生效，房源变为在住")
    void moveIn(CurrentUser user, @PathVariable long id, @RequestBody Handovers.MoveIn checklist) {
        handovers.moveIn(user, id, checklist);
    }

    @PostMapping("/{id}/move-out")
    @Operation(summary = "办理退房：验房清单、最终读数、损坏赔偿，房源收回为空置或维修中；返回结算单（欠费由租金模块提供）")
    Handovers.Settlement moveOut(CurrentUser user, @PathVariable long id, @RequestBody Handovers.MoveOut inspection) {
        return handovers.moveOut(user, id, inspection);
    }

    @GetMapping("/{id}/settlement")
    @Operation(summary = "退房结算单")
    Handovers.Settlement settlement(CurrentUser user, @PathVariable long id) {
        queries.get(user, id);
        return handovers.settlement(id).orElseThrow(() -> ProblemException.notFound("SETTLEMENT_NOT_FOUND", "该合同尚未办理退房结算。"));
    }

    @PostMapping("/{id}/renewal")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "续签：生成接续原合同的新合同草稿（期满前3个月内申请须由政府经办人受理并填写理由）")
    Map<String, Long> renew(CurrentUser user, @PathVariable long id, @RequestBody Renewals.Application application) {
        return Map.of("id", renewals.apply(user, id, application));
    }

    @GetMapping("/{id}/amendments")
    @Operation(summary = "合同变更的各个版本")
    List<Amendments.Version> amendments(CurrentUser user, @PathVariable long id) {
        queries.get(user, id);
        return amendments.versions(id);
    }

    @PostMapping("/{id}/amendments")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "变更合同：家庭成员、调换房源（两套房源状态同一事务变更）、按资格认定变更租金档次")
    Map<String, Integer> amend(CurrentUser user, @PathVariable long id, @RequestBody Amendments.Amendment amendment) {
        return Map.of("version", amendments.amend(user, id, amendment));
    }

    @PostMapping("/{id}/filing")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "提交合同备案（承接主体）")
    void submitFiling(CurrentUser user, @PathVariable long id) {
        filings.submit(user, id);
    }

    record FilingConfirmation(String filingNumber) {
    }

    @PostMapping("/{id}/filing/confirmation")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "确认合同备案（仅住房保障部门；先核权限再读请求体）")
    void confirmFiling(CurrentUser user, @PathVariable long id, @RequestBody FilingConfirmation c) {
        filings.confirm(user, id, c.filingNumber());
    }

    record Termination(TerminationKind kind, String reason) {
    }

    @PostMapping("/{id}/terminate")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "终止合同（须选择终止类型并填写原因）；未入住的房源退回空置")
    void terminate(CurrentUser user, @PathVariable long id, @RequestBody Termination t) {
        leases.terminate(user, id, t.kind(), t.reason());
    }
}
