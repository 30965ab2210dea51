package cn.anju.lease;

import cn.anju.support.TestClock;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;

/**
 * Ended leases of years before the demo's history, written in the lease module's own tables, so that a measure over
 * such a year sees exactly the leases a test wrote there and nothing else. Each copies the household, unit and terms
 * of one demo lease in 榆阳 that is lived in (never a vacant unit a fixture could let); every one that was moved into
 * is also moved out, so none of them is an occupant, billed or dunned today.
 */
final class PastLeases {

    private final JdbcClient jdbc;
    private final String prefix;
    final long template;
    final long unit;
    final long project;

    PastLeases(JdbcClient jdbc, String prefix) {
        this.jdbc = jdbc;
        this.prefix = prefix;
        this.template = jdbc.sql("""
                        select id from lease where district_code = '610802' and status = 'ACTIVE' and renews_lease_id is null
                         order by id offset 60 limit 1""").query(Long.class).single();
        this.unit = jdbc.sql("select unit_id from lease where id = ?").param(template).query(Long.class).single();
        this.project = jdbc.sql("select project_id from lease where id = ?").param(template).query(Long.class).single();
    }

    /** A lease signed on the day, ended (TERMINATED) by the time the test looks at it. */
    long signed(String number, LocalDate signedOn) {
        return jdbc.sql("""
                        insert into lease (lease_number, district_code, project_id, unit_id, household_id, eligibility_decision_id, rent_tier,
                               monthly_rent, deposit, start_date, end_date, status, created_by, created_at, signed_on, rent_area)
                        select ?, district_code, project_id, unit_id, household_id, eligibility_decision_id, rent_tier, monthly_rent, deposit,
                               ?, ?, 'TERMINATED', created_by, ?, ?, rent_area from lease where id = ?
                        returning id""")
                .params(prefix + number, Date.valueOf(signedOn), Date.valueOf(signedOn.plusYears(1)), at(signedOn), Date.valueOf(signedOn),
                        template)
                .query(Long.class).single();
    }

    /** An event of the lease's history at {@code hour} o'clock of the day in the city's zone. */
    void event(long lease, String kind, LocalDate day, int hour) {
        jdbc.sql("insert into lease_event (lease_id, kind, detail, at) values (?, ?, '', ?)")
                .params(lease, kind, Timestamp.from(day.atTime(hour, 0).atZone(TestClock.ZONE).toInstant())).update();
    }

    /** A lease signed on the day whose household moved in on {@code in} and out on {@code out}. */
    long lived(String number, LocalDate signedOn, LocalDate in, LocalDate out) {
        long lease = signed(number, signedOn);
        lived(lease, in, out);
        return lease;
    }

    /** Moved in on {@code in} and out on {@code out}, the unit returned that day. */
    void lived(long lease, LocalDate in, LocalDate out) {
        event(lease, "MOVED_IN", in, 15);
        event(lease, "MOVED_OUT", out, 10);
        jdbc.sql("update lease set moved_out_on = ? where id = ?").params(Date.valueOf(out), lease).update();
    }

    /** The household had to leave by the day. */
    void vacateBy(long lease, LocalDate day) {
        jdbc.sql("update lease set vacate_by = ? where id = ?").params(Date.valueOf(day), lease).update();
    }

    /** The move-out's settlement statement, written when the handover was done (late in the day, in the city's zone). */
    void settled(long lease, LocalDate day, boolean arrearsKnown) {
        jdbc.sql("""
                        insert into lease_settlement (lease_id, deposit, damages, arrears, arrears_known, refund, source, at)
                        values (?, 900, 0, ?, ?, ?, '测试', ?)""")
                .params(lease, arrearsKnown ? 0 : null, arrearsKnown, arrearsKnown ? 900 : null,
                        Timestamp.from(day.atTime(23, 30).atZone(TestClock.ZONE).toInstant()))
                .update();
    }

    String number(long lease) {
        return jdbc.sql("select lease_number from lease where id = ?").param(lease).query(String.class).single();
    }

    private static Timestamp at(LocalDate day) {
        return Timestamp.from(day.atTime(9, 0).atZone(TestClock.ZONE).toInstant());
    }
}
