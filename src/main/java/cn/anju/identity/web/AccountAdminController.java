package cn.anju.identity.web;

import cn.anju.identity.AccountAdministration;
import cn.anju.identity.CurrentUser;
import cn.anju.identity.IdentityQueries;
import cn.anju.shared.excel.Downloads;
import cn.anju.shared.excel.Sheets;
import cn.anju.shared.web.ProblemException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.ArrayList;
import java.util.List;

/**
 * 账号管理 pages for the system administrator: list with filters, open an account (with the person's own mobile or
 * e-mail, no roles, no password), disable/enable, reset. Roles are granted on the security administrator's pages
 * ({@link RoleGrantController}); the one-time code never appears here.
 */
@Controller
@RequestMapping("/admin/accounts")
@PreAuthorize("@identityAccess.system(authentication)")
class AccountAdminController {

    private final AccountAdministration administration;
    private final IdentityQueries queries;

    AccountAdminController(AccountAdministration administration, IdentityQueries queries) {
        this.administration = administration;
        this.queries = queries;
    }

    @GetMapping
    String list(CurrentUser user, @ModelAttribute AccountListing.Filter filter, HttpServletRequest request, Model model) {
        return AccountListing.page(queries, user, filter, "/admin/accounts", request, model);
    }

    /** 导出Excel of the filtered account list: the list's own filters bound as they are. */
    @GetMapping("/export")
    ResponseEntity<byte[]> export(CurrentUser user, @ModelAttribute IdentityQueries.AccountFilter filter) {
        List<List<String>> rows = new ArrayList<>();
        for (var a : Downloads.allPages(p -> queries.accounts(user, filter, p))) {
            rows.add(List.of(a.username(), a.displayName(), a.organisationName(),
                    String.join("、", a.roles().stream().map(Enum::name).sorted().toList()),
                    a.enabled() ? "启用" : "停用", a.awaitingActivation() ? "是" : "否"));
        }
        return Downloads.xlsx(Sheets.write("账号", List.of("用户名", "姓名", "所属组织", "角色", "状态", "待本人设置密码"),
                rows), "账号.xlsx");
    }

    @GetMapping("/new")
    String newForm(CurrentUser user, Model model) {
        prepareForm(user, model);
        return "identity/account-new";
    }

    /**
     * Bound as {@code form}, the name the page reads, so a refused account shows its page again with what was typed. The
     * username and the name are required, as they were as single parameters.
     */
    @PostMapping
    String create(CurrentUser user, @Valid @ModelAttribute("form") AccountForm form, Model model, RedirectAttributes redirect) {
        try {
            if (Boolean.TRUE.equals(form.machine())) {
                var machine = administration.createMachine(user, form.username(), form.displayName(), form.organisationId());
                redirect.addFlashAttribute("notice", "机器账号 " + machine.username() + " 已开设：它没有密码、不能登录；"
                        + "经安全管理员授予渠道网关角色并签发令牌后，外部系统凭令牌调用接口。");
                return "redirect:/admin/accounts/" + machine.id();
            }
            var account = administration.create(user, new AccountAdministration.NewAccount(form.username(), form.displayName(),
                    form.organisationId(), form.mobile(), form.email()));
            redirect.addFlashAttribute("notice", "账号 " + account.username()
                    + " 已开设。激活码已发至本人的手机或邮箱（管理员看不到），本人激活并经安全管理员授予角色后即可登录。");
            return "redirect:/admin/accounts/" + account.id();
        } catch (ProblemException e) {
            prepareForm(user, model);
            model.addAttribute("error", e.getMessage());
            return "identity/account-new";
        }
    }

    @GetMapping("/{id}")
    String detail(CurrentUser user, @PathVariable Long id, Model model) {
        model.addAttribute("account", queries.account(user, id));
        model.addAttribute("grants", false);
        return "identity/account-detail";
    }

    @PostMapping("/{id}/disable")
    String disable(CurrentUser user, @PathVariable Long id, RedirectAttributes redirect) {
        return act(id, redirect, "账号已停用，该用户将无法登录。", () -> administration.disable(user, id));
    }

    @PostMapping("/{id}/enable")
    String enable(CurrentUser user, @PathVariable Long id, RedirectAttributes redirect) {
        return act(id, redirect, "账号已启用。", () -> administration.enable(user, id));
    }

    @PostMapping("/{id}/reset-password")
    String resetPassword(CurrentUser user, @PathVariable Long id, RedirectAttributes redirect) {
        return act(id, redirect, "密码已重置，原密码即刻失效；重置码已发至本人的手机或邮箱（管理员看不到），本人凭码设置新密码。",
                () -> administration.resetPassword(user, id));
    }

    private String act(Long id, RedirectAttributes redirect, String success, Runnable action) {
        try {
            action.run();
            redirect.addFlashAttribute("notice", success);
        } catch (ProblemException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/admin/accounts/" + id;
    }

    private void prepareForm(CurrentUser user, Model model) {
        model.addAttribute("organisations", queries.organisations(user));
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new AccountForm("", "", null, "", "", false));
        }
    }

    record AccountForm(@NotNull String username, @NotNull String displayName, Long organisationId, String mobile, String email,
                       Boolean machine) {
    }
}
