package cn.anju.demo;

import cn.anju.housing.HousingQueries;
import cn.anju.inspection.PatrolPlans;
import cn.anju.inspection.PatrolTasks;
import cn.anju.shared.web.PageQuery;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Weekly patrol plans for the first two projects of each district, made by the operator's manager a year (52 weeks) ago,
 * and their history as it happened: each week the patrol job makes the week's task, the inspector walks the round and
 * records the checklist on a day of that week (most items passing, now and then one failing with a note), a few weeks
 * nobody went and the job marked the task missed. This week's task is made by the job today.
 */
@Component
@Profile("demo")
class DemoPatrols {

    static final List<String> CHECKLIST = List.of("单元门禁", "楼道照明", "消防通道及器材", "电梯运行", "公共区域卫生", "违规搭建与堆放");

    private final DemoActs acts;
    private final PatrolPlans plans;
    private final PatrolTasks tasks;
    private final HousingQueries housing;

    DemoPatrols(DemoActs acts, PatrolPlans plans, PatrolTasks tasks, HousingQueries housing) {
        this.acts = acts;
        this.plans = plans;
        this.tasks = tasks;
        this.housing = housing;
    }

    record Walked(int past, int current) {
    }

    Walked walk(Random random) {
        LocalDate today = acts.today();
        LocalDate first = today.minusWeeks(52); // a year, so the evaluation's quarters have patrols to count
        List<String> inspectors = new ArrayList<>();
        for (String district : List.of("610802", "610803", "610881")) {
            String planner = DemoData.MANAGERS.get(district);
            String inspector = DemoData.CLERKS.get(district);
            List<Long> projects = acts.now(planner, housing::projects).stream().filter(p -> p.districtCode().equals(district))
                    .map(HousingQueries.ProjectRow::id).sorted().limit(2).toList();
            for (long project : projects) {
                acts.run(acts.at(first.minusDays(1), 16), planner, u -> plans.create(u, new PatrolPlans.NewPlan(project, null,
                        "公共区域周巡查", 7, CHECKLIST, first)));
            }
            if (!inspectors.contains(inspector)) {
                inspectors.add(inspector);
            }
        }
        int past = 0;
        for (LocalDate due = first; due.plusDays(6).isBefore(today); due = due.plusDays(7)) {
            // the job makes the week's tasks (and marks last week's unrecorded ones missed)
            DemoClock.asOf(acts.at(due.atTime(0, 10)), plans::run);
            for (String inspector : inspectors) {
                LocalDate dueOn = due;
                for (PatrolTasks.Task t : acts.now(inspector, u -> tasks.list(u, PatrolTasks.View.PENDING, new PageQuery(1, PageQuery.MAX_SIZE)))
                        .items().stream().filter(t -> t.dueOn().equals(dueOn)).toList()) {
                    past++;
                    if (random.nextInt(100) < 6) {
                        continue; // nobody went: missed
                    }
                    LocalDate doneOn = due.plusDays(random.nextInt(7));
                    List<PatrolTasks.ItemResult> results = new ArrayList<>();
                    for (int i = 1; i <= t.checklist().size(); i++) {
                        boolean fail = random.nextInt(100) < 7;
                        results.add(new PatrolTasks.ItemResult(i, !fail, fail ? "发现问题，已现场处置并记录" : null, List.of()));
                    }
                    BigDecimal latitude = new BigDecimal("38.28").add(BigDecimal.valueOf(random.nextInt(900), 6));
                    BigDecimal longitude = new BigDecimal("109.73").add(BigDecimal.valueOf(random.nextInt(900), 6));
                    acts.run(acts.at(doneOn.atTime(9 + random.nextInt(8), random.nextInt(60))), inspector,
                            u -> tasks.record(u, t.id(), results, latitude, longitude));
                }
            }
        }
        return new Walked(past, plans.run());
    }
}
