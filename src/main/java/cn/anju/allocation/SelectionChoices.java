package cn.anju.allocation;

import cn.anju.audit.AuditLog;
import cn.anju.audit.AuditOutcome;
import cn.anju.housing.HousingStock;
import cn.anju.identity.CurrentUser;
import cn.anju.shared.Role;
import cn.anju.shared.events.ResidentEvent;
import cn.anju.shared.web.ProblemException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/**
 * Choosing in the drawn order (选房): the operator's clerk or the district officer records, for the next applicant,
 * the unit chosen, a skip or a no-show. A unit is chosen once: the unit's guarded reservation and a unique index
 * make the second of two simultaneous choices fail with a clear message.
 */
@NamedInterface("api")
@Service
public class SelectionChoices {

    public enum Outcome { CHOSEN, SKIPPED, NO_SHOW }

    private final JdbcClient jdbc;
    private final SelectionRounds rounds;
    private final HousingStock housing;
    private final AuditLog audit;
    private final Clock clock;

    private final ApplicationEventPublisher events;

    SelectionChoices(JdbcClient jdbc, SelectionRounds rounds, HousingStock housing, AuditLog audit, Clock clock,
                     ApplicationEventPublisher events) {
        this.events = events;
        this.jdbc = jdbc;
        this.rounds = rounds;
        this.housing = housing;
        this.audit = audit;
        this.clock = clock;
    }

    /** What a household chose in a round: for the lease that follows. */
    public record Chosen(long householdId, long unitId, String districtCode) {
    }

    public Optional<Chosen> chosen(long applicantId) {
        return jdbc.sql("""
                        select a.household_id, a.unit_id, r.district_code from selection_applicant a
                          join selection_round r on r.id = a.round_id where a.id = ? and a.outcome = 'CHOSEN'""")
                .param(applicantId)
                .query((rs, n) -> new Chosen(rs.getLong(1), rs.getLong(2), rs.getString(3))).optional();
    }

    @Transactional
    public void record(CurrentUser actor, long roundId, long applicantId, Outcome outcome, Long unitId) {
        SelectionRound round = rounds.round(roundId);
        rounds.requireReader(actor, round.district());
        if (!actor.hasAny(Role.GOV_ADMIN, Role.GOV_OFFICER, Role.OPERATOR_MANAGER, Role.OPERATOR_STAFF)) {
            throw ProblemException.forbidden("CHOICE_FORBIDDEN", "您的角色不能登记选房结果。");
        }
        round.require(SelectionRound.Status.DRAWN, "只有已开奖的轮次可以登记选房。");
        Long next = jdbc.sql("select id from selection_applicant where round_id = ? and outcome is null order by position limit 1")
                .param(roundId).query(Long.class).optional().orElse(null);
        if (next == null || next != applicantId) {
            throw ProblemException.conflict("NOT_THEIR_TURN", "请按摇号顺序办理：当前应由排在最前的未选家庭选房。");
        }
        if (outcome == Outcome.CHOSEN) {
            if (unitId == null) {
                throw ProblemException.badRequest("UNIT_REQUIRED", "请选择房源。");
            }
            boolean inPool = jdbc.sql("select count(*) from selection_round_unit where round_id = ? and unit_id = ?")
                    .params(roundId, unitId).query(Long.class).single() > 0;
            if (!inPool) {
                throw ProblemException.badRequest("UNIT_NOT_IN_POOL", "该房源不在本轮次的房源池中。");
            }
            if (!housing.reserveChosen(unitId, actor.id(), "选房轮次 " + roundId)) {
                throw ProblemException.conflict("UNIT_ALREADY_CHOSEN", "该房源刚被选定，请选择其他房源。");
            }
        }
        try {
            int changed = jdbc.sql("""
                            update selection_applicant set outcome = ?, unit_id = ?, decided_by = ?, decided_at = ?
                             where id = ? and outcome is null""")
                    .params(outcome.name(), outcome == Outcome.CHOSEN ? unitId : null, actor.id(),
                            Timestamp.from(clock.instant()), applicantId)
                    .update();
            if (changed == 0) {
                throw ProblemException.conflict("ALREADY_RECORDED", "该家庭的选房结果刚被他人登记，请刷新。");
            }
        } catch (DuplicateKeyException e) {
            throw ProblemException.conflict("UNIT_ALREADY_CHOSEN", "该房源刚被选定，请选择其他房源。");
        }
        long household = jdbc.sql("select household_id from selection_applicant where id = ?").param(applicantId).query(Long.class).single();
        String title = switch (outcome) {
            case CHOSEN -> "选房：选定 " + housing.describe(unitId).label();
            case SKIPPED -> "选房：放弃本轮选房";
            case NO_SHOW -> "选房：未到场";
        };
        events.publishEvent(new ResidentEvent(household, "SELECTION_" + outcome.name(), title, "选房轮次 " + roundId,
                "selection_applicant", applicantId, actor.id(), clock.instant()));
        audit.record(AllocationAudit.SELECTION_CHOICE, "selection_applicant", applicantId, AuditOutcome.SUCCESS,
                Map.of("round", roundId, "outcome", outcome.name(), "unit", unitId == null ? "" : unitId.toString()));
    }
}
