package cn.anju.lease;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Demo leases in bulk: households with eligibility in force are given the district's occupied units, with the
 * history a running operation has (signed, filed or not, moved in, some ending soon, some moving out). Written in
 * batches rather than through one action per lease, because a demo city starts with years of history at once;
 * the resident file gets the same entries the actions would have written.
 */
@NamedInterface("api")
@Service
public class LeaseSeeding {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final LeaseRent leaseRent;

    LeaseSeeding(JdbcClient jdbc, Clock clock, LeaseRent leaseRent) {
        this.leaseRent = leaseRent;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public boolean hasLeases(String districtCode) {
        return jdbc.sql("select count(*) from lease where district_code = ?").param(districtCode).query(Long.class).single() > 0;
    }

    public record Seeded(int active, int endingSoon, int movingOut, int unfiled) {
    }

    /**
     * @param count      how many households to house (at most the eligible ones and the occupied units)
     * @param firstFirst a household to house first if it is eligible (the demo tenant), or null
     */
    @Transactional
    public Seeded seed(String district, int count, Long firstFirst, long clerkId, long officerId, Random random) {
        LocalDate today = LocalDate.now(clock.withZone(ZoneId.of("Asia/Shanghai")));
        record Eligible(long household, long decision, String tier) {
        }
        List<Eligible> eligible = jdbc.sql("""
                        select distinct on (h.id) h.id, d.id, d.rent_tier from household h
                          join eligibility_decision d on d.household_id = h.id and d.status = 'VALID' and d.valid_from <= ? and d.valid_to >= ?
                         where h.district_code = ? and not exists (select 1 from lease l where l.household_id = h.id)
                         order by h.id, d.valid_to desc""")
                .params(Date.valueOf(today), Date.valueOf(today), district)
                .query((rs, n) -> new Eligible(rs.getLong(1), rs.getLong(2), rs.getString(3))).list();
        List<Eligible> ordered = new ArrayList<>(eligible);
        eligible.stream().filter(x -> firstFirst != null && x.household() == firstFirst).findFirst().ifPresent(x -> {
            ordered.remove(x);
            ordered.add(0, x);
        });
        eligible = ordered;
        record Unit(long id, long project, BigDecimal rentArea) {
        }
        List<Unit> units = jdbc.sql("""
                        select u.id, u.project_id, u.rent_area from unit u where u.district_code = ? and u.status = 'OCCUPIED'
                           and not exists (select 1 from lease l where l.unit_id = u.id) order by u.id""")
                .param(district).query((rs, n) -> new Unit(rs.getLong(1), rs.getLong(2), rs.getBigDecimal(3))).list();
        int n = Math.min(count, Math.min(eligible.size(), units.size()));
        int endingSoon = 0;
        int movingOut = 0;
        int unfiled = 0;
        for (int i = 0; i < n; i++) {
            Eligible e = eligible.get(i);
            Unit u = units.get(i);
            int roll = random.nextInt(100);
            // most leases run for years; about one in twelve ends within the next three months; a few are moving out
            LocalDate start = roll < 8 ? today.plusDays(1 + random.nextInt(90)).minusMonths(60)
                    : today.minusDays(30 + random.nextInt(1_600));
            LocalDate end = start.plusMonths(60).minusDays(1);
            boolean moving = i > 0 && roll >= 97;
            // the rent as the approved standard makes it today, as the bills will charge it
            BigDecimal rent = leaseRent.settle(null, u.project(), u.rentArea(), e.tier(), today);
            LocalDate signed = start.minusDays(3 + random.nextInt(10));
            boolean filed = random.nextInt(100) >= 3;
            String number = district + "-" + start.getYear() + "-D" + String.format("%05d", i + 1);
            long lease = jdbc.sql("""
                            insert into lease (lease_number, district_code, project_id, unit_id, household_id, eligibility_decision_id,
                                   rent_tier, monthly_rent, deposit, start_date, end_date, status, termination_kind, termination_reason,
                                   created_by, created_at, signed_on, filing_due_on, filing_submitted_at, filing_number, filed_on,
                                   filed_by, vacate_by, renewal_reminded_on, member_count, rent_area)
                            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, null,
                                    (select count(*) from household_member m where m.household_id = ?), ?) returning id""")
                    .params(number, district, u.project(), u.id(), e.household(), e.decision(), e.tier(), rent,
                            rent.multiply(BigDecimal.valueOf(3)), Date.valueOf(start), Date.valueOf(end),
                            moving ? "TERMINATED" : "ACTIVE", moving ? "ARREARS" : null, moving ? "累计拖欠租金6个月以上，经住房保障部门决定收回" : null,
                            clerkId, at(signed, 9), Date.valueOf(signed), Date.valueOf(signed.plusDays(42)),
                            filed ? at(signed.plusDays(5), 10) : null,
                            filed ? district + "-BA-" + signed.getYear() + "-" + String.format("%05d", i + 1) : null,
                            filed ? Date.valueOf(signed.plusDays(12)) : null, filed ? officerId : null,
                            moving ? Date.valueOf(today.minusDays(3).plusMonths(2)) : null, e.household(), u.rentArea())
                    .query(Long.class).single();
            history(lease, e.household(), number, signed, start, filed, moving, clerkId, officerId, random);
            endingSoon += roll < 8 ? 1 : 0;
            movingOut += moving ? 1 : 0;
            unfiled += filed ? 0 : 1;
        }
        return new Seeded(n - movingOut, endingSoon, movingOut, unfiled);
    }

    private void history(long lease, long household, String number, LocalDate signed, LocalDate start, boolean filed,
                         boolean moving, long clerk, long officer, Random random) {
        List<Object[]> events = new ArrayList<>();
        events.add(new Object[]{"DRAFTED", "起草租赁合同", clerk, signed.minusDays(2)});
        events.add(new Object[]{"SIGNED", "签订租赁合同", clerk, signed});
        if (filed) {
            events.add(new Object[]{"FILED", "合同已备案", officer, signed.plusDays(12)});
        }
        events.add(new Object[]{"MOVED_IN", "办理入住", clerk, start});
        if (moving) {
            events.add(new Object[]{"TERMINATED", "终止合同：拖欠租金", clerk, LocalDate.now(clock).minusDays(3)});
        }
        for (Object[] e : events) {
            Timestamp at = at((LocalDate) e[3], 10);
            jdbc.sql("insert into lease_event (lease_id, kind, detail, actor, at) values (?, ?, '', ?, ?)")
                    .params(lease, e[0], e[2], at).update();
            jdbc.sql("""
                            insert into resident_file_entry (household_id, at, kind, title, detail, ref_type, ref_id, actor)
                            values (?, ?, ?, ?, '', 'lease', ?, ?)""")
                    .params(household, at, "LEASE_" + e[0], e[1] + "（合同 " + number + "）", lease, e[2]).update();
        }
        jdbc.sql("""
                        insert into lease_handover (lease_id, kind, keys, water_reading, electricity_reading, gas_reading, fixtures, actor, at)
                        values (?, 'MOVE_IN', 2, ?, ?, ?, '[{"item":"入户门及门锁","condition":"GOOD","note":""},{"item":"水龙头及洁具","condition":"GOOD","note":""}]'::jsonb, ?, ?)""")
                .params(lease, BigDecimal.valueOf(random.nextInt(5_000), 1), BigDecimal.valueOf(random.nextInt(90_000), 1),
                        BigDecimal.valueOf(random.nextInt(3_000), 1), clerk, at(start, 15))
                .update();
    }

    /** A time of day in Beijing, whatever zone the JVM runs in. */
    private static Timestamp at(LocalDate day, int hour) {
        return Timestamp.from(day.atTime(hour, 0).atZone(ZoneId.of("Asia/Shanghai")).toInstant());
    }
}
