package cn.anju.rent;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;

/**
 * A lease's credit balance (money paid beyond its bills) is the sum of its payment allocations without a bill.
 * When bills appear, the credit moves onto them, oldest bill first, as pairs of allocation rows of the same payment
 * (−x unbilled, +x to the bill): the money stays traceable to the cash that brought it, and nothing is edited.
 */
@Component
class Credits {

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;

    Credits(JdbcClient jdbc, TransactionTemplate tx, Clock clock) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.clock = clock;
    }

    /** Every lease holding credit, each in its own transaction under the lease's payment lock. */
    void applyAll() {
        List<Long> leases = jdbc.sql("select lease_id from payment_allocation where bill_id is null group by lease_id having sum(amount) > 0")
                .query(Long.class).list();
        for (long lease : leases) {
            tx.executeWithoutResult(status -> {
                Payments.lockLease(jdbc, lease);
                apply(lease);
            });
        }
    }

    /** Call inside a transaction holding the lease's payment lock. */
    void apply(long leaseId) {
        for (BillAccount account : BillAccount.values()) {
            apply(leaseId, account);
        }
    }

    /** A payment's credit only pays bills of its own account: rent money never settles a property fee. */
    private void apply(long leaseId, BillAccount account) {
        record Held(long paymentId, BigDecimal amount) {
        }
        List<Held> held = jdbc.sql("""
                        select a.payment_id, sum(a.amount) from payment_allocation a join payment p on p.id = a.payment_id
                         where a.lease_id = ? and a.bill_id is null and p.account = ?
                         group by a.payment_id having sum(a.amount) > 0 order by a.payment_id""")
                .params(leaseId, account.name()).query((rs, n) -> new Held(rs.getLong(1), rs.getBigDecimal(2))).list();
        if (held.isEmpty()) {
            return;
        }
        List<RentLedger.Open> open = RentLedger.openBills(jdbc, leaseId, account);
        Timestamp now = Timestamp.from(clock.instant());
        int b = 0;
        BigDecimal billLeft = open.isEmpty() ? BigDecimal.ZERO : open.get(0).outstanding();
        for (Held h : held) {
            BigDecimal credit = h.amount();
            while (credit.signum() > 0 && b < open.size()) {
                BigDecimal x = credit.min(billLeft);
                jdbc.sql("insert into payment_allocation (payment_id, lease_id, bill_id, amount, created_at) values (?, ?, null, ?, ?)")
                        .params(h.paymentId(), leaseId, x.negate(), now).update();
                jdbc.sql("insert into payment_allocation (payment_id, lease_id, bill_id, amount, created_at) values (?, ?, ?, ?, ?)")
                        .params(h.paymentId(), leaseId, open.get(b).billId(), x, now).update();
                credit = credit.subtract(x);
                billLeft = billLeft.subtract(x);
                if (billLeft.signum() == 0 && ++b < open.size()) {
                    billLeft = open.get(b).outstanding();
                }
            }
        }
    }
}
