package cn.anju.demo;

import cn.anju.identity.CurrentUser;
import cn.anju.identity.IdentitySeeding;
import cn.anju.inspection.IdleUnits;
import cn.anju.inspection.PatrolPlans;
import cn.anju.inspection.PatrolSeeding;
import cn.anju.inspection.Verifications;
import cn.anju.maintenance.Category;
import cn.anju.maintenance.MaintenanceSeeding;
import cn.anju.maintenance.PreventiveSchedules;
import cn.anju.maintenance.ScopeGuard;
import cn.anju.maintenance.WorkOrders;
import cn.anju.maintenance.WorkType;
import cn.anju.shared.files.Upload;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Random;

/**
 * Demo field operations: weekly patrol plans with three months of history (a few tasks missed, a few items failed)
 * and this week's tasks made by the real job; a preventive schedule for every shared facility, whose due orders the
 * real job makes; finished work orders over three months, most on time; and today's requests through the real
 * steps — one urgent and already late, construction work refused, an owner's repair referred, the demo tenant's own.
 */
@Component
@Profile("demo")
@Order(60)
class DemoFieldOperations implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoFieldOperations.class);
    private static final List<String> CHECKLIST = List.of("单元门禁", "楼道照明", "消防通道及器材", "电梯运行", "公共区域卫生", "违规搭建与堆放");

    private final PatrolPlans plans;
    private final PatrolSeeding patrols;
    private final MaintenanceSeeding maintenance;
    private final PreventiveSchedules schedules;
    private final WorkOrders orders;
    private final IdentitySeeding identity;
    private final Verifications verifications;
    private final IdleUnits idle;
    private final JdbcClient jdbc;
    private final Clock clock;

    DemoFieldOperations(PatrolPlans plans, PatrolSeeding patrols, MaintenanceSeeding maintenance, PreventiveSchedules schedules,
                        WorkOrders orders, IdentitySeeding identity, Verifications verifications, IdleUnits idle, JdbcClient jdbc,
                        Clock clock) {
        this.verifications = verifications;
        this.idle = idle;
        this.plans = plans;
        this.patrols = patrols;
        this.maintenance = maintenance;
        this.schedules = schedules;
        this.orders = orders;
        this.identity = identity;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (jdbc.sql("select count(*) from patrol_plan").query(Long.class).single() > 0) {
            return;
        }
        Random random = new Random(2029);
        LocalDate today = LocalDate.now(clock.withZone(ZoneId.of("Asia/Shanghai")));
        CurrentUser manager = identity.actingAs("anju.manager");
        CurrentUser shenmu = identity.actingAs("shenmu.op");
        long staff = identity.userId("anju.staff");
        int history = 0;
        for (String district : List.of("610802", "610803", "610881")) {
            CurrentUser planner = district.equals("610881") ? shenmu : manager;
            List<Long> projects = jdbc.sql("select id from project where district_code = ? order by id limit 2").param(district).query(Long.class).list();
            for (long project : projects) {
                long plan = plans.create(planner, new PatrolPlans.NewPlan(project, null, "公共区域周巡查", 7, CHECKLIST, today.minusDays(91)));
                history += patrols.history(plan, district.equals("610881") ? planner.id() : staff, random);
                maintenance.history(district, project, householdIn(project), planner.id(), 14, 90, random);
            }
            maintenance.schedules(district, planner.id(), random);
        }
        int tasks = plans.run();
        int preventive = schedules.run();
        // two servicing orders made as if a week ago and still not done: the overdue preventive list shows them
        jdbc.sql("""
                update work_order set submitted_at = submitted_at - interval '7 days', onsite_due_at = onsite_due_at - interval '7 days',
                       done_due_at = done_due_at - interval '7 days'
                 where id in (select id from work_order where source = 'PREVENTIVE' and district_code = '610802' order by id limit 2)""").update();

        CurrentUser clerk = identity.actingAs("anju.staff");
        long project = jdbc.sql("select id from project where district_code = '610802' order by id limit 1").query(Long.class).single();
        long urgent = orders.record(clerk, WorkOrders.Source.HOTLINE, new WorkOrders.Request(project, null, null, Category.ELEVATOR,
                ScopeGuard.Location.COMMON, WorkType.REPAIR, WorkOrders.Priority.URGENT, "2号楼电梯停在6楼不动", "2号楼电梯"), List.of());
        // reported three hours ago: past its 2-hour on-site deadline, so the late list and the manager's home page show it
        jdbc.sql("""
                update work_order set submitted_at = submitted_at - interval '3 hours', onsite_due_at = onsite_due_at - interval '3 hours',
                       done_due_at = done_due_at - interval '3 hours' where id = ?""").param(urgent).update();
        orders.record(clerk, WorkOrders.Source.STAFF, new WorkOrders.Request(project, null, null, Category.CORRIDORS_STAIRS,
                ScopeGuard.Location.COMMON, WorkType.DECORATION, WorkOrders.Priority.NORMAL, "住户要求将楼道墙面重新装饰", "3号楼楼道"), List.of());
        orders.record(clerk, WorkOrders.Source.HOTLINE, new WorkOrders.Request(project, null, null, Category.OTHER,
                ScopeGuard.Location.IN_UNIT, WorkType.OWNER_DUTY, WorkOrders.Priority.NORMAL, "户内承重墙出现裂缝", "5号楼3单元"), List.of());
        CurrentUser tenant = identity.actingAs("tenant.demo");
        if (tenant.householdId() != null) {
            orders.report(tenant, new WorkOrders.Request(null, null, null, Category.LIGHTING, ScopeGuard.Location.COMMON, null, null,
                    "我家所在单元5楼楼道灯不亮", "5楼楼道"), List.of());
        }
        int visited = verification(clerk, today, random);
        int readings = readings(clerk, today, random);
        log.info("Demo field operations ready: {} past patrol tasks, {} current, {} preventive orders, {} verification visits recorded, "
                + "{} meter readings", history, tasks, preventive, visited, readings);
    }

    /** This year's occupant check in 横山区, under way: most visits match, one household is not the one living there. */
    private int verification(CurrentUser clerk, LocalDate today, Random random) {
        CurrentUser manager = identity.actingAs("anju.manager");
        long campaign = verifications.open(manager, new Verifications.NewCampaign("610803", today.getYear() + "年度入户核查",
                today.minusDays(20), today.plusDays(40)));
        List<Verifications.Visit> visits = verifications.visits(manager, campaign, true);
        int done = 0;
        for (int i = 0; i < visits.size() && i < 60; i++) {
            Verifications.Outcome outcome = i == 7 ? Verifications.Outcome.DIFFERENT_OCCUPANTS
                    : i % 23 == 5 ? Verifications.Outcome.EMPTY : Verifications.Outcome.MATCH;
            verifications.record(clerk, visits.get(i).id(), outcome, outcome == Verifications.Outcome.MATCH ? null
                            : outcome == Verifications.Outcome.EMPTY ? "多次上门无人，邻居称户主外出务工" : "实际居住人自称向户主月付租金",
                    null, null, outcome == Verifications.Outcome.DIFFERENT_OCCUPANTS
                            ? List.of(new Upload("核查.png", DemoCases.photo(i))) : List.of());
            done++;
        }
        return done;
    }

    /** Seven months of water and electricity for 榆阳's occupied units; three of them have used next to nothing for six months. */
    private int readings(CurrentUser clerk, LocalDate today, Random random) {
        record Unit(String project, String building, String number) {
        }
        List<Unit> units = jdbc.sql("""
                        select p.name, b.number, u.number from unit u join building b on b.id = u.building_id join project p on p.id = u.project_id
                         where u.district_code = '610802' and exists (select 1 from lease l where l.unit_id = u.id and l.status = 'ACTIVE')
                         order by u.id""")
                .query((rs, n) -> new Unit(rs.getString(1), rs.getString(2), rs.getString(3))).list();
        YearMonth latest = YearMonth.from(today).minusMonths(1);
        StringBuilder csv = new StringBuilder("项目,楼栋,房号,月份,用水量,用电量\n");
        for (int i = 0; i < units.size(); i++) {
            boolean idle = i % 180 == 17;
            for (int back = 6; back >= 0; back--) {
                csv.append(units.get(i).project()).append(',').append(units.get(i).building()).append("栋,").append(units.get(i).number()).append(',')
                        .append(latest.minusMonths(back)).append(',')
                        .append(idle ? "0." + random.nextInt(5) : String.valueOf(2 + random.nextInt(9))).append(',')
                        .append(idle ? String.valueOf(random.nextInt(6)) : String.valueOf(50 + random.nextInt(220))).append('\n');
            }
        }
        return idle.importReadings(clerk, csv.toString().getBytes(StandardCharsets.UTF_8)).lines();
    }

    private Long householdIn(long project) {
        return jdbc.sql("select household_id from lease where project_id = ? and status = 'ACTIVE' order by id limit 1").param(project)
                .query(Long.class).optional().orElse(null);
    }
}
