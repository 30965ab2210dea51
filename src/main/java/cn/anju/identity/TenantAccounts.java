package cn.anju.identity;

import cn.anju.audit.AuditLog;
import cn.anju.audit.AuditOutcome;
import cn.anju.shared.Role;
import cn.anju.shared.web.ProblemException;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Tenant accounts, opened by the household member after proving who they are (the household module checks the ID
 * number, the phone on record and a one-time code). The account sees that household only.
 */
@NamedInterface("api")
@Service
public class TenantAccounts {

    private final UserAccounts accounts;
    private final Organisations organisations;
    private final AccountAdministration administration;
    private final AuditLog audit;

    TenantAccounts(UserAccounts accounts, Organisations organisations, AccountAdministration administration, AuditLog audit) {
        this.accounts = accounts;
        this.organisations = organisations;
        this.administration = administration;
        this.audit = audit;
    }

    /** The household member a tenant account belongs to. */
    public Optional<Long> memberOf(long userId) {
        return accounts.findById(userId).map(UserAccount::householdMemberId);
    }

    public boolean hasAccount(long memberId) {
        return accounts.findByHouseholdMemberId(memberId).isPresent();
    }

    @Transactional
    public long open(String username, String displayName, String districtCode, long householdId, long memberId,
                     String password) {
        return open(username, displayName, districtCode, householdId, memberId, password, true);
    }

    /** {@code refuseCommonPasswords} false only for the demo's own tenant account (password Demo@2026). */
    @Transactional
    long open(String username, String displayName, String districtCode, long householdId, long memberId,
              String password, boolean refuseCommonPasswords) {
        if (hasAccount(memberId)) {
            throw ProblemException.conflict("TENANT_ACCOUNT_EXISTS", "您已开通账号，可直接登录或找回密码。");
        }
        Organisation bureau = organisations.findByType(OrganisationType.DISTRICT_HOUSING).stream()
                .filter(o -> districtCode.equals(o.regionCode())).findFirst()
                .orElseThrow(() -> ProblemException.conflict("DISTRICT_BUREAU_MISSING", "本区县尚未登记住房保障部门，暂不能开通账号。"));
        UserAccount account = administration.open(new AccountAdministration.OpenAccount(username, displayName, bureau.id(),
                Set.of(Role.TENANT), Set.of(), password), false, refuseCommonPasswords);
        account.linkToHousehold(householdId, memberId);
        UserAccount saved = accounts.save(account);
        audit.recordAnonymous(IdentityAudit.TENANT_ACCOUNT_OPEN, "app_user", saved.id(), AuditOutcome.SUCCESS,
                Map.of("household", householdId));
        return saved.id();
    }

    @Transactional
    public void resetPassword(long memberId, String newPassword) {
        UserAccount account = accounts.findByHouseholdMemberId(memberId).orElseThrow(() -> ProblemException.notFound("TENANT_ACCOUNT_MISSING", "您尚未开通账号。"));
        administration.setOwnPassword(account, newPassword);
        audit.recordAnonymous(IdentityAudit.TENANT_PASSWORD_RESET, "app_user", account.id(), AuditOutcome.SUCCESS, Map.of());
    }
}
