package cn.anju.support;

import cn.anju.rent.BillRuns;

import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;

/** Leases six months in arrears: what makes the rent module report a household for a violation case. */
public final class ArrearsFixtures {

    private ArrearsFixtures() {
    }

    /**
     * Seven months billed from this month on and nothing paid, and the test clock moved to the 25th of the seventh
     * month: by then six full months are overdue on every lease billed. The caller resets the clock.
     */
    public static void sixMonthsOverdue(BillRuns runs) {
        LocalDate today = TestClock.today();
        for (int m = 0; m < 7; m++) {
            runs.run(BillRuns.Trigger.MANUAL, null, YearMonth.from(today).plusMonths(m));
        }
        TestClock.advance(Duration.ofDays(ChronoUnit.DAYS.between(today, YearMonth.from(today).plusMonths(6).atDay(25))));
    }
}
