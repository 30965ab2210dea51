package cn.anju.inspection;

import cn.anju.lease.LeaseMovedOut;
import cn.anju.rent.ArrearsThresholdReached;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * What other modules' events do to violation cases. Each listener runs after the publisher's transaction committed,
 * on its own thread and in its own transaction; the event publication registry (table {@code event_publication})
 * keeps the event until the listener completed and delivers it again after a failure or a restart, so every
 * reaction must be harmless the second time ({@link ViolationCases} checks before it acts).
 */
@Component
class ViolationCaseReactions {

    private final ViolationCases cases;

    ViolationCaseReactions(ViolationCases cases) {
        this.cases = cases;
    }

    /** Six months' arrears: a case reported to the government, once per lease while one is open. */
    @ApplicationModuleListener
    void on(ArrearsThresholdReached e) {
        cases.openArrearsCase(e);
    }

    /** The household left: a RECLAIM case on the lease is VACATED. */
    @ApplicationModuleListener
    void on(LeaseMovedOut e) {
        cases.leaseMovedOut(e);
    }
}
