package cn.anju.monitoring;

import cn.anju.shared.measure.Measure;
import cn.anju.shared.measure.Measures;
import cn.anju.support.PlatformTest;
import cn.anju.support.TestClock;
import cn.anju.support.WebClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;

import java.sql.Date;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Snapshots are history: a day's figures, computed again later from dated records after the records have changed, are
 * the figures of that day for every backfillable measure; the stored rows never change; a problem list of a past day
 * lists exactly the records it counted.
 */
@PlatformTest
class SnapshotHistoryTest {

    private static final String COLUMNS = "day, district_code, project_id, measure_code, period, value, numerator, denominator, "
            + "breakdown::text, record_ids, record_labels";

    @LocalServerPort
    int port;
    @Autowired
    Snapshots snapshots;
    @Autowired
    Backfill backfill;
    @Autowired
    Measures measures;
    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void reset() {
        TestClock.reset();
    }

    String[] backfillable() {
        return measures.all().stream().map(Measure::definition).filter(d -> d.backfillable()).map(d -> d.code()).toArray(String[]::new);
    }

    long differences(String a, String b, LocalDate day) {
        String one = "select " + COLUMNS + " from %s where day = ? and measure_code = any(?)";
        return jdbc.sql("select count(*) from ((" + one.formatted(a) + " except " + one.formatted(b) + ") union all ("
                        + one.formatted(b) + " except " + one.formatted(a) + ")) d")
                .params(Date.valueOf(day), backfillable(), Date.valueOf(day), backfillable(), Date.valueOf(day), backfillable(),
                        Date.valueOf(day), backfillable())
                .query(Long.class).single();
    }

    String stored(LocalDate day) {
        return jdbc.sql("select md5(string_agg(t::text, ',' order by t::text)) from (select " + COLUMNS
                + " from monitoring_snapshot where day = ?) t").param(Date.valueOf(day)).query(String.class).single();
    }

    /** In one transaction, rolled back: the scratch tables are temporary and the changed work order is put back. */
    @Test
    @Transactional
    void aDayComputedAgainAfterItsRecordsChangedIsThatDaysSnapshotAndTheStoredOneNeverChanges() {
        LocalDate day = TestClock.today();
        assertThat(jdbc.sql("select count(*) from monitoring_snapshot where day = ?").param(Date.valueOf(day)).query(Long.class).single())
                .as("today's snapshot was taken at start-up").isPositive();
        String before = stored(day);
        for (String t : List.of("snapshot_on_the_day", "snapshot_backfilled")) {
            jdbc.sql("create temporary table " + t + " (like monitoring_snapshot including defaults including constraints)").update();
        }
        snapshots.take(day, "snapshot_on_the_day");

        TestClock.advance(Duration.ofDays(1));
        // the day after: an order overdue that day is completed, a new order comes in overdue already
        Long overdue = jdbc.sql("""
                        select id from work_order where done_due_at < ? and completed_at is null and state not in ('REFUSED', 'REFERRED')
                         order by id limit 1""").param(java.sql.Timestamp.from(day.atStartOfDay(TestClock.ZONE).toInstant()))
                .query(Long.class).optional().orElse(null);
        assertThat(overdue).as("the demo has an overdue work order to complete").isNotNull();
        jdbc.sql("update work_order set state = 'COMPLETED', completed_at = now() where id = ?").param(overdue).update();
        assertThat(snapshots.take(day, SnapshotRecords.TABLE)).as("taking a day again writes nothing").isZero();

        snapshots.take(day, "snapshot_backfilled");
        assertThat(jdbc.sql("select count(*) from snapshot_backfilled where day = ?").param(Date.valueOf(day)).query(Long.class).single())
                .isPositive();
        assertThat(differences("snapshot_on_the_day", "snapshot_backfilled", day))
                .as("every backfillable measure of the day, computed again the day after, is what the day saw").isZero();
        assertThat(jdbc.sql("select count(*) from snapshot_backfilled where day = ? and not (measure_code = any(?))")
                .params(Date.valueOf(day), backfillable()).query(Long.class).single()).as("a past day has no current-state measure").isZero();
        assertThat(stored(day)).as("the stored snapshot is unchanged").isEqualTo(before);
        assertThatThrownBy(() -> jdbc.sql("update monitoring_snapshot set value = 0 where day = ?").param(Date.valueOf(day)).update())
                .as("a snapshot row is written once").hasMessageContaining("written once"); // last: it ends the transaction
    }

    @Test
    void aPastDaysProblemListListsExactlyTheRecordsItCounted() {
        LocalDate day = TestClock.today().minusDays(20);
        backfill.run(day, day);
        WebClient officer = WebClient.loggedIn(port, "yuyang.gov");
        JsonNode dashboard = WebClient.json(officer.getJson("/api/v1/monitoring/districts/610802?date=" + day));
        assertThat(dashboard.get("asOf").asString()).isEqualTo(day.toString());
        JsonNode tile = null;
        for (JsonNode f : dashboard.get("figures")) {
            if (f.get("code").asString().equals("WORK_ORDERS_OVERDUE")) {
                tile = f;
            }
        }
        assertThat(tile).isNotNull();
        assertThat(tile.get("taken").asBoolean()).isTrue();
        int count = tile.get("value").asInt();
        JsonNode drill = WebClient.json(officer.getJson("/api/v1/monitoring/measures/WORK_ORDERS_OVERDUE/records?district=610802&date=" + day));
        assertThat(drill.get("fromSnapshot").asBoolean()).isTrue();
        assertThat(drill.get("items").size()).as("the tile's count, record by record").isEqualTo(count);
        assertThat(count).as("the demo's repairs leave some overdue orders on a past day").isPositive();
        JsonNode occupancy = null;
        for (JsonNode f : dashboard.get("figures")) {
            if (f.get("code").asString().equals("OCCUPANCY_RATE")) {
                occupancy = f;
            }
        }
        assertThat(occupancy.get("taken").asBoolean()).as("a current-state measure is not backfilled").isFalse();
    }
}
