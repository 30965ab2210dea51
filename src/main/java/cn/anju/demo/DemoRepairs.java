package cn.anju.demo;

import cn.anju.housing.HousingQueries;
import cn.anju.maintenance.Category;
import cn.anju.maintenance.Completion;
import cn.anju.maintenance.PreventiveSchedules;
import cn.anju.maintenance.ScopeGuard;
import cn.anju.maintenance.WorkOrderDeadlines;
import cn.anju.maintenance.WorkOrderHandling;
import cn.anju.maintenance.WorkOrders;
import cn.anju.maintenance.WorkType;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;

/**
 * Demo maintenance through the real steps: a preventive schedule for every shared facility (two of 榆阳's came due a
 * week ago and their orders are still open, the rest are made by the job today); finished work orders over the last
 * three months in each patrolled project, each reported, accepted, dispatched, reached, completed and confirmed on its
 * own hours (most within their deadlines; one in six late, which the escalation job flagged; the demo tenant's own
 * rated); and today's requests: one urgent and already late, construction work refused, an owner's repair referred,
 * and the demo tenant's report.
 */
@Component
@Profile("demo")
class DemoRepairs {

    private static final String[][] ISSUES = {
            {"LIGHTING", "楼道声控灯不亮", "更换声控灯具"}, {"WATER_SUPPLY", "二次供水泵异响", "更换水泵轴承"},
            {"DRAINAGE", "单元排水管堵塞", "疏通排水管"}, {"DOORS_ACCESS", "单元门禁无法开启", "更换门禁读卡器"},
            {"ELEVATOR", "电梯按钮失灵", "更换呼梯按钮"}, {"CORRIDORS_STAIRS", "楼梯扶手松动", "紧固扶手"},
            {"FIRE_SAFETY", "消防栓箱门损坏", "更换箱门合页"}, {"ROADS_GREENERY", "小区道路井盖破损", "更换井盖"}};

    private final DemoActs acts;
    private final PreventiveSchedules schedules;
    private final WorkOrders orders;
    private final WorkOrderHandling handling;
    private final WorkOrderDeadlines deadlines;
    private final HousingQueries housing;

    DemoRepairs(DemoActs acts, PreventiveSchedules schedules, WorkOrders orders, WorkOrderHandling handling, WorkOrderDeadlines deadlines,
                HousingQueries housing) {
        this.acts = acts;
        this.schedules = schedules;
        this.orders = orders;
        this.handling = handling;
        this.deadlines = deadlines;
        this.housing = housing;
    }

    /** A schedule per facility on its register's cycle; returns how many preventive orders the job has made. */
    int schedules() {
        LocalDate today = acts.today();
        int overdue = 0;
        List<String> yuyang = acts.now("yuyang.gov", housing::projects).stream().map(HousingQueries.ProjectRow::name).toList();
        for (String manager : List.of("anju.manager", "shenmu.op")) {
            List<HousingQueries.FacilityRow> facilities = acts.now(manager, u -> housing.facilities(u, null));
            for (int i = 0; i < facilities.size(); i++) {
                HousingQueries.FacilityRow f = facilities.get(i);
                boolean elevator = f.kind().equals("ELEVATOR");
                // two of 榆阳's fell due a week ago; the others over the past and the coming few days
                boolean weekAgo = manager.equals("anju.manager") && overdue < 2 && yuyang.contains(f.projectName());
                overdue += weekAgo ? 1 : 0;
                LocalDate first = weekAgo ? today.minusDays(7) : today.plusDays(i % Math.min(f.inspectionCycleDays(), 7) - 3);
                int index = i;
                acts.run(acts.at(today.minusDays(8), 10), manager, u -> schedules.create(u, new PreventiveSchedules.NewSchedule(
                        facilities.get(index).id(), elevator ? "电梯例行保养" : "消防设施月度检查",
                        elevator ? Category.ELEVATOR : Category.FIRE_SAFETY, f.inspectionCycleDays(), first)));
            }
        }
        int made = DemoClock.asOf(acts.at(today.minusDays(7).atTime(6, 0)), schedules::run);
        return made + schedules.run();
    }

