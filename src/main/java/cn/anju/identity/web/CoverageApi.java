package cn.anju.identity.web;

import cn.anju.identity.CoverageAdministration;
import cn.anju.identity.CurrentUser;
import cn.anju.identity.IdentityQueries;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.util.List;

@RestController
@RequestMapping("/api/v1/operator-coverage")
@Tag(name = "身份 Identity")
class CoverageApi {

    private final IdentityQueries queries;
    private final CoverageAdministration administration;

    CoverageApi(IdentityQueries queries, CoverageAdministration administration) {
        this.queries = queries;
        this.administration = administration;
    }

    record GrantRequest(@NotNull(message = "请选择承接主体 operatorId") Long operatorId,
                        @NotNull(message = "请填写区县代码 districtCode")
                        @Pattern(regexp = "[0-9]{6}", message = "区县代码应为6位数字") String districtCode,
                        Long projectId,
                        @NotNull(message = "请填写开始日期 validFrom") LocalDate validFrom,
                        LocalDate validTo,
                        @Size(max = 500, message = "备注不超过500字") String note) {
    }

    record EndRequest(LocalDate lastDay) {
    }

    @GetMapping
    @Operation(summary = "承接主体服务范围（按调用者的数据范围）")
    List<IdentityQueries.CoverageRow> list(CurrentUser user) {
        return queries.coverage(user);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "登记服务范围（区县住房保障部门或市住建局管理员）")
    IdentityQueries.CoverageRow grant(CurrentUser user, @Valid @RequestBody GrantRequest request) {
        var created = administration.grant(user, new CoverageAdministration.NewCoverage(request.operatorId(),
                request.districtCode(), request.projectId(), request.validFrom(), request.validTo(), request.note()));
        return queries.coverage(user).stream().filter(r -> r.id().equals(created.id())).findFirst().orElseThrow();
    }

    @PostMapping("/{id}/end")
    @Operation(summary = "结束服务范围（含当日）")
    IdentityQueries.CoverageRow end(CurrentUser user, @PathVariable Long id, @RequestBody(required = false) EndRequest request) {
        administration.end(user, id, request == null ? null : request.lastDay());
        return queries.coverage(user).stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow();
    }
}
