package cn.anju.rent;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;

/**
 * The scheduled bill run: every night for the current month, once across all nodes (ShedLock). Running it daily
 * rather than once a month is what bills a lease signed mid-month without anyone pressing a button; the unique
 * bill key makes every run after the first add only what is new.
 */
@Component
class RentJobs {

    private final BillRuns runs;
    private final LateFees lateFees;
    private final Clock clock;

    RentJobs(BillRuns runs, LateFees lateFees, Clock clock) {
        this.runs = runs;
        this.lateFees = lateFees;
        this.clock = clock;
    }

    /** On the 1st: late fees through that day on every overdue bill (payments post them too, before they allocate). */
    @Scheduled(cron = "${anju.rent.late-fee-cron:0 45 2 1 * *}", zone = "${anju.zone}")
    @SchedulerLock(name = "rent-late-fees", lockAtMostFor = "PT2H")
    void monthlyLateFees() {
        lateFees.postAll(LocalDate.now(clock));
    }

    @Scheduled(cron = "${anju.rent.bill-cron:0 15 2 * * *}", zone = "${anju.zone}")
    @SchedulerLock(name = "rent-bill-run", lockAtMostFor = "PT2H")
    void nightly() {
        runs.run(BillRuns.Trigger.SCHEDULED, null, YearMonth.now(clock));
    }
}
