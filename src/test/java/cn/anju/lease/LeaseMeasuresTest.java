package cn.anju.lease;

import cn.anju.shared.measure.MeasurePeriod;
import cn.anju.shared.measure.MeasureRecord;
import cn.anju.shared.measure.MeasureScope;
import cn.anju.shared.measure.MeasureValue;
import cn.anju.shared.measure.Measures;
import cn.anju.support.LeaseFixtures;
import cn.anju.support.MeasureChecks;
import cn.anju.support.PlatformTest;
import cn.anju.support.SelectionFixtures;
import cn.anju.support.TestClock;
import cn.anju.support.WebClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Leases started and ended in a period, recounted from the leases' history by the test. */
@PlatformTest
class LeaseMeasuresTest {

    @LocalServerPort
    int port;
    @Autowired
    Measures measures;
    @Autowired
    JdbcClient jdbc;

    @Test
    void leasesStartedAndEndedAreThoseThatTookEffectOrEndedInThePeriod() {
        // one lease moved into and ended today; one drafted and given up before move-in, which never started
        LeaseFixtures.Active lived = LeaseFixtures.active(port, jdbc);
        WebClient manager = WebClient.loggedIn(port, "anju.manager");
        assertThat(manager.postJson("/api/v1/leases/" + lived.leaseId() + "/terminate", "{\"kind\":\"VOLUNTARY\",\"reason\":\"家庭自愿退租\"}")
                .statusCode()).isEqualTo(204);
        long never = LeaseFixtures.drafted(port, SelectionFixtures.chosen(port, jdbc), 12);
        assertThat(manager.postJson("/api/v1/leases/" + never + "/terminate", "{\"kind\":\"VOLUNTARY\",\"reason\":\"家庭放弃入住\"}")
                .statusCode()).isEqualTo(204);

        LocalDate today = TestClock.today();
        LocalDate from = today.minusYears(1);
        MeasurePeriod period = new MeasurePeriod.Range(from, today);
        MeasureScope scope = MeasureScope.districts("610802", "610881");
        MeasureValue started = measures.compute("LEASES_STARTED", scope, period);
        MeasureValue ended = measures.compute("LEASES_ENDED", scope, period);

        Set<Long> everStarted = new HashSet<>();
        Set<Long> startedIn = new HashSet<>();
        Set<Long> endedIn = new HashSet<>();
        jdbc.sql("""
                        select e.lease_id, e.kind, e.at from lease_event e join lease l on l.id = e.lease_id
                         where l.district_code in ('610802', '610881')""")
                .query(rs -> {
                    String kind = rs.getString(2);
                    LocalDate day = rs.getObject(3, OffsetDateTime.class).atZoneSameInstant(TestClock.ZONE).toLocalDate();
                    boolean in = !day.isBefore(from) && !day.isAfter(today);
                    if (List.of("MOVED_IN", "RENEWAL_STARTED").contains(kind)) {
                        everStarted.add(rs.getLong(1));
                        if (in) {
                            startedIn.add(rs.getLong(1));
                        }
                    }
                    if (List.of("EXPIRED", "TERMINATED").contains(kind) && in) {
                        endedIn.add(rs.getLong(1));
                    }
                });
        endedIn.retainAll(everStarted);
        MeasureChecks.count(started, startedIn);
        MeasureChecks.count(ended, endedIn);
        assertThat(started.records()).extracting(MeasureRecord::id).contains(lived.leaseId()).doesNotContain(never);
        assertThat(ended.records()).extracting(MeasureRecord::id).contains(lived.leaseId()).doesNotContain(never);
        assertThat(started.records()).as("labels are lease numbers, never a person")
                .allMatch(r -> r.label().equals(jdbc.sql("select lease_number from lease where id = ?").param(r.id()).query(String.class).single()));
    }
}
