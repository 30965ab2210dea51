package cn.anju.monitoring;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;

/**
 * Today's snapshot: every night at 23:50 (one node, ShedLock), and at start-up when today has none yet, before the
 * platform reports ready. With {@code anju.monitoring.backfill-months} above 0 (the demo), the months before are then
 * backfilled in the background (last month's end first, and its monthly report), so a first start is not held up by
 * history.
 */
@Component
class SnapshotJobs {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(SnapshotJobs.class);

    private final Snapshots snapshots;
    private final Backfill backfill;
    private final MonthlyReports reports;
    private final Clock clock;
    private final int backfillMonths;

    /**
     * @param backfillMonths how many months before today to backfill after start-up (the demo: 24)
     * @param inBackground   false in the tests: a background backfill would compete with the suite for the CPU, and a
     *                       test backfills the days it needs itself
     */
    SnapshotJobs(Snapshots snapshots, Backfill backfill, MonthlyReports reports, Clock clock, @Value("${anju.monitoring.backfill-months:0}") int backfillMonths,
                 @Value("${anju.monitoring.backfill-in-background:true}") boolean inBackground) {
        this.snapshots = snapshots;
        this.backfill = backfill;
        this.reports = reports;
        this.clock = clock;
        this.backfillMonths = inBackground ? backfillMonths : 0;
    }

    @Scheduled(cron = "0 50 23 * * *", zone = "${anju.zone}")
    @SchedulerLock(name = "monitoring-snapshot")
    void nightly() {
        snapshots.today();
    }

    @EventListener(ApplicationReadyEvent.class)
    void atStart() {
        long started = System.nanoTime();
        int rows = snapshots.today();
        log.info("Monitoring snapshot of today at start-up: {} rows in {} ms", rows, (System.nanoTime() - started) / 1_000_000);
        if (backfillMonths > 0) {
            LocalDate today = LocalDate.now(clock);
            YearMonth lastMonth = YearMonth.from(today).minusMonths(1);
            Thread.ofVirtual().name("monitoring-backfill").start(() -> {
                backfill.run(lastMonth.atEndOfMonth(), lastMonth.atEndOfMonth()); // last month's report first
                reports.generate(lastMonth);
                backfill.run(today.minusMonths(backfillMonths), today.minusDays(1));
            });
        }
    }
}
