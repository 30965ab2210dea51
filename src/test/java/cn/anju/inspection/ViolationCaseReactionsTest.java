package cn.anju.inspection;

import cn.anju.rent.ArrearsThresholdReached;
import cn.anju.rent.BillRuns;
import cn.anju.rent.Dunning;
import cn.anju.support.ArrearsFixtures;
import cn.anju.support.LeaseFixtures;
import cn.anju.support.PlatformTest;
import cn.anju.support.TestClock;
import cn.anju.support.WebClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.EnableScenarios;
import org.springframework.modulith.test.Scenario;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The other modules' events reach violation cases through the outbox: each is stored in {@code event_publication}
 * with the publisher's transaction, delivered after it committed, and marked completed once the case changed.
 */
@PlatformTest
@EnableScenarios
class ViolationCaseReactionsTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    BillRuns runs;
    @Autowired
    Dunning dunning;

    @Test
    void aMoveOutUnderAReclaimDecisionLeavesTheCaseVacated(Scenario scenario) {
        LeaseFixtures.Active a = LeaseFixtures.active(port, jdbc);
        WebClient clerk = WebClient.loggedIn(port, "anju.staff");
        var opened = clerk.postJson("/api/v1/violation-cases", "{\"leaseId\":" + a.leaseId()
                + ",\"type\":\"SUBLET\",\"facts\":\"入户核查发现整套转租，租客出示了转租协议。\"}");
        assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
        long id = WebClient.json(opened).get("id").asLong();
        jdbc.sql("update violation_case set state = 'REPORTED' where id = ?").param(id).update(); // evidence: ViolationCaseTest
        assertThat(WebClient.loggedIn(port, "yuyang.gov").postJson("/api/v1/violation-cases/" + id + "/decision",
                "{\"decision\":\"RECLAIM\",\"reason\":\"转租属实，依第二十七条收回\"}").statusCode()).isEqualTo(204);
        assertThat(state(id)).isEqualTo("DECIDED");

        scenario.stimulate(() -> {
                    var moved = clerk.postJson("/api/v1/leases/" + a.leaseId() + "/move-out", """
                            {"keysReturned":2,"waterReading":20,"electricityReading":400,"fixtures":[{"item":"入户门及门锁","condition":"GOOD","note":""}],
                             "damages":"","damageAmount":0,"unitReturnedAs":"VACANT"}""");
                    assertThat(moved.statusCode()).as(moved.body()).isEqualTo(200);
                })
                .andWaitAtMost(Duration.ofSeconds(20))
                .andWaitForStateChange(() -> state(id), "VACATED"::equals)
                .andVerify(state -> assertThat(jdbc.sql("select note, actor_id from violation_case_event where case_id = ? and to_state = 'VACATED'")
                        .param(id).query().listOfRows())
                        .containsExactly(Map.of("note", "住户已退房，房屋收回", "actor_id", userId("anju.staff"))));

        // the event as the outbox stored it: ids and the day, completed once the case moved
        long household = jdbc.sql("select household_id from lease where id = ?").param(a.leaseId()).query(Long.class).single();
        await().atMost(Duration.ofSeconds(20)).until(() -> publications("cn.anju.lease.LeaseMovedOut", a.leaseId()),
                rows -> rows.size() == 1 && "COMPLETED".equals(rows.getFirst().get("status")));
        assertThat(publications("cn.anju.lease.LeaseMovedOut", a.leaseId()).getFirst())
                .containsEntry("listener_id", "cn.anju.inspection.ViolationCaseReactions.on(cn.anju.lease.LeaseMovedOut)")
                .containsEntry("household", Long.toString(household))
                .containsEntry("unit", Long.toString(a.chosen().unitId()))
                .containsEntry("day", TestClock.today().toString());
    }

    @Test
    void sixMonthsOfArrearsReportedOpenOneArrearsCase(Scenario scenario) {
        LeaseFixtures.Active a = LeaseFixtures.active(port, jdbc);
        try {
            ArrearsFixtures.sixMonthsOverdue(runs);
            scenario.stimulate(() -> dunning.reportArrears())
                    .andWaitAtMost(Duration.ofSeconds(60))
                    .andWaitForStateChange(() -> cases(a.leaseId()), rows -> !rows.isEmpty())
                    .andVerifyEvents(events -> assertThat(events).contains(ArrearsThresholdReached.class)
                            .matching(e -> e.leaseId() == a.leaseId() && e.thresholdMonths() == 6
                                    && e.overduePrincipal().compareTo(e.monthlyRent().multiply(BigDecimal.valueOf(6))) >= 0));
        } finally {
            TestClock.reset();
        }
        assertThat(cases(a.leaseId())).containsExactly(Map.of("type", "ARREARS", "state", "REPORTED", "source", "ARREARS"));
        await().atMost(Duration.ofSeconds(20)).until(() -> publications("cn.anju.rent.ArrearsThresholdReached", a.leaseId()),
                rows -> rows.size() == 1 && "COMPLETED".equals(rows.getFirst().get("status")));
        assertThat(publications("cn.anju.rent.ArrearsThresholdReached", a.leaseId()).getFirst())
                .containsEntry("listener_id", "cn.anju.inspection.ViolationCaseReactions.on(cn.anju.rent.ArrearsThresholdReached)");
    }

    String state(long id) {
        return jdbc.sql("select state from violation_case where id = ?").param(id).query(String.class).single();
    }

    List<Map<String, Object>> cases(long lease) {
        return jdbc.sql("select type, state, source from violation_case where lease_id = ?").param(lease).query().listOfRows();
    }

    long userId(String username) {
        return jdbc.sql("select id from app_user where username = ?").param(username).query(Long.class).single();
    }

    /** The outbox rows of one event type about a lease, with the fields a reader may rely on. */
    List<Map<String, Object>> publications(String type, long lease) {
        return jdbc.sql("""
                        select listener_id, status, completion_date, serialized_event::jsonb ->> 'householdId' as household,
                               serialized_event::jsonb ->> 'unitId' as unit, serialized_event::jsonb ->> 'movedOutOn' as day
                          from event_publication where event_type = ? and (serialized_event::jsonb ->> 'leaseId')::bigint = ?""")
                .params(type, lease).query().listOfRows();
    }
}
