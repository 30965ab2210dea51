package cn.anju.audit.web;

import cn.anju.audit.AuditQueries;
import cn.anju.audit.AuditSealer;
import cn.anju.audit.AuditVerifier;
import cn.anju.shared.web.PageResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/audit")
@PreAuthorize("@auditAccess.auditor(authentication)")
@Tag(name = "审计 Audit")
class AuditApi {

    private final AuditQueries queries;
    private final AuditVerifier verifier;
    private final AuditSealer sealer;

    AuditApi(AuditQueries queries, AuditVerifier verifier, AuditSealer sealer) {
        this.queries = queries;
        this.verifier = verifier;
        this.sealer = sealer;
    }

    @GetMapping("/entries")
    @Operation(summary = "审计日志查询（审计管理员）")
    PageResponse<AuditQueries.Entry> entries(@ParameterObject @ModelAttribute AuditSearch search) {
        return queries.search(search.filter(), search.pageQuery());
    }

    @GetMapping("/verification")
    @Operation(summary = "核验审计哈希链：封存待封存的记录后，逐条重算并与库内及库外留存比对")
    AuditVerifier.Verification verification() {
        sealer.seal();
        return verifier.verify();
    }
}
