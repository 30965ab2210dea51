package cn.anju.feedback;

import cn.anju.audit.AuditLog;
import cn.anju.audit.AuditOutcome;
import cn.anju.contract.HandoverSource;
import cn.anju.shared.state.States;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;

/**
 * Complaints and other cases the outgoing operator still holds in an ended contract's place; handing over gives each
 * to the successor's operator (or the district's queue) with no handler, so the receiver assigns it anew.
 */
@Component
class FeedbackHandover implements HandoverSource {

    private static final String[] DONE = States.names(FeedbackState.FINISHED);

    private final JdbcClient jdbc;
    private final AuditLog audit;

    FeedbackHandover(JdbcClient jdbc, AuditLog audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    @Override
    public List<Line> open(Place place) {
        List<Long> ids = ids(place);
        return List.of(new Line("FEEDBACK_CASES", "未办结的投诉建议", ids.size(), null, ids));
    }

    @Override
    public int handOver(Place place, Long receiverOperatorId, long actorId) {
        List<Long> ids = ids(place);
        if (ids.isEmpty()) {
            return 0;
        }
        int moved = jdbc.sql("update feedback_case set operator_id = ?, handler_id = null, version = version + 1 where id = any(?)")
                .params(receiverOperatorId, ids.toArray(Long[]::new)).update();
        audit.record(FeedbackAudit.FEEDBACK_HANDED_OVER, "feedback_case", ids.getFirst(), AuditOutcome.SUCCESS,
                Map.of("cases", moved, "from", place.operatorId(), "to", receiverOperatorId == null ? "district" : receiverOperatorId));
        return moved;
    }

    private List<Long> ids(Place place) {
        return jdbc.sql("""
                        select id from feedback_case where operator_id = ? and district_code = ? and (? or project_id = any(?))
                           and state <> all(?) order by id""")
                .params(place.operatorId(), place.districtCode(), place.wholeDistrict(), place.projects(), DONE).query(Long.class).list();
    }
}
