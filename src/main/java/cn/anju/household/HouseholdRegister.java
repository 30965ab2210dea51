package cn.anju.household;

import cn.anju.audit.AuditLog;
import cn.anju.audit.AuditOutcome;
import cn.anju.identity.CurrentUser;
import cn.anju.shared.privacy.ChineseIdNumber;
import cn.anju.shared.web.ProblemException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Registers eligible households with their members: the district's housing officers, one household at a time. */
@NamedInterface("api")
@Service
public class HouseholdRegister {

    private final JdbcClient jdbc;
    private final MemberIdentity identity;
    private final AuditLog audit;
    private final Clock clock;

    HouseholdRegister(JdbcClient jdbc, MemberIdentity identity, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.identity = identity;
        this.audit = audit;
        this.clock = clock;
    }

    public record NewMember(String name, Relationship relationship, String idNumber, String phone) {
    }

    public record NewHousehold(String districtCode, HouseholdCategory category, Set<String> specialGroups,
                               LocalDate registeredOn, List<NewMember> members) {
    }

    @Transactional
    public long register(CurrentUser actor, NewHousehold household) {
        GovernmentOnly.requireDistrictOfficer(actor, household.districtCode());
        long id = insert(household);
        audit.record(HouseholdAudit.HOUSEHOLD_REGISTER, "household", id, AuditOutcome.SUCCESS,
                Map.of("district", household.districtCode(), "members", household.members().size()));
        return id;
    }

    /** Validates and writes; used by {@link #register} and by the household import. */
    long insert(NewHousehold h) {
        if (h.members() == null || h.members().isEmpty()) {
            throw ProblemException.badRequest("MEMBERS_REQUIRED", "请至少登记一名家庭成员（户主）。");
        }
        if (h.members().stream().filter(m -> m.relationship() == Relationship.HEAD).count() != 1) {
            throw ProblemException.badRequest("ONE_HEAD_REQUIRED", "每户须有且只有一名户主。");
        }
        Set<String> seen = new HashSet<>();
        for (NewMember m : h.members()) {
            if (m.name() == null || m.name().isBlank()) {
                throw ProblemException.badRequest("MEMBER_NAME_REQUIRED", "请填写每位成员的姓名。");
            }
            if (!seen.add(ChineseIdNumber.normalise(m.idNumber()))) {
                throw ProblemException.badRequest("DUPLICATE_MEMBER", "同一身份证号在本户中重复登记。");
            }
        }
        long id = jdbc.sql("""
                        insert into household (district_code, category, special_groups, registered_on, created_at)
                        values (?, ?, ?, ?, ?) returning id""")
                .params(h.districtCode(), h.category().name(),
                        (h.specialGroups() == null ? Set.<String>of() : h.specialGroups()).toArray(String[]::new),
                        h.registeredOn(), Timestamp.from(clock.instant()))
                .query(Long.class).single();
        for (NewMember m : h.members()) {
            MemberIdentity.Sealed sealed = identity.seal(m.idNumber(), m.phone());
            boolean registered = jdbc.sql("select count(*) from household_member where id_number_index = any(?)")
                    .param(identity.idNumberIndexes(m.idNumber())).query(Long.class).single() > 0;
            if (registered) {
                throw ProblemException.conflict("MEMBER_ALREADY_REGISTERED", "成员“" + m.name() + "”的身份证号已登记在其他保障家庭中。");
            }
            jdbc.sql("""
                            insert into household_member (household_id, name, relationship, id_number, id_number_index,
                                   phone, phone_index, phone_last4_index, birth_date)
                            values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(id, m.name().trim(), m.relationship().name(), sealed.idNumber(), sealed.idNumberIndex(),
                            sealed.phone(), sealed.phoneIndex(), sealed.phoneLast4Index(),
                            ChineseIdNumber.birthDate(ChineseIdNumber.normalise(m.idNumber())).orElseThrow())
                    .update();
        }
        return id;
    }
}
