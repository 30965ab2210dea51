package cn.anju.identity.web;

import cn.anju.identity.CurrentUser;
import cn.anju.identity.IdentityQueries;
import cn.anju.shared.web.ProblemException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** Operator coverage, read-only: every row comes from a service contract (signing, amending, ending it). */
@RestController
@RequestMapping("/api/v1/operator-coverage")
@Tag(name = "身份 Identity")
class CoverageApi {

    static final String FROM_CONTRACTS = "COVERAGE_FROM_CONTRACTS";

    private final IdentityQueries queries;

    CoverageApi(IdentityQueries queries) {
        this.queries = queries;
    }

    @GetMapping
    @Operation(summary = "承接主体服务范围（按调用者的数据范围；每行注明授予它的服务合同）")
    List<IdentityQueries.CoverageRow> list(CurrentUser user) {
        return queries.coverage(user);
    }

    @PostMapping
    @Operation(summary = "不再受理：服务范围只由服务合同的签订、补充协议与终止产生（405）")
    void grant() {
        throw refused();
    }

    @PostMapping("/{id}/end")
    @Operation(summary = "不再受理：服务范围随服务合同到期、终止或补充协议结束（405）")
    void end(@PathVariable String id) {
        throw refused();
    }

    static ProblemException refused() {
        return new ProblemException(HttpStatus.METHOD_NOT_ALLOWED, FROM_CONTRACTS,
                "服务范围只能由服务合同产生：请在“服务合同”中签订合同、签订补充协议或终止合同。");
    }
}
