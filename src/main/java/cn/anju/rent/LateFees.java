package cn.anju.rent;

import cn.anju.shared.policy.PolicySettings;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Late fees (滞纳金) as debit notes on overdue bills: rate × overdue principal × days (policy
 * {@code rent.late_fee_daily_rate}, 0.05 % by default, may be 0), never on earlier fees, at most
 * {@code rent.late_fee_cap_ratio} × the bill. Principal changes only when money arrives, so fees are posted up to
 * the day just before every payment of the lease and on the 1st of each month: each posted piece covers days on
 * which the principal stayed the same, which makes the sum exact.
 */
@Component
class LateFees {

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final PolicySettings settings;
    private final Clock clock;

    LateFees(JdbcClient jdbc, TransactionTemplate tx, PolicySettings settings, Clock clock) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.settings = settings;
        this.clock = clock;
    }

    record Overdue(long billId, String district, LocalDate due, BigDecimal amount, BigDecimal principal, LocalDate lastCharged,
                   BigDecimal charged) {
    }

    static List<Overdue> overdue(JdbcClient jdbc, long leaseId, LocalDate asOf) {
        return jdbc.sql("""
                        select b.id, b.district_code, b.due_date, b.amount,
                               greatest(b.amount - coalesce((select sum(a.amount) from bill_adjustment a where a.bill_id = b.id and a.kind = 'CREDIT'), 0)
                                        - b.paid, 0) as principal,
                               coalesce((select max(a.as_of) from bill_adjustment a where a.bill_id = b.id and a.kind = 'LATE_FEE'), b.due_date),
                               coalesce((select sum(a.amount) from bill_adjustment a where a.bill_id = b.id and a.kind = 'LATE_FEE'), 0)
                          from bill_balance b
                         where b.lease_id = ? and b.due_date < ? and b.charge_type in ('RENT', 'RENT_MARKET') and b.outstanding > 0
                         order by b.due_date, b.id""")
                .params(leaseId, Date.valueOf(asOf))
                .query((rs, n) -> new Overdue(rs.getLong(1), rs.getString(2), rs.getObject(3, LocalDate.class), rs.getBigDecimal(4),
                        rs.getBigDecimal(5), rs.getObject(6, LocalDate.class), rs.getBigDecimal(7)))
                .list();
    }

    /** What would be posted for the lease if posted today (the counter shows it before taking money). */
    BigDecimal accrued(long leaseId, LocalDate asOf) {
        return overdue(jdbc, leaseId, asOf).stream().map(o -> fee(o, asOf)).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** Posts the fees of one lease through {@code asOf}; the caller holds the lease's payment lock. */
    void postForLease(long leaseId, LocalDate asOf) {
        Timestamp now = Timestamp.from(clock.instant());
        for (Overdue o : overdue(jdbc, leaseId, asOf)) {
            BigDecimal fee = fee(o, asOf);
            if (fee.signum() > 0) {
                long days = ChronoUnit.DAYS.between(o.lastCharged(), asOf);
                jdbc.sql("""
                                insert into bill_adjustment (bill_id, kind, amount, reason, as_of, created_at)
                                values (?, 'LATE_FEE', ?, ?, ?, ?) on conflict do nothing""")
                        .params(o.billId(), fee, "滞纳金：欠缴本金 ¥" + o.principal().toPlainString() + " × " + days + " 天",
                                Date.valueOf(asOf), now)
                        .update();
            }
        }
    }

    /** The monthly posting: every lease with overdue principal, each in its own transaction under its lock. */
    int postAll(LocalDate asOf) {
        List<Long> leases = jdbc.sql("select distinct lease_id from bill_balance where due_date < ? and outstanding > 0")
                .param(Date.valueOf(asOf)).query(Long.class).list();
        for (long lease : leases) {
            tx.executeWithoutResult(status -> {
                Payments.lockLease(jdbc, lease);
                postForLease(lease, asOf);
            });
        }
        return leases.size();
    }

    private BigDecimal fee(Overdue o, LocalDate asOf) {
        return RentMath.lateFee(o.principal(), o.lastCharged(), asOf,
                new BigDecimal(settings.value("rent.late_fee_daily_rate", o.district())), o.amount(),
                new BigDecimal(settings.value("rent.late_fee_cap_ratio", o.district())), o.charged());
    }
}
