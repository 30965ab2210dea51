package cn.anju.evaluation;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;

/**
 * Every night: once a quarter (and in January the year) has ended, each signed contract's evaluation for it is opened
 * and its computed leaves frozen, so the district starts scoring from figures nobody typed.
 */
@Component
class EvaluationJobs {

    private final Evaluations evaluations;
    private final Clock clock;

    EvaluationJobs(Evaluations evaluations, Clock clock) {
        this.evaluations = evaluations;
        this.clock = clock;
    }

    @Scheduled(cron = "0 30 2 * * *", zone = "${anju.zone}")
    @SchedulerLock(name = "evaluation-compute-ended")
    void computeEnded() {
        evaluations.computeEnded(LocalDate.now(clock));
    }
}
