package cn.anju.identity;

import cn.anju.audit.AuditLog;
import cn.anju.audit.AuditOutcome;
import cn.anju.shared.web.ProblemException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.Map;

/**
 * The person's side of a staff account: with the one-time code that reached their own mobile or e-mail they set a
 * password only they know (a new account, or after a reset). A refused password leaves the code usable; a wrong
 * code counts against its tries.
 */
@Service
public class AccountActivation {

    private final AccountCodes codes;
    private final AccountAdministration administration;
    private final AuditLog audit;
    private final TransactionTemplate tx;

    AccountActivation(AccountCodes codes, AccountAdministration administration, AuditLog audit, TransactionTemplate tx) {
        this.codes = codes;
        this.administration = administration;
        this.audit = audit;
        this.tx = tx;
    }

    /** Sets the password; returns whether the account can sign in now (false while it waits for its roles). */
    public boolean activate(String username, String code, String password, String confirmation) {
        if (password == null || !password.equals(confirmation)) {
            throw ProblemException.badRequest("PASSWORD_CONFIRMATION_MISMATCH", "两次输入的新密码不一致。");
        }
        AccountCodes.Verified verified = codes.verify(username, code);
        Boolean ready = tx.execute(s -> {
            UserAccount account = administration.account(verified.accountId());
            administration.setOwnPassword(account, password);
            codes.spend(verified.codeId());
            audit.recordAnonymous(IdentityAudit.ACCOUNT_ACTIVATE, "app_user", account.id(), AuditOutcome.SUCCESS, Map.of());
            return administration.account(account.id()).canSignIn();
        });
        return Boolean.TRUE.equals(ready);
    }
}
