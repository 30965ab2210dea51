package cn.anju.identity.web;

import cn.anju.identity.AccountAdministration;
import cn.anju.identity.CurrentUser;
import cn.anju.identity.IdentityQueries;
import cn.anju.shared.Role;
import cn.anju.shared.web.PageQuery;
import cn.anju.shared.web.PageResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/accounts")
@Tag(name = "身份 Identity")
class AccountApi {

    private final IdentityQueries queries;

    AccountApi(IdentityQueries queries) {
        this.queries = queries;
    }

    record Filter(String keyword, Long organisationId, Role role, Boolean enabled, Integer page, Integer size) {

        IdentityQueries.AccountFilter accountFilter() {
            return new IdentityQueries.AccountFilter(keyword, organisationId, role, enabled);
        }

        PageQuery pageQuery() {
            return PageQuery.of(page, size);
        }
    }

    @GetMapping
    @Operation(summary = "账号列表（系统管理员），分页：page 从 1 开始，size 1-200")
    PageResponse<IdentityQueries.AccountRow> list(CurrentUser user, @ParameterObject @ModelAttribute Filter filter) {
        AccountAdministration.requireSystemAdmin(user); // the security administrator reads accounts on her pages only
        return queries.accounts(user, filter.accountFilter(), filter.pageQuery());
    }

    @GetMapping("/{id}")
    @Operation(summary = "账号详情（系统管理员）")
    IdentityQueries.AccountRow get(CurrentUser user, @PathVariable Long id) {
        AccountAdministration.requireSystemAdmin(user);
        return queries.account(user, id);
    }
}
