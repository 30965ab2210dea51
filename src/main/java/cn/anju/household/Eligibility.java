package cn.anju.household;

import cn.anju.audit.AuditLog;
import cn.anju.audit.AuditOutcome;
import cn.anju.identity.CurrentUser;
import cn.anju.shared.events.ResidentEvent;
import cn.anju.shared.state.StateChange;
import cn.anju.shared.state.StateChanges;
import cn.anju.shared.web.ProblemException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Eligibility decisions (资格认定): decided, extended, suspended, reinstated and revoked by the household's own
 * district only. A decision is never overwritten: an extension is a new decision following the old one, and every
 * status change is recorded with its reason.
 */
@NamedInterface("api")
@Service
public class Eligibility {

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Clock clock;
    private final StateChanges changes;

    private final ApplicationEventPublisher events;

    Eligibility(JdbcClient jdbc, AuditLog audit, Clock clock, StateChanges changes, ApplicationEventPublisher events) {
        this.events = events;
        this.changes = changes;
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    public record NewDecision(String decisionNumber, String issuingBureau, LocalDate decidedOn, LocalDate validFrom,
                              LocalDate validTo, BigDecimal approvedArea, RentTier rentTier, Long follows) {
    }

    @Transactional
    public long decide(CurrentUser actor, long householdId, NewDecision d) {
        String district = districtOf(householdId);
        GovernmentOnly.requireDistrictOfficer(actor, district);
        long id = insert(householdId, district, d, actor.id());
        audit.record(HouseholdAudit.ELIGIBILITY_DECIDE, "eligibility_decision", id, AuditOutcome.SUCCESS,
                Map.of("household", householdId, "validTo", d.validTo().toString(), "tier", d.rentTier().name(),
                        "follows", d.follows() == null ? "" : d.follows().toString()));
        return id;
    }

    long insert(long householdId, String district, NewDecision d, long createdBy) {
        if (d.decisionNumber() == null || d.decisionNumber().isBlank()) {
            throw ProblemException.badRequest("DECISION_NUMBER_REQUIRED", "请填写资格认定文号。");
        }
        if (d.decidedOn() == null || d.validFrom() == null || d.validTo() == null) {
            throw ProblemException.badRequest("DECISION_DATES_REQUIRED", "请填写认定日期和有效期起止日期。");
        }
        if (!d.validTo().isAfter(d.validFrom())) {
            throw ProblemException.badRequest("DECISION_DATES_INVERTED", "有效期截止日期须晚于起始日期。");
        }
        if (d.approvedArea() == null || d.approvedArea().signum() <= 0 || d.rentTier() == null) {
            throw ProblemException.badRequest("DECISION_TERMS_REQUIRED", "请填写核准的住房面积和租金档次。");
        }
        if (d.follows() != null) {
            Long sameHousehold = jdbc.sql("select household_id from eligibility_decision where id = ?").param(d.follows())
                    .query(Long.class).optional().orElse(null);
            if (sameHousehold == null || sameHousehold != householdId) {
                throw ProblemException.badRequest("FOLLOWS_OTHER_HOUSEHOLD", "延续的原认定不属于该户。");
            }
        }
        boolean taken = jdbc.sql("select count(*) from eligibility_decision where decision_number = ?")
                .param(d.decisionNumber().trim()).query(Long.class).single() > 0;
        if (taken) {
            throw ProblemException.conflict("DECISION_NUMBER_TAKEN", "资格认定文号已存在：" + d.decisionNumber().trim());
        }
        long id = jdbc.sql("""
                        insert into eligibility_decision (household_id, district_code, decision_number, issuing_bureau,
                               decided_on, valid_from, valid_to, approved_area, rent_tier, status, follows_id, created_by,
                               created_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, 'VALID', ?, ?, ?) returning id""")
                .params(householdId, district, d.decisionNumber().trim(), d.issuingBureau(), d.decidedOn(), d.validFrom(),
                        d.validTo(), d.approvedArea(), d.rentTier().name(), d.follows(), createdBy,
                        Timestamp.from(clock.instant()))
                .query(Long.class).single();
        // decided one by one or imported: each goes into the household's resident file
        events.publishEvent(new ResidentEvent(householdId, "ELIGIBILITY_DECIDED",
                "资格认定 " + d.decisionNumber().trim(), "有效期 " + d.validFrom() + " 至 " + d.validTo(),
                "eligibility_decision", id, createdBy, decidedAt(d.decidedOn())));
        return id;
    }

    /** The timeline places a decision on the day it was made (an import of older decisions keeps their order). */
    private Instant decidedAt(LocalDate decidedOn) {
        Instant day = decidedOn.atTime(9, 0).atZone(clock.getZone()).toInstant();
        return day.isBefore(clock.instant()) ? day : clock.instant();
    }

    /** Suspends, reinstates or revokes, as the status table allows, with the reason recorded. */
    @Transactional
    public void changeStatus(CurrentUser actor, long decisionId, EligibilityStatus to, String reason) {
        EligibilityDecision d = jdbc.sql("select id, household_id, district_code, status, version from eligibility_decision where id = ?")
                .param(decisionId)
                .query((rs, n) -> new EligibilityDecision(rs.getLong(1), rs.getLong(2), rs.getString(3), EligibilityStatus.valueOf(rs.getString(4)),
                        rs.getInt(5)))
                .optional().orElseThrow(() -> ProblemException.notFound("DECISION_NOT_FOUND", "资格认定不存在。"));
        GovernmentOnly.requireDistrictOfficer(actor, d.district());
        if (to == null || to == EligibilityStatus.EXPIRED) {
            throw ProblemException.badRequest("STATUS_NOT_SETTABLE", "只能暂停、恢复或撤销资格；到期由系统按有效期判定。");
        }
        if (reason == null || reason.isBlank()) {
            throw ProblemException.badRequest("REASON_REQUIRED", "请填写原因。");
        }
        String why = reason.trim();
        StateChange<EligibilityStatus> change = switch (to) {
            case SUSPENDED -> d.suspend(why);
            case VALID -> d.reinstate(why);
            default -> d.revoke(why);
        };
        changes.apply(change, c -> {
            jdbc.sql("insert into eligibility_status_change (decision_id, from_status, to_status, reason, changed_by, changed_at) values (?, ?, ?, ?, ?, ?)")
                    .params(decisionId, c.from().name(), c.to().name(), why, actor.id(), Timestamp.from(clock.instant())).update();
            events.publishEvent(new ResidentEvent(d.household(), "ELIGIBILITY_" + to.name(),
                    "保障资格" + switch (to) {
                        case SUSPENDED -> "暂停";
                        case REVOKED -> "撤销";
                        case VALID -> "恢复";
                        default -> "变更";
                    }, why, "eligibility_decision", decisionId, actor.id(), clock.instant()));
            audit.record(HouseholdAudit.ELIGIBILITY_STATUS, "eligibility_decision", decisionId, AuditOutcome.SUCCESS,
                    Map.of("from", c.from().name(), "to", c.to().name()));
        });
    }

    /** A decision in force on the day: status valid and the day inside its period. */
    public record InForce(long decisionId, RentTier rentTier, LocalDate validTo) {
    }

    public Optional<InForce> inForce(long householdId, LocalDate day) {
        return jdbc.sql("""
                        select id, rent_tier, valid_to from eligibility_decision
                         where household_id = ? and status = 'VALID' and valid_from <= ? and valid_to >= ?
                         order by valid_to desc limit 1""")
                .params(householdId, Date.valueOf(day), Date.valueOf(day))
                .query((rs, n) -> new InForce(rs.getLong(1), RentTier.valueOf(rs.getString(2)), rs.getObject(3, LocalDate.class)))
                .optional();
    }

    /** Of the given households, those with no decision in force on the day (one query for a whole batch). */
    public Set<Long> withoutDecisionInForce(Collection<Long> householdIds, LocalDate day) {
        if (householdIds.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.sql("""
                        select h from unnest(?::bigint[]) h
                         where not exists (select 1 from eligibility_decision d where d.household_id = h and d.status = 'VALID'
                                             and d.valid_from <= ? and d.valid_to >= ?)""")
                .params(householdIds.toArray(Long[]::new), Date.valueOf(day), Date.valueOf(day))
                .query(Long.class).list());
    }

    String districtOf(long householdId) {
        return jdbc.sql("select district_code from household where id = ?").param(householdId).query(String.class)
                .optional().orElseThrow(() -> ProblemException.notFound("HOUSEHOLD_NOT_FOUND", "保障家庭不存在。"));
    }
}
