package cn.anju.rent;

import cn.anju.shared.PlatformCommand;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.YearMonth;

/**
 * {@code java -jar anju.jar --anju.command=bill-run [--anju.rent.bill-period=2026-12]}: the monthly bill run from the
 * command line (an operator's cron, a catch-up after an outage), through the same entry point as the scheduler.
 * Killed half way, it is simply run again: the chunks already committed stay, the rest is added.
 */
@Component
class BillRunCommand implements PlatformCommand {

    private final BillRuns runs;
    private final Clock clock;
    private final String period;

    BillRunCommand(BillRuns runs, Clock clock, @Value("${anju.rent.bill-period:}") String period) {
        this.runs = runs;
        this.clock = clock;
        this.period = period;
    }

    @Override
    public String name() {
        return "bill-run";
    }

    @Override
    public int run() {
        YearMonth month = period.isBlank() ? YearMonth.now(clock) : YearMonth.parse(period);
        BillRuns.Result r = runs.run(BillRuns.Trigger.MANUAL, null, month);
        System.out.printf("BILL RUN %s: %d bills, total %s, digest %s, %d leases without a rent standard%n",
                month, r.bills(), r.total().toPlainString(), r.digest(), r.withoutStandard());
        return 0;
    }
}
