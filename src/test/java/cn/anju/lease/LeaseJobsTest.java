package cn.anju.lease;

import cn.anju.household.HousedHouseholds;
import cn.anju.shared.policy.PolicySettings;
import cn.anju.support.LeaseFixtures;
import cn.anju.support.PlatformTest;
import cn.anju.support.SelectionFixtures;
import cn.anju.support.TestClock;
import cn.anju.support.WebClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.LocalDate;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The daily lease job: one renewal reminder inside the notice period, none outside it, expiry after the end date,
 * and the run holds its ShedLock lock.
 */
@PlatformTest
class LeaseJobsTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    LeaseJobs jobs;
    @Autowired
    HousedHouseholds housed;
    @Autowired
    PolicySettings settings;

    final LocalDate today = TestClock.today();

    long activeLease() {
        SelectionFixtures.Chosen c = SelectionFixtures.chosen(port, jdbc);
        WebClient clerk = WebClient.loggedIn(port, "anju.staff");
        long lease = WebClient.json(clerk.postJson("/api/v1/leases", "{\"selectionApplicantId\":" + c.applicantId()
                + ",\"startDate\":\"" + today + "\",\"termMonths\":36}")).get("id").asLong();
        assertThat(clerk.postJson("/api/v1/leases/" + lease + "/sign", "{}").statusCode()).isEqualTo(204);
        assertThat(clerk.postJson("/api/v1/leases/" + lease + "/move-in", LeaseFixtures.MOVE_IN).statusCode()).isEqualTo(204);
        return lease;
    }

    void endsOn(long lease, LocalDate end) {
        jdbc.sql("update lease set start_date = ?, end_date = ? where id = ?").params(end.minusYears(3), end, lease).update();
    }

    long reminders(long lease) {
        String number = jdbc.sql("select lease_number from lease where id = ?").param(lease).query(String.class).single();
        return jdbc.sql("select count(*) from notification_outbox where template = 'LEASE_RENEWAL_REMINDER' and params like ?")
                .param("%" + number + "%").query(Long.class).single();
    }

    String events(long lease) {
        return jdbc.sql("select string_agg(kind, ',' order by id) from lease_event where lease_id = ?").param(lease)
                .query(String.class).single();
    }

    @Test
    void aLeaseEndingWithinFourMonthsIsRemindedOnceAndOneEndingLaterIsNot() {
        long soon = activeLease();
        long later = activeLease();
        endsOn(soon, today.plusMonths(4).minusDays(1));
        // a few days past four months: on a month's last day one day is not enough (2027-06-29 minus four months is
        // 2027-02-28, clamped, which is still within the notice on 28 February)
        endsOn(later, today.plusMonths(4).plusDays(4));

        jobs.runDaily();
        jobs.runDaily(); // a rerun (or a second node) sends nothing more

        assertThat(reminders(soon)).isEqualTo(1);
        assertThat(reminders(later)).isZero();
        assertThat(events(soon)).endsWith("MOVED_IN,RENEWAL_REMINDED");
        long head = jdbc.sql("select m.id from household_member m join lease l on l.household_id = m.household_id "
                + "where l.id = ? and m.relationship = 'HEAD'").param(soon).query(Long.class).single();
        String number = jdbc.sql("select lease_number from lease where id = ?").param(soon).query(String.class).single();
        assertThat(jdbc.sql("select recipient_id from notification_outbox where template = 'LEASE_RENEWAL_REMINDER' and params like ?")
                .param("%" + number + "%").query(Long.class).single()).as("sent to the household head").isEqualTo(head);
    }

    @Test
    void anActiveLeasePastItsEndDateExpires() {
        long lease = activeLease();
        endsOn(lease, today.minusDays(1));
        jobs.daily(); // as the scheduler calls it: through the ShedLock lock
        assertThat(jdbc.sql("select count(*) from shedlock where name = 'lease-daily'").query(Long.class).single())
                .as("the run took the cluster-wide lock").isEqualTo(1);
        assertThat(jdbc.sql("select status from lease where id = ?").param(lease).query(String.class).single()).isEqualTo("EXPIRED");
        assertThat(events(lease)).endsWith(",EXPIRED");
        long household = jdbc.sql("select household_id from lease where id = ?").param(lease).query(Long.class).single();
        assertThat(housed.housed(null)).as("still in the unit until move-out: not back on the waitlist").contains(household);
    }

    @Test
    void aDistrictThatWantsEarlierRemindersGetsThem() {
        long lease = activeLease();
        endsOn(lease, today.plusMonths(5).minusDays(1));
        jobs.runDaily();
        assertThat(reminders(lease)).as("five months ahead is outside the default four").isZero();
        // 榆阳区 decides to remind six months ahead: policy with history, no code change
        settings.change("lease.renewal_notice_months", "610802", "6", null, "测试：提前6个月提醒");
        try {
            jobs.runDaily();
            assertThat(reminders(lease)).isEqualTo(1);
        } finally {
            settings.change("lease.renewal_notice_months", "610802", "4", null, "测试结束：恢复默认");
        }
        assertThat(settings.integer("lease.renewal_notice_months", "610802")).isEqualTo(4);
    }
}
