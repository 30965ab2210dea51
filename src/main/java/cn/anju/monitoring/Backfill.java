package cn.anju.monitoring;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Computes past days' snapshots from dated records: the last day of each month first (the trends need only those), then
 * every other day, newest first. Tells how far it has come, so the dashboards can say 回填中 until it is done. A day
 * already taken keeps its rows: running it twice, or after a crash, just goes on.
 */
@Component
public class Backfill {

    private static final Logger log = LoggerFactory.getLogger(Backfill.class);

    private final Snapshots snapshots;
    private final AtomicInteger done = new AtomicInteger();
    private volatile int total;
    private volatile boolean running;

    Backfill(Snapshots snapshots) {
        this.snapshots = snapshots;
    }

    /** How far a running backfill has come: days done of days planned; not running when both are 0 or it finished. */
    public record Progress(boolean running, int done, int total) {
    }

    public Progress progress() {
        return new Progress(running, done.get(), total);
    }

    /** Backfills every day from {@code from} to {@code to}, both included; returns the rows written. */
    public int run(LocalDate from, LocalDate to) {
        List<LocalDate> days = order(from, to);
        total = days.size();
        done.set(0);
        running = true;
        int rows = 0;
        try {
            for (LocalDate day : days) {
                rows += snapshots.take(day, SnapshotRecords.TABLE);
                done.incrementAndGet();
            }
        } finally {
            running = false;
        }
        log.info("Monitoring backfill {} to {}: {} days, {} rows", from, to, days.size(), rows);
        return rows;
    }

    /** Month ends first, newest first, then the other days, newest first. */
    static List<LocalDate> order(LocalDate from, LocalDate to) {
        Set<LocalDate> ordered = new LinkedHashSet<>();
        for (LocalDate d = to.withDayOfMonth(to.lengthOfMonth()); !d.isBefore(from.withDayOfMonth(1)); d = d.withDayOfMonth(1).minusDays(1)) {
            if (!d.isBefore(from) && !d.isAfter(to)) {
                ordered.add(d);
            }
        }
        for (LocalDate d = to; !d.isBefore(from); d = d.minusDays(1)) {
            ordered.add(d);
        }
        return new ArrayList<>(ordered);
    }
}
