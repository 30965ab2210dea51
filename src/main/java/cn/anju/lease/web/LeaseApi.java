package cn.anju.lease.web;

import cn.anju.identity.CurrentUser;
import cn.anju.lease.Contracts;
import cn.anju.lease.LeaseQueries;
import cn.anju.lease.LeaseStatus;
import cn.anju.lease.Leases;
import cn.anju.shared.web.PageQuery;
import cn.anju.shared.web.PageResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;

@RestController
@RequestMapping("/api/v1/leases")
@Tag(name = "租赁合同 Leases")
class LeaseApi {

    private final Leases leases;
    private final LeaseQueries queries;
    private final Contracts contracts;

    LeaseApi(Leases leases, LeaseQueries queries, Contracts contracts) {
        this.leases = leases;
        this.queries = queries;
        this.contracts = contracts;
    }

    @GetMapping
    @Operation(summary = "租赁合同（按数据范围；住户只见本户）")
    PageResponse<LeaseQueries.LeaseRow> list(CurrentUser user, @RequestParam(required = false) LeaseStatus status,
                                             @RequestParam(required = false) Integer page,
                                             @RequestParam(required = false) Integer size) {
        return queries.list(user, status, PageQuery.of(page, size));
    }

    @GetMapping("/{id}")
    @Operation(summary = "租赁合同详情")
    LeaseQueries.LeaseRow get(CurrentUser user, @PathVariable long id) {
        return queries.get(user, id);
    }

    @GetMapping("/{id}/contract")
    @Operation(summary = "打印合同（PDF，中文，字体内嵌）")
    org.springframework.http.ResponseEntity<byte[]> contract(CurrentUser user, @PathVariable long id) {
        LeaseQueries.LeaseRow lease = queries.get(user, id);
        return org.springframework.http.ResponseEntity.ok().contentType(org.springframework.http.MediaType.APPLICATION_PDF)
                .header("Content-Disposition", org.springframework.http.ContentDisposition.inline()
                        .filename("租赁合同-" + lease.leaseNumber() + ".pdf", java.nio.charset.StandardCharsets.UTF_8).build().toString())
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
    @Operation(summary = "入住：合同生效，房源变为在住")
    void moveIn(CurrentUser user, @PathVariable long id) {
        leases.moveIn(user, id);
    }

    record Termination(cn.anju.lease.TerminationKind kind, String reason) {
    }

    @PostMapping("/{id}/terminate")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "终止合同（须选择终止类型并填写原因）；未入住的房源退回空置")
    void terminate(CurrentUser user, @PathVariable long id, @RequestBody Termination t) {
        leases.terminate(user, id, t.kind(), t.reason());
    }
}
