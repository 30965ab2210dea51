package cn.anju.shared.events;

import cn.anju.AnjuApplication;
import cn.anju.rent.BillRuns;
import cn.anju.rent.Dunning;
import cn.anju.support.ArrearsFixtures;
import cn.anju.support.LeaseFixtures;
import cn.anju.support.PlatformTest;
import cn.anju.support.TestClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Timestamp;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The outbox keeps a reaction between modules through a crash, shown on the arrears report that opens a violation
 * case: an event stored with its transaction but never delivered (the node died right after the commit) is delivered
 * when the next node starts; one whose reaction ran but whose completion was never recorded (the node died in
 * between, and the staleness check marked it failed) is retried by the upkeep job and changes nothing; completed
 * publications are deleted after a week.
 */
@PlatformTest
class EventRedeliveryTest {

    static final String ARREARS = "cn.anju.rent.ArrearsThresholdReached";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    BillRuns runs;
    @Autowired
    Dunning dunning;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    EventPublicationUpkeep upkeep;

    @Test
    void aReportOutlivesTheNodeThatStoredItAndOpensItsCaseOnce() {
        LeaseFixtures.Active a = LeaseFixtures.active(port, jdbc);
        try {
            ArrearsFixtures.sixMonthsOverdue(runs);
            tx.executeWithoutResult(status -> {
                dunning.reportArrears();
                // the node dies between the commit and the after-commit delivery: what was registered to run after
                // the commit (the listeners' invocations) is dropped, the report and its publications are committed
                TransactionSynchronizationManager.clearSynchronization();
                TransactionSynchronizationManager.initSynchronization();
            });
        } finally {
            TestClock.reset();
        }
        assertThat(jdbc.sql("select count(*) from arrears_report where lease_id = ? and cleared_on is null").param(a.leaseId())
                .query(Long.class).single()).isEqualTo(1);
        UUID publication = publication(a.leaseId());
        assertThat(row(publication)).containsEntry("status", "PUBLISHED").containsEntry("completion_date", null);
        assertThat(cases(a.leaseId())).as("not delivered").isZero();

        try (ConfigurableApplicationContext next = new SpringApplicationBuilder(AnjuApplication.class, TestClock.Config.class)
                .profiles("test", "demo").properties("server.port=0").run()) {
            // the next node delivers every outstanding publication at its start; wait for all, not only ours
            await().atMost(Duration.ofMinutes(3)).until(() -> jdbc.sql(
                    "select count(*) from event_publication where event_type = ? and completion_date is null").param(ARREARS)
                    .query(Long.class).single() == 0);
        }
        assertThat(row(publication)).containsEntry("status", "COMPLETED");
        assertThat(cases(a.leaseId())).isEqualTo(1);

        // the node died after the case was opened but before recording the completion; 15 minutes on the staleness
        // check marked the publication FAILED, and the upkeep job delivers it again
        jdbc.sql("update event_publication set status = 'FAILED', completion_date = null, publication_date = ? where id = ?")
                .params(Timestamp.from(TestClock.clock().instant().minus(Duration.ofMinutes(20))), publication).update();
        upkeep.retryFailed();
        await().atMost(Duration.ofSeconds(20)).until(() -> row(publication).get("status"), "COMPLETED"::equals);
        assertThat(cases(a.leaseId())).as("still one case").isEqualTo(1);
        assertThat(row(publication)).containsEntry("completion_attempts", 3);
        long caseId = jdbc.sql("select id from violation_case where lease_id = ?").param(a.leaseId()).query(Long.class).single();
        assertThat(jdbc.sql("select count(*) from resident_file_entry where ref_type = 'violation_case' and ref_id = ?").param(caseId)
                .query(Long.class).single()).as("told to the resident file once").isEqualTo(1);

        // kept for a week after its completion, then deleted
        upkeep.purgeCompleted();
        assertThat(exists(publication)).isTrue();
        try {
            TestClock.advance(Duration.ofDays(8));
            upkeep.purgeCompleted();
        } finally {
            TestClock.reset();
        }
        assertThat(exists(publication)).isFalse();
        assertThat(cases(a.leaseId())).isEqualTo(1);
    }

    boolean exists(UUID id) {
        return jdbc.sql("select count(*) from event_publication where id = ?").param(id).query(Long.class).single() == 1;
    }

    UUID publication(long lease) {
        return jdbc.sql("select id from event_publication where event_type = ? and (serialized_event::jsonb ->> 'leaseId')::bigint = ?")
                .params(ARREARS, lease).query(UUID.class).single();
    }

    Map<String, Object> row(UUID id) {
        return jdbc.sql("select status, completion_date, completion_attempts from event_publication where id = ?").param(id)
                .query().singleRow();
    }

    long cases(long lease) {
        return jdbc.sql("select count(*) from violation_case where lease_id = ? and type = 'ARREARS'").param(lease)
                .query(Long.class).single();
    }
}
