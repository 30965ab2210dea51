package cn.anju.identity.web;

import cn.anju.identity.CurrentUser;
import cn.anju.identity.EngagementAdministration;
import cn.anju.identity.EvaluatorEngagement;
import cn.anju.identity.IdentityQueries;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** 测评委托: which evaluation firm is engaged for which district or projects, and when. Operators are refused. */
@RestController
@RequestMapping("/api/v1/evaluator-engagements")
@PreAuthorize("@identityAccess.engagementReaders(authentication)")
@Tag(name = "身份 Identity")
class EngagementApi {

    private final IdentityQueries queries;
    private final EngagementAdministration administration;

    EngagementApi(IdentityQueries queries, EngagementAdministration administration) {
        this.queries = queries;
        this.administration = administration;
    }

    record EngageRequest(@NotNull(message = "请选择评估机构 evaluatorId") Long evaluatorId,
                         @NotNull(message = "请填写区县代码 districtCode")
                         @Pattern(regexp = "[0-9]{6}", message = "区县代码应为6位数字") String districtCode,
                         @Size(max = 200, message = "一次最多委托200个项目") List<Long> projectIds,
                         @NotNull(message = "请填写开始日期 validFrom") LocalDate validFrom,
                         LocalDate validTo,
                         @Size(max = 500, message = "备注不超过500字") String note) {
    }

    @GetMapping
    @Operation(summary = "测评委托（市级看全部，区县看本区县，评估机构看本机构的）")
    List<IdentityQueries.EngagementRow> list(CurrentUser user) {
        return queries.engagements(user);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "登记测评委托：整个区县（projectIds 为空）或其中若干项目，每个项目一条记录（区县住房保障部门或市住建局管理员）")
    List<IdentityQueries.EngagementRow> engage(CurrentUser user, @Valid @RequestBody EngageRequest request) {
        Set<Long> created = administration.engage(user, new EngagementAdministration.NewEngagement(request.evaluatorId(),
                        request.districtCode(), request.projectIds() == null ? List.of() : request.projectIds(),
                        request.validFrom(), request.validTo(), request.note()))
                .stream().map(EvaluatorEngagement::id).collect(Collectors.toSet());
        return queries.engagements(user).stream().filter(r -> created.contains(r.id())).toList();
    }

    record EndRequest(LocalDate lastDay) {
    }

    @PostMapping("/{id}/end")
    @Operation(summary = "结束测评委托（含当日；不填 lastDay 为今天）")
    IdentityQueries.EngagementRow end(CurrentUser user, @PathVariable Long id, @RequestBody(required = false) EndRequest request) {
        administration.end(user, id, request == null ? null : request.lastDay());
        return queries.engagements(user).stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow();
    }
}
