package cn.anju.monitoring;

import cn.anju.shared.PlatformCommand;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;

/**
 * {@code java -jar anju.jar --anju.command=snapshot --from=2025-01-01 --to=2026-11-30}: computes the snapshots of past
 * days from dated records (measures that cannot be computed for a past day are left out); without dates, today's.
 */
@Component
class SnapshotCommand implements PlatformCommand {

    private final Snapshots snapshots;
    private final Backfill backfill;
    private final Clock clock;
    private final String from;
    private final String to;

    SnapshotCommand(Snapshots snapshots, Backfill backfill, Clock clock, @Value("${from:}") String from, @Value("${to:}") String to) {
        this.snapshots = snapshots;
        this.backfill = backfill;
        this.clock = clock;
        this.from = from;
        this.to = to;
    }

    @Override
    public String name() {
        return "snapshot";
    }

    @Override
    public int run() {
        LocalDate today = LocalDate.now(clock);
        if (from.isBlank()) {
            System.out.printf("SNAPSHOT %s: %d rows%n", today, snapshots.today());
            return 0;
        }
        LocalDate first = LocalDate.parse(from);
        LocalDate last = to.isBlank() ? today : LocalDate.parse(to);
        if (last.isBefore(first) || last.isAfter(today)) {
            System.err.println("snapshot: --to must not be before --from nor after today (" + today + ")");
            return 2;
        }
        long started = System.nanoTime();
        int rows = backfill.run(first, last);
        System.out.printf("SNAPSHOT %s..%s: %d rows in %d s%n", first, last, rows, (System.nanoTime() - started) / 1_000_000_000);
        return 0;
    }
}
