package cn.anju.inspection;

import cn.anju.audit.AuditLog;
import cn.anju.audit.AuditOutcome;
import cn.anju.housing.HousingStock;
import cn.anju.identity.CurrentUser;
import cn.anju.identity.DataScopes;
import cn.anju.identity.ScopeFilter;
import cn.anju.shared.Role;
import cn.anju.shared.web.ProblemException;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.NamedInterface;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Patrol plans (巡查计划): a project (or one building), a checklist and how often, made by an operator manager or a
 * government officer. The daily job (ShedLock) makes each plan's tasks up to today — one per plan and due day, so a
 * rerun or a second node adds nothing — and marks as MISSED the tasks whose deadline passed undone.
 */
@NamedInterface("api")
@Service
public class PatrolPlans {

    /** The longest checklist a plan may have (the table's check says the same). */
    public static final int MAX_CHECKLIST_ITEMS = 50;

    private final JdbcClient jdbc;
    private final DataScopes scopes;
    private final TransactionTemplate tx;
    private final AuditLog audit;
    private final Clock clock;
    private final HousingStock housing;

    PatrolPlans(JdbcClient jdbc, DataScopes scopes, TransactionTemplate tx, AuditLog audit, Clock clock, HousingStock housing) {
        this.housing = housing;
        this.jdbc = jdbc;
        this.scopes = scopes;
        this.tx = tx;
        this.audit = audit;
        this.clock = clock;
    }

    public record NewPlan(Long projectId, Long buildingId, String name, Integer everyDays, List<String> checklist, LocalDate firstDueOn) {
    }

    public record Plan(long id, String districtCode, long projectId, String projectName, Long buildingId, String name, int everyDays,
                       List<String> checklist, LocalDate nextDueOn, boolean active) {
    }

    @Transactional
    public long create(CurrentUser actor, NewPlan p) {
        if (!actor.hasAny(Role.OPERATOR_MANAGER, Role.GOV_ADMIN, Role.GOV_OFFICER)) {
            throw ProblemException.forbidden("PATROL_PLAN_FORBIDDEN", "巡查计划由承接主体负责人或住房保障部门制定。");
        }
        if (p == null || p.projectId() == null || p.name() == null || p.name().isBlank()) {
            throw ProblemException.badRequest("PATROL_PLAN_INCOMPLETE", "请选择项目并填写计划名称。");
        }
        if (p.everyDays() == null || p.everyDays() < 1 || p.everyDays() > 366) {
            throw ProblemException.badRequest("PATROL_PLAN_FREQUENCY", "巡查频次应为每1到366天一次。");
        }
        List<String> items = p.checklist() == null ? List.of() : p.checklist().stream().filter(i -> i != null && !i.isBlank()).map(String::trim).toList();
        if (items.isEmpty() || items.size() > MAX_CHECKLIST_ITEMS) {
            throw ProblemException.badRequest("PATROL_CHECKLIST", "检查项目应为1到50项，每项一行。");
        }
        String district = housing.projectDistrict(p.projectId())
                .filter(d -> scopes.of(actor).coversProject(d, p.projectId()))
                .orElseThrow(() -> ProblemException.notFound("PROJECT_NOT_FOUND", "项目不存在或不在您的服务范围内。"));
        if (p.buildingId() != null && !housing.buildingInProject(p.buildingId(), p.projectId())) {
            throw ProblemException.badRequest("BUILDING_NOT_IN_PROJECT", "所选楼栋不属于该项目。");
        }
        LocalDate first = p.firstDueOn() == null ? LocalDate.now(clock) : p.firstDueOn();
        long id = jdbc.sql("""
                        insert into patrol_plan (district_code, project_id, building_id, name, every_days, checklist, first_due_on, next_due_on,
                               created_by, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(district, p.projectId(), p.buildingId(), p.name().trim(), p.everyDays(), items.toArray(String[]::new),
                        Date.valueOf(first), Date.valueOf(first), actor.id(), Timestamp.from(clock.instant()))
                .query(Long.class).single();
        audit.record(InspectionAudit.PATROL_PLAN_CREATE, "patrol_plan", id, AuditOutcome.SUCCESS, Map.of("project", p.projectId(), "items", items.size()));
        return id;
    }

    public List<Plan> list(CurrentUser user) {
        PatrolTasks.requireStaff(user);
        ScopeFilter scope = scopes.filter(user, new ScopeFilter.Columns("p.district_code", "p.project_id", null));
        return jdbc.sql("""
                        select p.id, p.district_code, p.project_id, j.name, p.building_id, p.name, p.every_days, p.checklist, p.next_due_on, p.active
                          from patrol_plan p join project_place j on j.project_id = p.project_id where %s order by p.id""".formatted(scope.sql()))
                .params(scope.params())
                .query((rs, n) -> new Plan(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4), (Long) rs.getObject(5),
                        rs.getString(6), rs.getInt(7), List.of((String[]) rs.getArray(8).getArray()), rs.getObject(9, LocalDate.class),
                        rs.getBoolean(10)))
                .list();
    }

    @Scheduled(cron = "${anju.inspection.patrol-cron:0 10 0 * * *}", zone = "${anju.zone}")
    @SchedulerLock(name = "patrol-tasks", lockAtMostFor = "PT30M")
    void daily() {
        run();
    }

    /** Makes the tasks due by today and marks the missed ones; returns how many tasks were made. */
    public int run() {
        LocalDate today = LocalDate.now(clock);
        jdbc.sql("update patrol_task set state = 'MISSED' where state = 'PENDING' and deadline < ?").param(Date.valueOf(today)).update();
        record Due(long id, String district, long project, int every, LocalDate next) {
        }
        int made = 0;
        for (Due d : jdbc.sql("select id, district_code, project_id, every_days, next_due_on from patrol_plan where active and next_due_on <= ?")
                .param(Date.valueOf(today))
                .query((rs, n) -> new Due(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getInt(4), rs.getObject(5, LocalDate.class))).list()) {
            Integer n = tx.execute(status -> {
                int count = 0;
                LocalDate next = d.next();
                while (!next.isAfter(today)) {
                    LocalDate deadline = next.plusDays(d.every() - 1L);
                    count += jdbc.sql("""
                                    insert into patrol_task (plan_id, district_code, project_id, due_on, deadline, state)
                                    values (?, ?, ?, ?, ?, ?) on conflict (plan_id, due_on) do nothing""")
                            .params(d.id(), d.district(), d.project(), Date.valueOf(next), Date.valueOf(deadline),
                                    deadline.isBefore(today) ? "MISSED" : "PENDING").update();
                    next = next.plusDays(d.every());
                }
                jdbc.sql("update patrol_plan set next_due_on = ? where id = ?").params(Date.valueOf(next), d.id()).update();
                return count;
            });
            made += n == null ? 0 : n;
        }
        return made;
    }
}
