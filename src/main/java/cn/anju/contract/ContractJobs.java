package cn.anju.contract;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Contracts follow their days: signed ones come into force on their first day and end after their last. Access never
 * waits for this job (coverage rows carry the dates); it keeps the states the pages show true, after midnight and at
 * start-up.
 */
@Component
class ContractJobs {

    private final ContractLifecycle lifecycle;

    ContractJobs(ContractLifecycle lifecycle) {
        this.lifecycle = lifecycle;
    }

    @Scheduled(cron = "0 1 0 * * *", zone = "${anju.zone}")
    @SchedulerLock(name = "contract-follow-days")
    void followDays() {
        lifecycle.followAll();
    }

    @EventListener(ApplicationReadyEvent.class)
    void atStart() {
        lifecycle.followAll();
    }
}
