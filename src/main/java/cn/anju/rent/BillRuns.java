package cn.anju.rent;

import cn.anju.shared.crypto.Crypto;
import cn.anju.shared.crypto.CryptoPurpose;
import cn.anju.shared.crypto.Hash;
import cn.anju.shared.crypto.HashAlgorithm;
import cn.anju.audit.AuditLog;
import cn.anju.audit.AuditOutcome;
import cn.anju.shared.Districts;
import cn.anju.shared.policy.PolicySettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * The bill run (出账): for a month, every lease on the lease module's billing basis gets the bill of its billing
 * period that contains that month, from the first day not yet billed, in a few set-based statements per chunk of
 * leases. Exactly one bill per lease, charge type and period start (unique constraint), so a rerun, a second node
 * or a run after a crash adds only what is missing. One audit entry and one run row per run, not one per bill.
 *
 * <p>Charges: RENT at the lease's rent (the project's standard for its tier less the tier's reduction) while the
 * lease runs and, after it ended, until the end of the household's transition period; RENT_MARKET at the market
 * standard after that until move-out. Both are rent (treasury money). The scheduled run and the manual run for a
 * chosen month both call {@link #run}.
 */
@NamedInterface("api")
@Service
public class BillRuns {

    public enum Trigger { SCHEDULED, MANUAL }

    /** {@code bills}, {@code total}: rent; {@code chargeBills}, {@code chargeTotal}: other charges, kept apart (never rent figures). */
    public record Result(long runId, YearMonth period, int bills, BigDecimal total, String digest, int withoutStandard,
                         int chargeBills, BigDecimal chargeTotal) {
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final PolicySettings settings;
    private final Districts districts;
    private final Credits credits;
    private final AuditLog audit;
    private final Clock clock;
    private final int chunk;
    private final Duration pause;
    private final DataSource dataSource;
    private final Crypto crypto;
    private static final Logger log = LoggerFactory.getLogger(BillRuns.class);

    BillRuns(JdbcClient jdbc, TransactionTemplate tx, PolicySettings settings, Districts districts, Credits credits,
             AuditLog audit, Clock clock, @Value("${anju.rent.bill-chunk:50000}") int chunk,
             @Value("${anju.rent.bill-chunk-pause:0s}") Duration pause, DataSource dataSource, Crypto crypto) {
        this.crypto = crypto;
        this.dataSource = dataSource;
        this.pause = pause;
        this.jdbc = jdbc;
        this.tx = tx;
        this.settings = settings;
        this.districts = districts;
        this.credits = credits;
        this.audit = audit;
        this.clock = clock;
        this.chunk = chunk;
    }

    /** A new run for the month, under its lock from the first statement to the last. */
    public Result run(Trigger trigger, Long actorId, YearMonth period) {
        long runId = jdbc.sql("insert into bill_run (period, trigger, actor, started_at) values (?, ?, ?, ?) returning id")
                .params(Date.valueOf(period.atDay(1)), trigger.name(), actorId, Timestamp.from(clock.instant())).query(Long.class).single();
        try (BillRunLock lock = BillRunLock.tryTake(dataSource, runId)) {
            if (lock == null) {
                throw new IllegalStateException("bill run " + runId + " is locked by another session before it started");
            }
            return carryOn(runId, period, trigger);
        }
    }

    /**
     * At start-up: a run that a crashed process left unfinished, and that no live process holds the lock of, is taken
     * to its end from the chunk after its last committed one, so that every bill belongs to a finished run whose
     * totals and digest cover it.
     */
    public List<Result> resumeUnfinished() {
        record Unfinished(long id, YearMonth period, Trigger trigger) {
        }
        List<Unfinished> open = jdbc.sql("select id, period, trigger from bill_run where finished_at is null order by id")
                .query((rs, n) -> new Unfinished(rs.getLong(1), YearMonth.from(rs.getObject(2, LocalDate.class)),
                        Trigger.valueOf(rs.getString(3)))).list();
        List<Result> resumed = new ArrayList<>();
        for (Unfinished u : open) {
            try (BillRunLock lock = BillRunLock.tryTake(dataSource, u.id())) {
                boolean stillOpen = lock != null && jdbc.sql("select finished_at is null from bill_run where id = ?").param(u.id())
                        .query(Boolean.class).single();
                if (stillOpen) {
                    log.info("Resuming bill run {} for {} left unfinished", u.id(), u.period());
                    resumed.add(carryOn(u.id(), u.period(), u.trigger()));
                }
            }
        }
        return resumed;
    }

    /** The chunks not yet committed for this run, then its totals and digest from every committed chunk. */
    private Result carryOn(long runId, YearMonth period, Trigger trigger) {
        Date month = Date.valueOf(period.atDay(1));
        // each district's due day, read once per run from policy
        List<Districts.District> all = districts.all();
        String[] codes = all.stream().map(Districts.District::code).toArray(String[]::new);
        Integer[] dueDays = all.stream().map(d -> settings.integer("rent.due_day", d.code())).toArray(Integer[]::new);
        record Done(long lastLease, String chain) {
        }
        Done done = jdbc.sql("select last_lease, chain from bill_run_chunk where run_id = ? order by last_lease desc limit 1").param(runId)
                .query((rs, n) -> new Done(rs.getLong(1), rs.getString(2))).optional().orElse(new Done(Long.MIN_VALUE, ""));
        record Bounds(Long min, Long max) {
        }
        Bounds bounds = jdbc.sql("select min(lease_id), max(lease_id) from lease_billing_basis")
                .query((rs, n) -> new Bounds((Long) rs.getObject(1), (Long) rs.getObject(2))).single();
        String chain = done.chain();
        if (bounds.min() != null) {
            for (long start = Math.max(bounds.min(), done.lastLease() + 1); start <= bounds.max(); start += chunk) {
                long from = start;
                long to = Math.min(start + chunk - 1, bounds.max());
                String previous = chain;
                // each chunk commits on its own with its record: a crash loses at most the chunk in flight
                try {
                    chain = tx.execute(status -> chunk(runId, month, codes, dueDays, from, to, previous, BillRunStatements.INSERT_UNCONTENDED));
                } catch (DuplicateKeyException e) {
                    // another run billed some of these leases at the same moment: the chunk again, skipping what it wrote
                    chain = tx.execute(status -> chunk(runId, month, codes, dueDays, from, to, previous, BillRunStatements.INSERT));
                }
                breathe();
            }
        }
        int withoutStandard = jdbc.sql("""
                        select count(*) from lease_billing_basis b
                         where b.moved_out_on is null
                           and b.project_id not in (select s.project_id from rent_standard s where s.effective_from <= ?)""")
                .param(month).query(Integer.class).single();
        record Totals(int bills, BigDecimal total, int chargeBills, BigDecimal chargeTotal) {
        }
        Totals t = jdbc.sql("""
                        select coalesce(sum(bills), 0), coalesce(sum(total), 0), coalesce(sum(charge_bills), 0), coalesce(sum(charge_total), 0)
                          from bill_run_chunk where run_id = ?""").param(runId)
                .query((rs, n) -> new Totals(rs.getInt(1), rs.getBigDecimal(2), rs.getInt(3), rs.getBigDecimal(4))).single();
        String hex = chain.isEmpty() ? link("", "") : chain;
        jdbc.sql("update bill_run set finished_at = ?, bills = ?, total = ?, digest = ?, charge_bills = ?, charge_total = ? where id = ?")
                .params(Timestamp.from(clock.instant()), t.bills(), t.total(), hex, t.chargeBills(), t.chargeTotal(), runId).update();
        credits.applyAll();
        audit.record(RentAudit.BILL_RUN, "bill_run", runId, AuditOutcome.SUCCESS, Map.of("period", period.toString(),
                "trigger", trigger.name(), "bills", t.bills(), "total", t.total().toPlainString(), "digest", hex,
                "withoutStandard", withoutStandard, "chargeBills", t.chargeBills(), "chargeTotal", t.chargeTotal().toPlainString()));
        return new Result(runId, period, t.bills(), t.total(), hex, withoutStandard, t.chargeBills(), t.chargeTotal());
    }

    static final CryptoPurpose RUN_DIGEST = CryptoPurpose.stored("bill-run");

    /**
     * The run's digest is a chain over its chunks in lease order: each link is the hash of the previous link (as
     * stored) and the chunk's bills as {@code id:amount} lines (rent, then other charges), so a resumed run ends on the
     * same kind of digest as an unbroken one, and anyone can recompute it from the bills and the chunk records. A run
     * keeps the algorithm its first link named (SHA-256 or SM3), even when resumed after a switch of the suite; links
     * from before algorithms were named are bare SHA-256 hex.
     */
    String link(String previous, String lines) {
        HashAlgorithm algorithm = previous.isEmpty() ? crypto.algorithmFor(RUN_DIGEST)
                : Hash.parse(previous).map(Hash.Stored::algorithm).orElse(HashAlgorithm.SHA256);
        return Crypto.digestWith(algorithm, RUN_DIGEST, (previous + lines).getBytes(StandardCharsets.UTF_8)).tagged();
    }

    private record Part(int bills, BigDecimal total, String lines) {
    }

    /** An optional pause between chunks (anju.rent.bill-chunk-pause) to leave room for the counter on a busy database. */
    private void breathe() {
        if (!pause.isZero()) {
            try {
                Thread.sleep(pause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private String chunk(long runId, Date month, String[] codes, Integer[] dueDays, long from, long to, String previous, String rentInsert) {
        // the statement joins a few thousand rows against small tables: hash joins, never a nested loop over a chunk
        jdbc.sql("set local enable_nestloop = off").update();
        Timestamp now = Timestamp.from(clock.instant());
        Part rent = jdbc.sql(rentInsert)
                .params(month, from, to, from, to, codes, dueDays, runId, now)
                .query((rs, n) -> new Part(rs.getInt(1), rs.getBigDecimal(2), rs.getString(3)))
                .single();
        Part charges = jdbc.sql(BillRunStatements.CHARGES_INSERT)
                .params(from, to, from, to, month, month, month, codes, dueDays, runId, now)
                .query((rs, n) -> new Part(rs.getInt(1), rs.getBigDecimal(2), rs.getString(3)))
                .single();
        Part metered = jdbc.sql(BillRunStatements.METERED_INSERT)
                .params(from, to, month, month, month, codes, dueDays, runId, now)
                .query((rs, n) -> new Part(rs.getInt(1), rs.getBigDecimal(2), rs.getString(3)))
                .single();
        String chain = link(previous, rent.lines() + charges.lines() + metered.lines());
        jdbc.sql("""
                        insert into bill_run_chunk (run_id, first_lease, last_lease, bills, total, charge_bills, charge_total, chain, committed_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(runId, from, to, rent.bills(), rent.total(), charges.bills() + metered.bills(), charges.total().add(metered.total()),
                        chain, now).update();
        return chain;
    }

}
