package cn.anju.maintenance;

import cn.anju.audit.AuditLog;
import cn.anju.audit.AuditOutcome;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Preventive maintenance (预防性维护): schedules per shared facility (an elevator every 15 days, fire equipment
 * monthly, the water tank every 6 months) that make their servicing orders by themselves, once per due day even
 * with several nodes (ShedLock, and a unique schedule and due day), and step to the next due day.
 */
@NamedInterface("api")
@Service
public class PreventiveSchedules {

    private final JdbcClient jdbc;
    private final DataScopes scopes;
    private final WorkOrders orders;
    private final WorkOrderDeadlines deadlines;
    private final TransactionTemplate tx;
    private final AuditLog audit;
    private final Clock clock;

    PreventiveSchedules(JdbcClient jdbc, DataScopes scopes, WorkOrders orders, WorkOrderDeadlines deadlines, TransactionTemplate tx, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.scopes = scopes;
        this.orders = orders;
        this.deadlines = deadlines;
        this.tx = tx;
        this.audit = audit;
        this.clock = clock;
    }

    public record Schedule(long id, long facilityId, String facility, String projectName, String task, Category category, int everyDays,
                           LocalDate nextDueOn, boolean active) {
    }

    public List<Schedule> list(CurrentUser user) {
        WorkOrderQueries.requireReader(user);
        if (user.has(Role.TENANT)) {
            throw ProblemException.forbidden("SCHEDULE_STAFF_ONLY", "养护计划由承接主体和住房保障部门查看。");
        }
        ScopeFilter scope = scopes.filter(user, new ScopeFilter.Columns("s.district_code", "s.project_id", null));
        return jdbc.sql("""
                        select s.id, s.facility_id, f.name, p.name, s.task, s.category, s.every_days, s.next_due_on, s.active
                          from maintenance_schedule s join facility_place f on f.facility_id = s.facility_id join project_place p on p.project_id = s.project_id
                         where %s order by s.next_due_on, s.id limit 2000""".formatted(scope.sql()))
                .params(scope.params())
                .query((rs, n) -> new Schedule(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        Category.valueOf(rs.getString(6)), rs.getInt(7), rs.getObject(8, LocalDate.class), rs.getBoolean(9)))
                .list();
    }

    public record NewSchedule(Long facilityId, String task, Category category, Integer everyDays, LocalDate firstDueOn) {
    }

    @Transactional
    public long create(CurrentUser actor, NewSchedule s) {
        if (!actor.hasAny(Role.OPERATOR_MANAGER, Role.GOV_ADMIN, Role.GOV_OFFICER)) {
            throw ProblemException.forbidden("SCHEDULE_FORBIDDEN", "养护计划由承接主体负责人或住房保障部门制定。");
        }
        if (s == null || s.facilityId() == null || s.task() == null || s.task().isBlank() || s.category() == null) {
            throw ProblemException.badRequest("SCHEDULE_INCOMPLETE", "请选择设施并填写养护内容和类别。");
        }
        if (s.everyDays() == null || s.everyDays() < 1 || s.everyDays() > 3660) {
            throw ProblemException.badRequest("SCHEDULE_CYCLE", "养护周期应为1到3660天。");
        }
        record F(String district, long project) {
        }
        F f = jdbc.sql("select district_code, project_id from facility_place where facility_id = ?").param(s.facilityId())
                .query((rs, n) -> new F(rs.getString(1), rs.getLong(2))).optional()
                .filter(x -> scopes.of(actor).coversProject(x.district(), x.project()))
                .orElseThrow(() -> ProblemException.notFound("FACILITY_NOT_FOUND", "设施不存在或不在您的服务范围内。"));
        LocalDate first = s.firstDueOn() == null ? LocalDate.now(clock) : s.firstDueOn();
        long id = jdbc.sql("""
                        insert into maintenance_schedule (facility_id, district_code, project_id, task, category, every_days, next_due_on,
                               created_by, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(s.facilityId(), f.district(), f.project(), s.task().trim(), s.category().name(), s.everyDays(), Date.valueOf(first),
                        actor.id(), Timestamp.from(clock.instant()))
                .query(Long.class).single();
        audit.record(MaintenanceAudit.MAINTENANCE_SCHEDULE_CREATE, "maintenance_schedule", id, AuditOutcome.SUCCESS, Map.of("facility", s.facilityId(),
                "everyDays", s.everyDays()));
        return id;
    }

    @Scheduled(cron = "${anju.maintenance.preventive-cron:0 0 6 * * *}", zone = "${anju.zone}")
    @SchedulerLock(name = "maintenance-preventive", lockAtMostFor = "PT30M")
    void daily() {
        run();
    }

    /** Makes the orders of every schedule due by today (a missed day catches up, one order per due day); returns how many. */
    public int run() {
        LocalDate today = LocalDate.now(clock);
        record Due(long id, long facility, String district, long project, String task, Category category, int every, LocalDate next) {
        }
        List<Due> due = jdbc.sql("""
                        select id, facility_id, district_code, project_id, task, category, every_days, next_due_on
                          from maintenance_schedule where active and next_due_on <= ? order by id""")
                .param(Date.valueOf(today))
                .query((rs, n) -> new Due(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getLong(4), rs.getString(5),
                        Category.valueOf(rs.getString(6)), rs.getInt(7), rs.getObject(8, LocalDate.class)))
                .list();
        List<Long> made = new ArrayList<>();
        for (Due d : due) {
            tx.executeWithoutResult(status -> {
                LocalDate next = d.next();
                while (!next.isAfter(today)) {
                    long id = orders.preventive(d.id(), next, d.district(), d.project(), d.facility(), d.category(), d.task());
                    if (id > 0) {
                        made.add(id);
                    }
                    next = next.plusDays(d.every());
                }
                jdbc.sql("update maintenance_schedule set next_due_on = ? where id = ?").params(Date.valueOf(next), d.id()).update();
            });
        }
        return made.size();
    }

    @Scheduled(fixedDelayString = "${anju.maintenance.escalate-every:10m}")
    @SchedulerLock(name = "maintenance-escalation", lockAtMostFor = "PT10M")
    void escalateScheduled() {
        deadlines.escalate();
    }
}
