package cn.anju.shared.events;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.CompletedEventPublications;
import org.springframework.modulith.events.FailedEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Duration;

/**
 * Upkeep of the outbox between modules (Spring Modulith's event publication registry, table {@code event_publication}).
 * Outstanding publications are delivered again when a node starts
 * ({@code spring.modulith.events.republish-outstanding-events-on-restart}); this job does it without waiting for a
 * restart, for publications whose listener failed (a deadlock, a lost connection) or whose node died while delivering
 * (the staleness settings mark those failed). Completed publications are kept a week, so that an operator can still
 * see when a reaction ran, then deleted: the table would otherwise grow by every event for ever.
 */
@Component
class EventPublicationUpkeep {

    private final FailedEventPublications failed;
    private final CompletedEventPublications completed;
    private final Duration keepCompleted;
    private final Duration retryAfter;

    EventPublicationUpkeep(FailedEventPublications failed, CompletedEventPublications completed,
                           @Value("${anju.events.keep-completed:P7D}") Duration keepCompleted,
                           @Value("${anju.events.retry-after:PT2M}") Duration retryAfter) {
        this.failed = failed;
        this.completed = completed;
        this.keepCompleted = keepCompleted;
        this.retryAfter = retryAfter;
    }

    /** Failed publications at least {@code retryAfter} old go to their listener again, on one node at a time. */
    @Scheduled(fixedDelayString = "${anju.events.retry-every:PT5M}", initialDelayString = "${anju.events.retry-every:PT5M}")
    @SchedulerLock(name = "event-publication-retry", lockAtMostFor = "PT10M")
    void retryFailed() {
        failed.resubmit(ResubmissionOptions.defaults().withMinAge(retryAfter));
    }

    @Scheduled(cron = "${anju.events.purge-cron:0 40 3 * * *}", zone = "${anju.zone}")
    @SchedulerLock(name = "event-publication-purge", lockAtMostFor = "PT30M")
    void purgeCompleted() {
        completed.deletePublicationsOlderThan(keepCompleted);
    }
}
