package cn.anju.household;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;

/**
 * Writes households, decisions and change reports without a signed-in officer: for the demo data only. The same
 * validation as the officer's path applies ({@link HouseholdRegister}). No web path reaches this class.
 */
@NamedInterface("api")
@Service
public class HouseholdSeeding {

    private final JdbcClient jdbc;
    private final HouseholdRegister register;
    private final Eligibility eligibility;
    private final Clock clock;

    HouseholdSeeding(JdbcClient jdbc, HouseholdRegister register, Eligibility eligibility, Clock clock) {
        this.jdbc = jdbc;
        this.register = register;
        this.eligibility = eligibility;
        this.clock = clock;
    }

    public long headMemberId(long householdId) {
        return jdbc.sql("select id from household_member where household_id = ? and relationship = 'HEAD'")
                .param(householdId).query(Long.class).single();
    }

    public long householdCount() {
        return jdbc.sql("select count(*) from household").query(Long.class).single();
    }

    @Transactional
    public long household(HouseholdRegister.NewHousehold household) {
        return register.insert(household);
    }

    /** A decision as the district decided it, with its status as it stands now (e.g. revoked, with the reason). */
    @Transactional
    public long decision(long householdId, Eligibility.NewDecision decision, EligibilityStatus status, String reason,
                         long officerId) {
        long id = eligibility.insert(householdId, eligibility.districtOf(householdId), decision, officerId);
        if (status != EligibilityStatus.VALID) {
            jdbc.sql("update eligibility_decision set status = ?, status_reason = ? where id = ?")
                    .params(status.name(), reason, id).update();
            jdbc.sql("insert into eligibility_status_change (decision_id, from_status, to_status, reason, changed_by, changed_at) values (?, 'VALID', ?, ?, ?, ?)")
                    .params(id, status.name(), reason, officerId, Timestamp.from(clock.instant())).update();
        }
        return id;
    }

    @Transactional
    public void report(long householdId, ChangeReportKind kind, String description, long reporterId, Instant at,
                       Boolean accepted, Long officerId) {
        jdbc.sql("""
                        insert into change_report (household_id, district_code, kind, description, status, reported_by,
                               reported_at, decided_by, decided_at, decision_note)
                        select id, district_code, ?, ?, ?, ?, ?, ?, ?, ? from household where id = ?""")
                .params(kind.name(), description, accepted == null ? "PENDING" : accepted ? "ACCEPTED" : "REJECTED",
                        reporterId, Timestamp.from(at), accepted == null ? null : officerId,
                        accepted == null ? null : Timestamp.from(at.plusSeconds(86_400)),
                        accepted == null ? null : accepted ? "已核实，转入资格复核" : "经核实情况不符", householdId)
                .update();
    }
}
