package cn.anju.identity;

import cn.anju.shared.web.ProblemException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;

/**
 * API tokens of machine accounts, issued by the security administrator (三员分立: the system administrator opens the
 * account, the security administrator grants its role and issues its token). A machine has no password and cannot
 * sign in to issue its own; the token is shown once to the administrator, who hands it to the outside system.
 */
@Service
public class MachineTokens {

    private final AccountAdministration administration;
    private final ApiTokens tokens;

    MachineTokens(AccountAdministration administration, ApiTokens tokens) {
        this.administration = administration;
        this.tokens = tokens;
    }

    @Transactional
    public ApiTokens.IssuedToken issue(CurrentUser actor, Long accountId, String name, int days) {
        UserAccount machine = machine(actor, accountId);
        if (!machine.canUseTokens()) {
            throw ProblemException.conflict("MACHINE_ACCOUNT_NOT_READY", "该机器账号已停用或尚未授予角色：请先授予渠道网关角色并启用。");
        }
        return tokens.issueFor(machine.id(), name, days);
    }

    public List<ApiTokens.TokenRow> list(CurrentUser actor, Long accountId) {
        return tokens.listFor(machine(actor, accountId).id());
    }

    @Transactional
    public void revoke(CurrentUser actor, Long accountId, Long tokenId) {
        tokens.revokeFor(machine(actor, accountId).id(), tokenId);
    }

    private UserAccount machine(CurrentUser actor, Long accountId) {
        RoleGrants.requireSecurityAdmin(actor);
        UserAccount account = administration.account(accountId);
        if (!account.machine()) {
            throw ProblemException.conflict("NOT_A_MACHINE_ACCOUNT", "只能为机器账号签发令牌；人员登录后在“我的令牌”中自行签发。");
        }
        return account;
    }
}
