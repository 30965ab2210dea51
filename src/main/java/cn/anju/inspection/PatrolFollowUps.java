package cn.anju.inspection;

import cn.anju.identity.CurrentUser;
import cn.anju.maintenance.Category;
import cn.anju.maintenance.ScopeGuard;
import cn.anju.maintenance.WorkOrders;
import cn.anju.maintenance.WorkType;
import cn.anju.shared.web.ProblemException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * What follows a failed checklist item, in one step and once per item: a work order of its project (and building)
 * carrying its photos, or a violation case about a lease with its photos as the first evidence.
 */
@Service
public class PatrolFollowUps {

    private final JdbcClient jdbc;
    private final PatrolTasks tasks;
    private final WorkOrders workOrders;
    private final ViolationCases cases;
    private final CaseEvidence evidence;

    PatrolFollowUps(JdbcClient jdbc, PatrolTasks tasks, WorkOrders workOrders, ViolationCases cases, CaseEvidence evidence) {
        this.jdbc = jdbc;
        this.tasks = tasks;
        this.workOrders = workOrders;
        this.cases = cases;
        this.evidence = evidence;
    }

    private record Failed(long id, long taskId, String item, String note, long project, Long building, String district,
                          OffsetDateTime recordedAt, BigDecimal latitude, BigDecimal longitude, Long workOrder, Long caseId) {
    }

    private Failed failed(CurrentUser actor, long taskId, long resultId) {
        tasks.load(actor, taskId);
        Failed f = jdbc.sql("""
                        select r.id, r.task_id, r.item, r.note, t.project_id, p.building_id, t.district_code, r.recorded_at, t.latitude, t.longitude,
                               r.work_order_id, r.case_id
                          from patrol_item_result r join patrol_task t on t.id = r.task_id join patrol_plan p on p.id = t.plan_id
                         where r.id = ? and r.task_id = ? and r.result = 'FAIL'""")
                .params(resultId, taskId)
                .query((rs, n) -> new Failed(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getLong(5), (Long) rs.getObject(6),
                        rs.getString(7), rs.getObject(8, OffsetDateTime.class), rs.getBigDecimal(9), rs.getBigDecimal(10),
                        (Long) rs.getObject(11), (Long) rs.getObject(12)))
                .optional().orElseThrow(() -> ProblemException.notFound("PATROL_FAILED_ITEM_NOT_FOUND", "没有该不合格检查项。"));
        if (f.workOrder() != null || f.caseId() != null) {
            throw ProblemException.conflict("PATROL_ITEM_FOLLOWED_UP", "该检查项已生成" + (f.workOrder() != null ? "维修工单" : "违规案件") + "。");
        }
        return f;
    }

    private record StoredPhoto(String key, String sha256, long size, String type, String name) {
    }

    private List<StoredPhoto> storedPhotos(long resultId) {
        return jdbc.sql("select file_key, sha256, size_bytes, content_type, original_name from patrol_photo where result_id = ? order by id")
                .param(resultId).query((rs, n) -> new StoredPhoto(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getString(4), rs.getString(5)))
                .list();
    }

    /** The failed item becomes a work order of its project (and building), carrying its photos. */
    @Transactional
    public long toWorkOrder(CurrentUser actor, long taskId, long resultId, Category category, WorkType workType, WorkOrders.Priority priority) {
        PatrolTasks.requireInspector(actor);
        Failed f = failed(actor, taskId, resultId);
        long order = workOrders.fromPatrol(actor, new WorkOrders.Request(f.project(), f.building(), null, category, ScopeGuard.Location.COMMON,
                        workType, priority, "巡查发现：" + f.item() + "——" + f.note(), null),
                storedPhotos(resultId).stream().map(p -> new WorkOrders.CarriedFile(p.key(), p.sha256(), p.size(), p.type(), p.name())).toList());
        jdbc.sql("update patrol_item_result set work_order_id = ? where id = ?").params(order, resultId).update();
        return order;
    }

    /** The failed item becomes a violation case about a lease (a unit's household), its photos the case's first evidence. */
    @Transactional
    public long toCase(CurrentUser actor, long taskId, long resultId, String leaseNumber, CaseType type, String facts) {
        PatrolTasks.requireInspector(actor);
        Failed f = failed(actor, taskId, resultId);
        long caseId = cases.open(actor, new ViolationCases.Opening(null, leaseNumber, type,
                facts == null || facts.isBlank() ? "巡查发现：" + f.item() + "——" + f.note() : facts, ViolationCases.CaseSource.PATROL));
        for (StoredPhoto p : storedPhotos(resultId)) {
            evidence.carry(actor, caseId, "巡查照片：" + f.item(), f.recordedAt().toInstant(), null, f.latitude(), f.longitude(),
                    p.key(), p.sha256(), p.size(), p.type(), p.name());
        }
        jdbc.sql("update patrol_item_result set case_id = ? where id = ?").params(caseId, resultId).update();
        return caseId;
    }
}
