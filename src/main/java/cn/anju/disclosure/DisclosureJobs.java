package cn.anju.disclosure;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Drafts the public items of records that became final: every ten minutes (one node, ShedLock) and once at start-up,
 * so a record signed a moment ago has its draft waiting for review well within its working-day clock.
 */
@Component
class DisclosureJobs {

    private final Disclosures disclosures;

    DisclosureJobs(Disclosures disclosures) {
        this.disclosures = disclosures;
    }

    @Scheduled(fixedDelayString = "${anju.disclosure.draft-every:10m}", initialDelayString = "${anju.disclosure.draft-every:10m}")
    @SchedulerLock(name = "disclosure-draft")
    void draft() {
        disclosures.draftAll();
    }

    @EventListener(ApplicationReadyEvent.class)
    void atStart() {
        disclosures.draftAll();
    }
}
