package cn.anju.identity.web;

import cn.anju.identity.CurrentUser;
import cn.anju.identity.IdentityQueries;
import cn.anju.shared.Role;
import cn.anju.shared.web.PageQuery;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.ui.Model;

/**
 * The filtered account list, one page for both account administrators: the system administrator's 账号管理
 * ({@code /admin/accounts}) and the security administrator's 角色授权 ({@code /security/accounts}).
 */
final class AccountListing {

    private AccountListing() {
    }

    /** The list's filters, 20 accounts a page. */
    record Filter(String keyword, Long organisationId, Role role, Boolean enabled, Integer page) {

        IdentityQueries.AccountFilter accountFilter() {
            return new IdentityQueries.AccountFilter(keyword, organisationId, role, enabled);
        }

        PageQuery pageQuery() {
            return PageQuery.of(page, 20);
        }
    }

    static String page(IdentityQueries queries, CurrentUser user, Filter filter, String base, HttpServletRequest request,
                       Model model) {
        IdentityQueries.AccountFilter accounts = filter.accountFilter();
        model.addAttribute("filter", accounts);
        model.addAttribute("result", queries.accounts(user, accounts, filter.pageQuery()));
        model.addAttribute("organisations", queries.organisations(user));
        model.addAttribute("roles", Role.values());
        model.addAttribute("base", base);
        // htmx swaps only the table when filtering or paging; the address bar keeps the full URL
        return request.getHeader("HX-Request") != null ? "identity/accounts :: table" : "identity/accounts";
    }
}
