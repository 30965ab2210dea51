package cn.anju.inspection;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Random;

/**
 * Demo history for a patrol plan, written as the recorded patrols would have left it: its past tasks done (most
 * items passing, now and then one failing with a note), a few missed. The current task is made by the real job.
 */
@NamedInterface("api")
@Component
public class PatrolSeeding {

    private final JdbcClient jdbc;
    private final Clock clock;

    PatrolSeeding(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** @return how many past tasks were written */
    @Transactional
    public int history(long planId, long inspectorId, Random random) {
        record Plan(String district, long project, int every, List<String> items, LocalDate first) {
        }
        Plan p = jdbc.sql("select district_code, project_id, every_days, checklist, first_due_on from patrol_plan where id = ?").param(planId)
                .query((rs, n) -> new Plan(rs.getString(1), rs.getLong(2), rs.getInt(3), List.of((String[]) rs.getArray(4).getArray()),
                        rs.getObject(5, LocalDate.class))).single();
        LocalDate today = LocalDate.now(clock.withZone(ZoneId.of("Asia/Shanghai")));
        int written = 0;
        LocalDate due = p.first();
        for (; due.plusDays(p.every() - 1L).isBefore(today); due = due.plusDays(p.every())) {
            boolean missed = random.nextInt(100) < 6;
            LocalDate doneOn = due.plusDays(random.nextInt(p.every()));
            Timestamp doneAt = Timestamp.from(doneOn.atTime(9 + random.nextInt(8), random.nextInt(60)).atZone(ZoneId.of("Asia/Shanghai")).toInstant());
            long task = jdbc.sql("""
                            insert into patrol_task (plan_id, district_code, project_id, due_on, deadline, state, inspector_id, done_at, latitude, longitude)
                            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                    .params(planId, p.district(), p.project(), Date.valueOf(due), Date.valueOf(due.plusDays(p.every() - 1L)),
                            missed ? "MISSED" : "DONE", missed ? null : inspectorId, missed ? null : doneAt,
                            missed ? null : new BigDecimal("38.28").add(BigDecimal.valueOf(random.nextInt(900), 6)),
                            missed ? null : new BigDecimal("109.73").add(BigDecimal.valueOf(random.nextInt(900), 6)))
                    .query(Long.class).single();
            if (!missed) {
                for (int i = 0; i < p.items().size(); i++) {
                    boolean fail = random.nextInt(100) < 7;
                    jdbc.sql("insert into patrol_item_result (task_id, item_no, item, result, note, recorded_at) values (?, ?, ?, ?, ?, ?)")
                            .params(task, i + 1, p.items().get(i), fail ? "FAIL" : "PASS", fail ? "发现问题，已现场处置并记录" : null, doneAt).update();
                }
            }
            written++;
        }
        jdbc.sql("update patrol_plan set next_due_on = ? where id = ?").params(Date.valueOf(due), planId).update();
        return written;
    }
}
