package cn.anju.rent;

import cn.anju.audit.AuditLog;
import cn.anju.audit.AuditOutcome;
import cn.anju.identity.CurrentUser;
import cn.anju.lease.LeaseQueries;
import cn.anju.shared.Money;
import cn.anju.shared.Role;
import cn.anju.shared.web.ProblemException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Map;

/**
 * Deposits (押金): not rent and not treasury money, so a ledger of their own: received, refunded, deducted for
 * damages or for arrears (a deduction applied to arrears then becomes collected rent, as a payment of channel
 * DEPOSIT).
 */
@NamedInterface("actions")
@Service
public class Deposits {

    private final JdbcClient jdbc;
    private final LeaseQueries leases;
    private final AuditLog audit;
    private final Clock clock;

    Deposits(JdbcClient jdbc, LeaseQueries leases, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.leases = leases;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public void receive(CurrentUser actor, long leaseId, BigDecimal amount) {
        if (!actor.hasAny(Role.OPERATOR_MANAGER, Role.OPERATOR_STAFF)) {
            throw ProblemException.forbidden("PAYMENT_CASHIER_ONLY", "押金由承接主体收取。");
        }
        LeaseQueries.LeaseRow lease = leases.get(actor, leaseId);
        if (!Money.isAmount(amount, Money.Sign.POSITIVE)) {
            throw ProblemException.badRequest("PAYMENT_AMOUNT", "押金金额应大于0，最多两位小数（元）。");
        }
        Payments.lockLease(jdbc, leaseId);
        BigDecimal held = jdbc.sql("select coalesce(sum(case when kind = 'RECEIVED' then amount else -amount end), 0) from deposit_entry where lease_id = ?")
                .param(leaseId).query(BigDecimal.class).single();
        if (held.add(amount).compareTo(lease.deposit()) > 0) {
            throw ProblemException.unprocessable("DEPOSIT_EXCEEDS_CONTRACT", "收取后押金将超过合同约定的 ¥" + lease.deposit().toPlainString() + "。");
        }
        long id = jdbc.sql("insert into deposit_entry (lease_id, kind, amount, actor, at) values (?, 'RECEIVED', ?, ?, ?) returning id")
                .params(leaseId, amount, actor.id(), Timestamp.from(clock.instant())).query(Long.class).single();
        audit.record(RentAudit.DEPOSIT_RECEIVE, "deposit_entry", id, AuditOutcome.SUCCESS, Map.of("lease", leaseId, "amount", amount.toPlainString()));
    }
}
