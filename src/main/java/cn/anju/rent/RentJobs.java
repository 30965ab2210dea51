package cn.anju.rent;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneId;

/**
 * The scheduled bill run: every night for the current month, once across all nodes (ShedLock). Running it daily
 * rather than once a month is what bills a lease signed mid-month without anyone pressing a button; the unique
 * bill key makes every run after the first add only what is new.
 */
@Component
class RentJobs {

    private final BillRuns runs;
    private final Clock clock;

    RentJobs(BillRuns runs, Clock clock) {
        this.runs = runs;
        this.clock = clock;
    }

    @Scheduled(cron = "${anju.rent.bill-cron:0 15 2 * * *}", zone = "Asia/Shanghai")
    @SchedulerLock(name = "rent-bill-run", lockAtMostFor = "PT2H")
    void nightly() {
        runs.run(BillRuns.Trigger.SCHEDULED, null, YearMonth.now(clock.withZone(ZoneId.of("Asia/Shanghai"))));
    }
}
