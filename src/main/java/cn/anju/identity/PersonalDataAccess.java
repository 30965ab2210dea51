package cn.anju.identity;

import cn.anju.audit.AuditLog;
import cn.anju.audit.AuditOutcome;
import cn.anju.shared.Role;
import cn.anju.shared.web.ProblemException;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The one way to show personal data unmasked. Pages show masks by default; revealing the full value is an
 * explicit act of a role that needs it, on a record the caller's module has already loaded within scope, and
 * every reveal (granted or refused) is written to the audit log. The separated administrators, finance and
 * third parties never see it.
 */
@NamedInterface("api")
@Service
public class PersonalDataAccess {

    private static final Set<Role> MAY_REVEAL = EnumSet.of(Role.GOV_ADMIN, Role.GOV_OFFICER, Role.OPERATOR_MANAGER,
            Role.OPERATOR_STAFF, Role.TENANT);

    private final AuditLog audit;

    PersonalDataAccess(AuditLog audit) {
        this.audit = audit;
    }

    public static boolean mayReveal(CurrentUser user) {
        return user.roles().stream().anyMatch(MAY_REVEAL::contains)
                && user.roles().stream().noneMatch(UserAccount.SEPARATED_ADMINISTRATORS::contains);
    }

    /**
     * Returns the full value and records who saw which field of which record.
     *
     * @param targetType e.g. {@code household_member}
     * @param targetId   the record's id (never the value itself)
     * @param field      e.g. {@code id_number}
     */
    public String reveal(CurrentUser user, String targetType, Object targetId, String field, Supplier<String> value) {
        if (!mayReveal(user)) {
            audit.recordIndependently(IdentityAudit.PII_REVEAL, targetType, targetId, AuditOutcome.DENIED, Map.of("field", field));
            throw ProblemException.forbidden("PERSONAL_DATA_FORBIDDEN", "您的角色不能查看完整的个人信息。");
        }
        String plain = value.get();
        audit.recordIndependently(IdentityAudit.PII_REVEAL, targetType, targetId, AuditOutcome.SUCCESS, Map.of("field", field));
        return plain;
    }
}
