package cn.anju.identity.web;

import cn.anju.identity.CurrentUser;
import cn.anju.identity.IdentityQueries;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

@RestController
@RequestMapping("/api/v1/organisations")
@Tag(name = "身份 Identity")
class OrganisationApi {

    private final IdentityQueries queries;

    OrganisationApi(IdentityQueries queries) {
        this.queries = queries;
    }

    @GetMapping
    @Operation(summary = "组织机构列表（系统管理员、政府用户）")
    List<IdentityQueries.OrganisationRow> list(CurrentUser user) {
        return queries.organisations(user);
    }
}
