package cn.anju.rent;

import cn.anju.support.LeaseFixtures;
import cn.anju.support.Pdfs;
import cn.anju.support.PlatformTest;
import cn.anju.support.TestClock;
import cn.anju.support.WebClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Dunning: the highest stage reached is notified once, by SMS to the head; the printed notice lists the debt. */
@PlatformTest
class DunningTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    BillRuns runs;
    @Autowired
    Dunning dunning;

    String stages(long lease) {
        return jdbc.sql("select coalesce(string_agg(stage, ',' order by id), '') from dunning_notice where lease_id = ?").param(lease)
                .query(String.class).single();
    }

    long notices(String leaseNumber) {
        return jdbc.sql("select count(*) from notification_outbox where template = 'RENT_OVERDUE_NOTICE' and params like ?")
                .param("%" + leaseNumber + "%").query(Long.class).single();
    }

    @Test
    void aHouseholdFallingBehindIsNoticedOnceAtEachStageItReaches() {
        LocalDate today = TestClock.today();
        LeaseFixtures.Active a = LeaseFixtures.active(port, jdbc);
        runs.run(BillRuns.Trigger.MANUAL, null, YearMonth.from(today));
        String number = jdbc.sql("select lease_number from lease where id = ?").param(a.leaseId()).query(String.class).single();
        LocalDate due = jdbc.sql("select due_date from bill where lease_id = ?").param(a.leaseId()).query(LocalDate.class).single();
        try {
            // 31 days after the due day: the 30-day notice, not the 1-day one as well
            TestClock.advance(Duration.ofDays(ChronoUnit.DAYS.between(today, due) + 31));
            dunning.run();
            assertThat(stages(a.leaseId())).isEqualTo("OVERDUE_30");
            assertThat(notices(number)).isEqualTo(1);
            dunning.run(); // the same day again, or a second node
            assertThat(notices(number)).isEqualTo(1);
            // 60 more days: the 90-day notice
            TestClock.advance(Duration.ofDays(60));
            dunning.run();
            assertThat(stages(a.leaseId())).isEqualTo("OVERDUE_30,OVERDUE_90");
            assertThat(jdbc.sql("select params from notification_outbox where template = 'RENT_OVERDUE_NOTICE' and params like ? order by id desc limit 1")
                    .param("%" + number + "%").query(String.class).single()).contains("\"days\":\"91\"");

            // the notices are in the resident file, and the household page's rent part lists bills and notices
            long household = jdbc.sql("select household_id from lease where id = ?").param(a.leaseId()).query(Long.class).single();
            // (this lease's notices: the household may have had an earlier lease in another test)
            assertThat(jdbc.sql("select string_agg(kind, ',' order by id) from resident_file_entry where household_id = ? and kind like 'DUNNING_%' and title like ?")
                    .params(household, "%" + number + "%").query(String.class).single()).isEqualTo("DUNNING_OVERDUE_30,DUNNING_OVERDUE_90");
            TestClock.reset(); // sessions and passwords as of today
            WebClient clerk = WebClient.loggedIn(port, "anju.staff");
            String part = clerk.get("/households/" + household + "/rent").body();
            assertThat(part).contains(number, "逾期30天通知", "逾期90天通知", "租金");
            assertThat(WebClient.loggedIn(port, "shenmu.op").get("/households/" + household + "/rent").body()).doesNotContain(number);
            var pdf = clerk.getBytes("/api/v1/rent-accounts/" + a.leaseId() + "/dunning-letter");
            assertThat(pdf.statusCode()).isEqualTo(200);
            assertThat(Pdfs.text(pdf.body())).contains("公共租赁住房租金催缴通知书", number, "欠缴租金合计", "第二十九条", "人民币");
            assertThat(WebClient.loggedIn(port, "shenmu.op").getBytes("/api/v1/rent-accounts/" + a.leaseId() + "/dunning-letter").statusCode())
                    .isEqualTo(404);
        } finally {
            TestClock.reset();
        }
    }
}
