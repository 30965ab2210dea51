package cn.anju.maintenance;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Random;

/**
 * Demo maintenance: a preventive schedule for every shared facility on its register's cycle, and a history of
 * finished work orders as the real steps would have left them (reported, accepted, dispatched, reached, completed
 * and confirmed, most within their deadlines, some not), so the on-time rate and the late lists have something to
 * show.
 */
@NamedInterface("api")
@Component
public class MaintenanceSeeding {

    private static final String[][] ISSUES = {
            {"LIGHTING", "楼道声控灯不亮", "更换声控灯具"}, {"WATER_SUPPLY", "二次供水泵异响", "更换水泵轴承"},
            {"DRAINAGE", "单元排水管堵塞", "疏通排水管"}, {"DOORS_ACCESS", "单元门禁无法开启", "更换门禁读卡器"},
            {"ELEVATOR", "电梯按钮失灵", "更换呼梯按钮"}, {"CORRIDORS_STAIRS", "楼梯扶手松动", "紧固扶手"},
            {"FIRE_SAFETY", "消防栓箱门损坏", "更换箱门合页"}, {"ROADS_GREENERY", "小区道路井盖破损", "更换井盖"}};

    private final JdbcClient jdbc;
    private final Clock clock;

    MaintenanceSeeding(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A schedule per facility of the district, the first ones falling due over the past and the coming few days. */
    @Transactional
    public int schedules(String district, long plannerId, Random random) {
        return jdbc.sql("""
                        insert into maintenance_schedule (facility_id, district_code, project_id, task, category, every_days, next_due_on, created_by, created_at)
                        select f.id, f.district_code, f.project_id,
                               case f.kind when 'ELEVATOR' then '电梯例行保养' when 'FIRE_EQUIPMENT' then '消防设施月度检查'
                                           when 'WATER_TANK' then '水箱清洗消毒' when 'WATER_PUMP' then '水泵保养' else f.name || '定期检查' end,
                               case f.kind when 'ELEVATOR' then 'ELEVATOR' when 'FIRE_EQUIPMENT' then 'FIRE_SAFETY' when 'WATER_TANK' then 'WATER_SUPPLY'
                                           when 'WATER_PUMP' then 'WATER_SUPPLY' when 'LIGHTING' then 'LIGHTING' when 'DRAINAGE' then 'DRAINAGE'
                                           when 'ACCESS_CONTROL' then 'DOORS_ACCESS' else 'OTHER' end,
                               f.inspection_cycle_days, ?::date + (f.id % least(f.inspection_cycle_days, 7))::int - 3, ?, ?
                          from shared_facility f where f.district_code = ?""")
                .params(LocalDate.now(clock), plannerId, Timestamp.from(clock.instant()), district).update();
    }

    /** Finished orders over the past days in a project: most on time, some late; tenants' ones rated. */
    @Transactional
    public int history(String district, long projectId, Long householdForTenantOrders, long clerkId, int count, int days, Random random) {
        Instant now = clock.instant();
        for (int i = 0; i < count; i++) {
            String[] issue = ISSUES[random.nextInt(ISSUES.length)];
            boolean urgent = random.nextInt(100) < 20;
            boolean late = i % 6 == 2; // one in six past its deadline: the late list and the on-time rate show them
            boolean tenant = householdForTenantOrders != null && random.nextInt(100) < 40;
            Instant submitted = now.minus(Duration.ofMinutes(60L * 24 * (2 + random.nextInt(days)) + random.nextInt(600)));
            long onsiteH = urgent ? 2 : 24;
            long doneH = urgent ? 24 : 72;
            Instant onSite = submitted.plus(Duration.ofMinutes(late ? onsiteH * 60 + 30 + random.nextInt(300) : 20 + random.nextInt((int) onsiteH * 50)));
            Instant completed = late ? submitted.plus(Duration.ofHours(doneH + 2 + random.nextInt(30)))
                    : onSite.plus(Duration.ofMinutes(30 + random.nextInt(Math.max(60, (int) (doneH * 60 - Duration.between(submitted, onSite).toMinutes()) - 40))));
            long seq = jdbc.sql("select nextval('work_order_number_seq')").query(Long.class).single();
            String number = "WX" + district + LocalDate.ofInstant(submitted, ZoneId.of("Asia/Shanghai"))
                    .format(DateTimeFormatter.BASIC_ISO_DATE) + String.format("%05d", seq % 100000);
            long id = jdbc.sql("""
                            insert into work_order (order_number, district_code, project_id, household_id, source, category, location_kind, work_type,
                                   priority, state, description, submitted_by, submitted_at, onsite_due_at, done_due_at, dispatched_to, on_site_at,
                                   completed_at, completion_note, labour_cost, material_cost, confirmed_at, rating, rating_comment, escalated_at)
                            values (?, ?, ?, ?, ?, ?, 'COMMON', 'REPAIR', ?, 'CONFIRMED', ?, ?, ?, ?, ?, '维修班组', ?, ?, ?, ?, ?, ?, ?, ?, ?)
                            returning id""")
                    .params(number, district, projectId, tenant ? householdForTenantOrders : null, tenant ? "TENANT" : (random.nextBoolean() ? "HOTLINE" : "STAFF"),
                            issue[0], urgent ? "URGENT" : "NORMAL", issue[1], clerkId, Timestamp.from(submitted),
                            Timestamp.from(submitted.plus(Duration.ofHours(onsiteH))), Timestamp.from(submitted.plus(Duration.ofHours(doneH))),
                            Timestamp.from(onSite), Timestamp.from(completed), issue[2], BigDecimal.valueOf(50 + random.nextInt(150)),
                            BigDecimal.valueOf(random.nextInt(300)), Timestamp.from(completed.plus(Duration.ofHours(3))),
                            tenant ? 3 + random.nextInt(3) : null, tenant ? (late ? "修得有点慢" : "及时修好了，谢谢") : null,
                            late ? Timestamp.from(submitted.plus(Duration.ofHours(doneH))) : null)
                    .query(Long.class).single();
            jdbc.sql("""
                    insert into work_order_event (work_order_id, from_state, to_state, note, actor_id, at) values
                        (?, null, 'SUBMITTED', '报修', ?, ?), (?, 'SUBMITTED', 'ACCEPTED', '受理：公共部位及共用设施维修', ?, ?),
                        (?, 'ACCEPTED', 'DISPATCHED', '派工：维修班组', ?, ?), (?, 'DISPATCHED', 'ON_SITE', '到场', ?, ?),
                        (?, 'ON_SITE', 'COMPLETED', ?, ?, ?), (?, 'COMPLETED', 'CONFIRMED', '确认完工', null, ?)""")
                    .params(id, clerkId, Timestamp.from(submitted), id, clerkId, Timestamp.from(submitted.plus(Duration.ofMinutes(5))),
                            id, clerkId, Timestamp.from(submitted.plus(Duration.ofMinutes(10))), id, clerkId, Timestamp.from(onSite),
                            id, "完工：" + issue[2], clerkId, Timestamp.from(completed), id, Timestamp.from(completed.plus(Duration.ofHours(3))))
                    .update();
        }
        return count;
    }
}