    /** Finished orders over the past days in a project: most on time, some late; the demo tenant's rated. */
    int history(String district, long project, boolean tenantsProject, int count, int days, Random random) {
        String clerk = DemoData.CLERKS.get(district);
        Instant now = acts.instant();
        for (int i = 0; i < count; i++) {
            String[] issue = ISSUES[random.nextInt(ISSUES.length)];
            boolean urgent = random.nextInt(100) < 20;
            boolean late = i % 6 == 2; // one in six past its deadline: the late list and the on-time rate show them
            boolean tenant = tenantsProject && random.nextInt(100) < 40;
            Instant submitted = now.minus(Duration.ofMinutes(60L * 24 * (6 + random.nextInt(days - 4)) + random.nextInt(600)));
            long onsiteH = urgent ? 2 : 24;
            long doneH = urgent ? 24 : 72;
            Instant onSite = submitted.plus(Duration.ofMinutes(late ? onsiteH * 60 + 30 + random.nextInt(300) : 20 + random.nextInt((int) onsiteH * 50)));
            Instant completed = late ? submitted.plus(Duration.ofHours(doneH + 2 + random.nextInt(30)))
                    : onSite.plus(Duration.ofMinutes(30 + random.nextInt(Math.max(60, (int) (doneH * 60 - Duration.between(submitted, onSite).toMinutes()) - 40))));
            Category category = Category.valueOf(issue[0]);
            WorkOrders.Priority priority = urgent ? WorkOrders.Priority.URGENT : WorkOrders.Priority.NORMAL;
            long id;
            if (tenant) {
                id = acts.at(submitted, "tenant.demo", u -> orders.report(u, new WorkOrders.Request(null, null, null, category,
                        ScopeGuard.Location.COMMON, null, null, issue[1], null), List.of()));
                acts.run(submitted.plus(Duration.ofMinutes(5)), clerk, u -> handling.triage(u, id, null, WorkType.REPAIR, priority));
            } else {
                WorkOrders.Source source = random.nextBoolean() ? WorkOrders.Source.HOTLINE : WorkOrders.Source.STAFF;
                id = acts.at(submitted, clerk, u -> orders.record(u, source, new WorkOrders.Request(project, null, null, category,
                        ScopeGuard.Location.COMMON, WorkType.REPAIR, priority, issue[1], null), List.of()));
            }
            acts.run(submitted.plus(Duration.ofMinutes(10)), clerk, u -> handling.dispatch(u, id, null, "维修班组"));
            if (late) {
                // the escalation job runs every few minutes: it flags the order once its on-site deadline has passed
                DemoClock.asOf(submitted.plus(Duration.ofHours(onsiteH)).plus(Duration.ofMinutes(10)), deadlines::escalate);
            }
            acts.run(onSite, clerk, u -> handling.arrive(u, id, null));
            Completion done = new Completion(issue[2], BigDecimal.valueOf(50 + random.nextInt(150)),
                    BigDecimal.valueOf(random.nextInt(300)));
            acts.run(completed, clerk, u -> handling.complete(u, id, null, done, List.of()));
            acts.run(completed.plus(Duration.ofHours(3)), tenant ? "tenant.demo" : clerk, u -> handling.confirm(u, id, null,
                    tenant ? Integer.valueOf(3 + random.nextInt(3)) : null, tenant ? (late ? "修得有点慢" : "及时修好了，谢谢") : null));
        }
        return count;
    }

    /** Today's requests, taken through the real steps: an urgent one already late, one refused, one referred, the tenant's. */
    void today(long project) {
        // reported three hours ago: past its 2-hour on-site deadline, so the late list and the manager's home page show it
        acts.run(acts.instant().minus(Duration.ofHours(3)), "anju.staff", clerk -> orders.record(clerk, WorkOrders.Source.HOTLINE,
                new WorkOrders.Request(project, null, null, Category.ELEVATOR, ScopeGuard.Location.COMMON, WorkType.REPAIR,
                        WorkOrders.Priority.URGENT, "2号楼电梯停在6楼不动", "2号楼电梯"), List.of()));
        acts.now("anju.staff", clerk -> {
            orders.record(clerk, WorkOrders.Source.STAFF, new WorkOrders.Request(project, null, null, Category.CORRIDORS_STAIRS,
                    ScopeGuard.Location.COMMON, WorkType.DECORATION, WorkOrders.Priority.NORMAL, "住户要求将楼道墙面重新装饰", "3号楼楼道"), List.of());
            return orders.record(clerk, WorkOrders.Source.HOTLINE, new WorkOrders.Request(project, null, null, Category.OTHER,
                    ScopeGuard.Location.IN_UNIT, WorkType.OWNER_DUTY, WorkOrders.Priority.NORMAL, "户内承重墙出现裂缝", "5号楼3单元"), List.of());
        });
        acts.now("tenant.demo", tenant -> orders.report(tenant, new WorkOrders.Request(null, null, null, Category.LIGHTING,
                ScopeGuard.Location.COMMON, null, null, "我家所在单元5楼楼道灯不亮", "5楼楼道"), List.of()));
    }
}
