package cn.anju.rent;

import cn.anju.audit.AuditLog;
import cn.anju.audit.AuditOutcome;
import cn.anju.shared.Districts;
import cn.anju.shared.policy.PolicySettings;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.YearMonth;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

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
@Service
public class BillRuns {

    public enum Trigger { SCHEDULED, MANUAL }

    public record Result(long runId, YearMonth period, int bills, BigDecimal total, String digest, int withoutStandard) {
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final PolicySettings settings;
    private final Districts districts;
    private final Credits credits;
    private final AuditLog audit;
    private final Clock clock;
    private final int chunk;
    private final java.time.Duration pause;

    BillRuns(JdbcClient jdbc, TransactionTemplate tx, PolicySettings settings, Districts districts, Credits credits,
             AuditLog audit, Clock clock, @Value("${anju.rent.bill-chunk:20000}") int chunk,
             @Value("${anju.rent.bill-chunk-pause:0s}") java.time.Duration pause) {
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

    public Result run(Trigger trigger, Long actorId, YearMonth period) {
        Date month = Date.valueOf(period.atDay(1));
        long runId = jdbc.sql("insert into bill_run (period, trigger, actor, started_at) values (?, ?, ?, ?) returning id")
                .params(month, trigger.name(), actorId, Timestamp.from(clock.instant())).query(Long.class).single();
        // each district's due day, read once per run from policy
        List<Districts.District> all = districts.all();
        String[] codes = all.stream().map(Districts.District::code).toArray(String[]::new);
        Integer[] dueDays = all.stream().map(d -> settings.integer("rent.due_day", d.code())).toArray(Integer[]::new);
        record Bounds(Long min, Long max) {
        }
        Bounds bounds = jdbc.sql("select min(lease_id), max(lease_id) from lease_billing_basis")
                .query((rs, n) -> new Bounds((Long) rs.getObject(1), (Long) rs.getObject(2))).single();
        int bills = 0;
        BigDecimal total = BigDecimal.ZERO;
        MessageDigest digest = sha256();
        if (bounds.min() != null) {
            for (long start = bounds.min(); start <= bounds.max(); start += chunk) {
                long from = start;
                long to = start + chunk - 1;
                // each chunk commits on its own: a crash loses at most the chunk in flight, and the rerun fills it in
                Chunk c = tx.execute(status -> chunk(runId, month, codes, dueDays, from, to));
                bills += c.bills();
                total = total.add(c.total());
                digest.update(c.lines().getBytes(StandardCharsets.UTF_8));
                breathe();
            }
        }
        int withoutStandard = jdbc.sql("""
                        select count(*) from lease_billing_basis b
                         where b.moved_out_on is null
                           and not exists (select 1 from rent_standard s where s.project_id = b.project_id and s.effective_from <= ?)""")
                .param(Date.valueOf(period.atEndOfMonth())).query(Integer.class).single();
        String hex = HexFormat.of().formatHex(digest.digest());
        jdbc.sql("update bill_run set finished_at = ?, bills = ?, total = ?, digest = ? where id = ?")
                .params(Timestamp.from(clock.instant()), bills, total, hex, runId).update();
        credits.applyAll();
        audit.record("BILL_RUN", "bill_run", runId, AuditOutcome.SUCCESS, Map.of("period", period.toString(),
                "trigger", trigger.name(), "bills", bills, "total", total.toPlainString(), "digest", hex,
                "withoutStandard", withoutStandard));
        return new Result(runId, period, bills, total, hex, withoutStandard);
    }

    private record Chunk(int bills, BigDecimal total, String lines) {
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

    private Chunk chunk(long runId, Date month, String[] codes, Integer[] dueDays, long from, long to) {
        return jdbc.sql(INSERT)
                .params(from, to, month, month, codes, dueDays, runId, Timestamp.from(clock.instant()))
                .query((rs, n) -> new Chunk(rs.getInt(1), rs.getBigDecimal(2), rs.getString(3)))
                .single();
    }

    /**
     * Parameters: the lease id range, the month (twice) for the period arithmetic, district codes and due days, the
     * run id, the time. The span of a charge starts at the first day not yet
     * billed for the lease (never before the period or the lease), so an earlier bill of the same period is not
     * repeated and a change of state mid-period bills only the rest.
     */
    private static final String INSERT = """
            with basis as (
                select b.*, case b.billing_cycle when 'MONTHLY' then 1 when 'QUARTERLY' then 3 when 'HALF_YEARLY' then 6 else 12 end as months
                  from lease_billing_basis b
                 where b.moved_out_on is null and b.lease_id between ? and ?
            ), periods as (
                select b.*, (date_trunc('year', ?::date)
                             + ((extract(month from ?::date)::int - 1) / b.months * b.months) * interval '1 month')::date as pstart
                  from basis b
            ), spans as (
                select p.*, (p.pstart + p.months * interval '1 month' - interval '1 day')::date as pend,
                       greatest(p.pstart, p.start_date,
                                coalesce((select max(x.period_end) + 1 from bill x where x.lease_id = p.lease_id
                                           and x.charge_type in ('RENT', 'RENT_MARKET')), p.start_date)) as s
                  from periods p
            ), charges as (
                select sp.*, 'RENT' as charge_type, sp.s as cs,
                       least(sp.pend, case when sp.status = 'ACTIVE' then sp.end_date else coalesce(sp.vacate_by, sp.end_date) end) as ce
                  from spans sp
                union all
                select sp.*, 'RENT_MARKET', greatest(sp.s, sp.vacate_by + 1), sp.pend
                  from spans sp where sp.status <> 'ACTIVE' and sp.vacate_by is not null
            ), priced as (
                select c.*, std.yuan_per_sqm, red.mode, red.amount as reduction,
                       billing_months(c.cs, c.ce) as fraction, dd.day as due_day
                  from charges c
                  join unnest(?::text[], ?::int[]) as dd(code, day) on dd.code = c.district_code
                  join lateral (select s.yuan_per_sqm from rent_standard s
                                 where s.project_id = c.project_id and s.effective_from <= c.cs
                                   and s.kind = case when c.charge_type = 'RENT_MARKET' or c.rent_tier = 'MARKET' then 'MARKET' else 'STANDARD' end
                                 order by s.effective_from desc limit 1) std on true
                  left join lateral (select r.mode, r.amount from rent_tier_reduction r
                                      where r.rent_tier = c.rent_tier and r.region_code in (c.district_code, '610800')
                                        and r.effective_from <= c.cs and c.charge_type = 'RENT'
                                      order by (r.region_code = c.district_code) desc, r.effective_from desc limit 1) red on true
                 where c.ce >= c.cs
            ), ins as (
                insert into bill (lease_id, district_code, project_id, household_id, charge_type, period_start, period_end, due_date,
                                  amount, basis, run_id, created_at)
                select p.lease_id, p.district_code, p.project_id, p.household_id, p.charge_type, p.cs, p.ce,
                       greatest(p.cs, make_date(extract(year from p.cs)::int, extract(month from p.cs)::int,
                                least(p.due_day, extract(day from date_trunc('month', p.cs) + interval '1 month' - interval '1 day')::int))),
                       round(case when p.mode = 'FIXED' then greatest(p.yuan_per_sqm * p.rent_area - p.reduction, 0)
                                  else p.yuan_per_sqm * p.rent_area * (100 - coalesce(p.reduction, 0)) / 100 end * p.fraction, 2),
                       p.yuan_per_sqm || '元/㎡×' || p.rent_area || '㎡'
                           || case when p.reduction is null or p.reduction = 0 then ''
                                   when p.mode = 'FIXED' then '−' || p.reduction || '元' else '×' || (100 - p.reduction) || '%' end
                           || '×' || round(p.fraction, 4) || '月',
                       ?, ?
                  from priced p
                on conflict (lease_id, charge_type, period_start) do nothing
                returning id, amount
            )
            select count(*), coalesce(sum(amount), 0), coalesce(string_agg(id || ':' || amount, ',' order by id), '') from ins""";

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
