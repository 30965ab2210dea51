package cn.anju.evaluation;

import cn.anju.identity.CurrentUser;
import cn.anju.identity.FourEyes;
import cn.anju.identity.OrganisationType;
import cn.anju.shared.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What the pages need to offer only the steps a user may take now: the same questions {@link EvaluationScope} and the
 * services answer when refusing, asked beforehand so that a form is shown only to whom the service would accept it from
 * (the services still decide). Read only; it changes nothing.
 */
@Component
public class EvaluationActors {

    private final EvaluationScope scope;
    private final EvaluationRecords records;
    private final JdbcClient jdbc;
    private final Clock clock;

    EvaluationActors(EvaluationScope scope, EvaluationRecords records, JdbcClient jdbc, Clock clock) {
        this.scope = scope;
        this.records = records;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * The user's part in one evaluation: the district's purchaser, the engaged evaluator, the evaluated operator's
     * manager, a leader who may sign (did not submit or score), and whether the operator's window is open today.
     */
    public record Actor(boolean purchaser, boolean evaluator, boolean operator, boolean signer, boolean objectionsOpen) {
    }

    public Actor of(CurrentUser user, Evaluation e) {
        boolean leader = FourEyes.isLeaderOf(user, e.districtCode()) && !Objects.equals(e.submittedBy(), user.id())
                && !records.scorers(e.id()).contains(user.id());
        return new Actor(scope.isPurchaser(user, e.districtCode()), evaluator(user, e), operator(user, e), leader,
                e.objectionsOpen(LocalDate.now(clock)));
    }

    public boolean purchaser(CurrentUser user, String districtCode) {
        return scope.isPurchaser(user, districtCode);
    }

    /** The district's finance bureau, which records a settlement's payment. */
    public boolean finance(CurrentUser user, String districtCode) {
        return user.has(Role.FINANCE) && user.organisationType() == OrganisationType.DISTRICT_FINANCE && districtCode.equals(user.regionCode());
    }

    /** The manager of an operator: it files the financial reports of its contracts. */
    public boolean operatorManager(CurrentUser user) {
        return user.organisationType() == OrganisationType.OPERATOR && user.has(Role.OPERATOR_MANAGER) && user.organisationId() != null;
    }

    private boolean evaluator(CurrentUser user, Evaluation e) {
        try {
            scope.requireEvaluator(user, e);
            return true;
        } catch (RuntimeException notEngaged) {
            return false;
        }
    }

    private boolean operator(CurrentUser user, Evaluation e) {
        return operatorManager(user) && user.organisationId() == e.operatorId();
    }

    /**
     * When each evaluation last moved: the latest of its computation, scores, objections and their answers, deductions and
     * signature (an evaluation keeps no updated-at of its own); absent for one only opened.
     */
    public Map<Long, Instant> updated(Collection<Long> ids) {
        Map<Long, Instant> out = new HashMap<>();
        if (ids.isEmpty()) {
            return out;
        }
        jdbc.sql("""
                        select e.id, greatest(e.computed_at, e.finalized_at,
                               (select max(s.scored_at) from evaluation_score s where s.evaluation_id = e.id),
                               (select max(greatest(o.raised_at, o.decided_at)) from evaluation_objection o where o.evaluation_id = e.id),
                               (select max(d.recorded_at) from evaluation_deduction d where d.evaluation_id = e.id))
                          from evaluation e where e.id in (:ids)""")
                .param("ids", ids)
                .query(rs -> {
                    OffsetDateTime at = rs.getObject(2, OffsetDateTime.class);
                    if (at != null) {
                        out.put(rs.getLong(1), at.toInstant());
                    }
                });
        return out;
    }
}
