package cn.anju.rent;

import cn.anju.shared.crypto.Crypto;
import cn.anju.shared.crypto.CryptoPurpose;
import cn.anju.audit.AuditLog;
import cn.anju.audit.AuditOutcome;
import cn.anju.identity.CurrentUser;
import cn.anju.lease.LeaseQueries;
import cn.anju.shared.Money;
import cn.anju.shared.Role;
import cn.anju.shared.events.ResidentEvent;
import cn.anju.shared.web.ProblemException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;


import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

import java.util.List;
import java.util.Map;

/**
 * Payments (收款): at the counter (cash, POS card), by bank transfer, or online through a gateway. Each request
 * carries an idempotency key, kept in its own table: the same key with the same request returns the first result
 * (a retry never pays twice), with a different request it is refused. Payments of one lease are serialised by a
 * database advisory lock, so two cashiers or two nodes never allocate the same bill twice. Money goes to the
 * lease's open bills oldest first; what is left becomes the lease's credit. A mistaken payment is reversed by a
 * payment of the opposite amount (never edited), by a manager, with a reason.
 */
@NamedInterface("actions")
@Service
public class Payments {

    public enum Channel { CASH, POS, BANK_TRANSFER, ONLINE }

    /** @param account what the money pays: rent (null means rent) or the lease's other charges, never both */
    public record NewPayment(Long leaseId, Channel channel, BigDecimal amount, String reference, BillAccount account) {

        public NewPayment(Long leaseId, Channel channel, BigDecimal amount, String reference) {
            this(leaseId, channel, amount, reference, BillAccount.RENT);
        }

        BillAccount accountOrRent() {
            return account == null ? BillAccount.RENT : account;
        }
    }

    public record Allocation(Long billId, BigDecimal amount) {
    }

    public record Result(long paymentId, String receiptNumber, BigDecimal amount, List<Allocation> allocations,
                         BigDecimal creditBalance, boolean replayed) {
    }

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd");

    private final JdbcClient jdbc;
    private final Crypto crypto;

    /** What a retried request must repeat; the stored digest names its algorithm, so a retry across a switch still matches. */
    static final CryptoPurpose REQUEST = CryptoPurpose.stored("payment-request");
    private final LeaseQueries leases;
    private final RentLedger ledger;
    private final FiscalReceipts fiscal;
    private final LateFees lateFees;
    private final ApplicationEventPublisher events;
    private final AuditLog audit;
    private final Clock clock;

    Payments(JdbcClient jdbc, LeaseQueries leases, RentLedger ledger, FiscalReceipts fiscal, LateFees lateFees,
             ApplicationEventPublisher events, AuditLog audit, Clock clock, Crypto crypto) {
        this.crypto = crypto;
        this.lateFees = lateFees;
        this.jdbc = jdbc;
        this.leases = leases;
        this.ledger = ledger;
        this.fiscal = fiscal;
        this.events = events;
        this.audit = audit;
        this.clock = clock;
    }

    /** Counter and bank payments by the operator's cashiers (and managers); online ones come through the gateway. */
    @Transactional
    public Result post(CurrentUser actor, String idempotencyKey, NewPayment p) {
        if (!RentAccess.isCashier(actor)) {
            throw ProblemException.forbidden("PAYMENT_CASHIER_ONLY", "收款由承接主体的收银员或负责人办理。");
        }
        if (p == null || p.leaseId() == null) {
            throw ProblemException.badRequest("PAYMENT_LEASE_REQUIRED", "请指定租赁合同。");
        }
        LeaseQueries.LeaseRow lease = leases.get(actor, p.leaseId()); // in scope, or 404
        if (p.channel() == null || p.channel() == Channel.ONLINE) {
            throw ProblemException.badRequest("PAYMENT_CHANNEL", "请选择收款方式：现金、POS刷卡或银行转账（线上支付由支付平台回调入账）。");
        }
        return record(idempotencyKey, lease.id(), lease.leaseNumber(), p, actor.id());
    }

    /** The gateway's confirmed online payment (its callback was verified before this, in the same transaction). */
    Result recordOnline(String idempotencyKey, long leaseId, String leaseNumber, BigDecimal amount, String reference) {
        return record(idempotencyKey, leaseId, leaseNumber, new NewPayment(leaseId, Channel.ONLINE, amount, reference), null);
    }

    private Result record(String key, long leaseId, String leaseNumber, NewPayment p, Long actorId) {
        if (key == null || key.length() < 8 || key.length() > 100) {
            throw ProblemException.badRequest("IDEMPOTENCY_KEY_REQUIRED", "请在请求头 Idempotency-Key 中提供8到100个字符的幂等键（每笔收款唯一，重试时不变）。");
        }
        if (!Money.isAmount(p.amount(), Money.Sign.POSITIVE)) {
            throw ProblemException.badRequest("PAYMENT_AMOUNT", "收款金额应大于0，最多两位小数（元）。");
        }
        BillAccount account = p.accountOrRent();
        String request = (p.leaseId() + "|" + p.channel() + "|" + new Money(p.amount()) + "|"
                + (p.reference() == null ? "" : p.reference().trim()) + (account == BillAccount.RENT ? "" : "|" + account));
        // the same key at once on two nodes: one goes first, the other then finds its result
        jdbc.sql("select pg_advisory_xact_lock(hashtextextended(?, 0))").param("payment-key:" + key).query((rs, n) -> 1).list();
        record Seen(String hash, long payment) {
        }
        var seen = jdbc.sql("select request_hash, payment_id from payment_idempotency where key = ?").param(key)
                .query((rs, n) -> new Seen(rs.getString(1), rs.getLong(2))).optional();
        if (seen.isPresent()) {
            if (!crypto.matches(REQUEST, seen.get().hash(), request)) {
                throw ProblemException.conflict("IDEMPOTENCY_KEY_REUSED", "该幂等键已用于另一笔不同的收款；新的收款请使用新的幂等键。");
            }
            return result(seen.get().payment(), true);
        }
        lockLease(jdbc, leaseId);
        if (account == BillAccount.RENT) {
            // the principal is about to change: first charge the late fees due for the days it stood as it was
            lateFees.postForLease(leaseId, LocalDate.now(clock));
        }
        long seq = jdbc.sql("select nextval('receipt_seq')").query(Long.class).single();
        String receipt = "SJ" + leaseNumber.substring(0, 6) + LocalDate.now(clock).format(DAY)
                + String.format("%08d", seq);
        Timestamp now = Timestamp.from(clock.instant());
        record Place(String district, long project, long household) {
        }
        Place place = jdbc.sql("select district_code, project_id, household_id from lease_billing_basis where lease_id = ?")
                .param(leaseId).query((rs, n) -> new Place(rs.getString(1), rs.getLong(2), rs.getLong(3))).optional()
                .orElseThrow(() -> ProblemException.unprocessable("LEASE_NOT_BILLED", "该合同尚未入住或无需缴租，不能收租。"));
        long paymentId = jdbc.sql("""
                        insert into payment (receipt_number, lease_id, household_id, district_code, project_id, channel, amount,
                                             reference, received_at, recorded_by, account)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(receipt, leaseId, place.household(), place.district(), place.project(), p.channel().name(),
                        p.amount(), p.reference() == null ? "" : p.reference().trim(), now, actorId, account.name())
                .query(Long.class).single();
        List<RentLedger.Open> open = RentLedger.openBills(jdbc, leaseId, account);
        List<BigDecimal> parts = RentMath.allocate(p.amount(), open.stream().map(RentLedger.Open::outstanding).toList());
        for (int i = 0; i < open.size(); i++) {
            if (parts.get(i).signum() > 0) {
                allocate(paymentId, leaseId, open.get(i).billId(), parts.get(i), now);
            }
        }
        BigDecimal left = parts.getLast();
        if (left.signum() > 0) {
            allocate(paymentId, leaseId, null, left, now); // overpayment: the lease's credit
        }
        jdbc.sql("insert into payment_idempotency (key, request_hash, payment_id, created_at) values (?, ?, ?, ?)")
                .params(key, crypto.digest(REQUEST, request).tagged(), paymentId, now).update();
        if (account == BillAccount.RENT) {
            fiscal.issue(paymentId, receipt, p.amount()); // rent is non-tax revenue: the finance platform's e-receipt
        }
        events.publishEvent(new ResidentEvent(place.household(), "RENT_PAYMENT", "缴" + account.label() + " ¥" + p.amount().toPlainString()
                + "（" + label(p.channel()) + "）",
                "收据 " + receipt, "payment", paymentId, actorId, clock.instant()));
        audit.record(RentAudit.PAYMENT_POST, "payment", paymentId, AuditOutcome.SUCCESS,
                Map.of("lease", leaseId, "amount", p.amount().toPlainString(), "channel", p.channel().name(), "account", account.name()));
        return result(paymentId, false);
    }

    /** A reversal: a payment of the opposite amount whose allocations undo the original's, bill by bill. */
    @Transactional
    public Result reverse(CurrentUser actor, long paymentId, String reason) {
        if (!actor.has(Role.OPERATOR_MANAGER)) {
            throw ProblemException.forbidden("REVERSAL_MANAGER_ONLY", "冲正须由承接主体负责人办理。");
        }
        record Original(long lease, BigDecimal amount, String receipt, Long reverses, long household) {
        }
        Original o = jdbc.sql("select lease_id, amount, receipt_number, reverses_payment_id, household_id from payment where id = ?")
                .param(paymentId)
                .query((rs, n) -> new Original(rs.getLong(1), rs.getBigDecimal(2), rs.getString(3), (Long) rs.getObject(4), rs.getLong(5)))
                .optional().orElseThrow(() -> ProblemException.notFound("PAYMENT_NOT_FOUND", "收款记录不存在。"));
        leases.get(actor, o.lease()); // scope
        if (o.reverses() != null) {
            throw ProblemException.conflict("REVERSAL_OF_REVERSAL", "冲正记录不能再冲正。");
        }
        if (reason == null || reason.isBlank()) {
            throw ProblemException.badRequest("REASON_REQUIRED", "请填写冲正原因。");
        }
        lockLease(jdbc, o.lease());
        if (jdbc.sql("select count(*) from payment where reverses_payment_id = ?").param(paymentId).query(Long.class).single() > 0) {
            throw ProblemException.conflict("ALREADY_REVERSED", "该笔收款已冲正。");
        }
        long seq = jdbc.sql("select nextval('receipt_seq')").query(Long.class).single();
        String voucher = o.receipt() + "-CZ" + seq;
        Timestamp now = Timestamp.from(clock.instant());
        long reversal = jdbc.sql("""
                        insert into payment (receipt_number, lease_id, household_id, district_code, project_id, channel, amount,
                                             reference, received_at, recorded_by, reverses_payment_id, reversal_reason, account)
                        select ?, lease_id, household_id, district_code, project_id, channel, -amount, reference, ?, ?, id, ?, account
                          from payment where id = ? returning id""")
                .params(voucher, now, actor.id(), reason.trim(), paymentId).query(Long.class).single();
        // mirror what is left of the original's allocations per bill (credits moved onto later bills included)
        jdbc.sql("""
                        insert into payment_allocation (payment_id, lease_id, bill_id, amount, created_at)
                        select ?, lease_id, bill_id, -sum(amount), ? from payment_allocation where payment_id = ?
                         group by lease_id, bill_id having sum(amount) <> 0""")
                .params(reversal, now, paymentId).update();
        events.publishEvent(new ResidentEvent(o.household(), "RENT_PAYMENT_REVERSED", "冲正收款 ¥" + o.amount().toPlainString(),
                "原收据 " + o.receipt() + "；原因：" + reason.trim(), "payment", reversal, actor.id(), clock.instant()));
        audit.record(RentAudit.PAYMENT_REVERSE, "payment", paymentId, AuditOutcome.SUCCESS, Map.of("reversal", reversal, "amount", o.amount().toPlainString()));
        return result(reversal, false);
    }

    Result result(long paymentId, boolean replayed) {
        record Row(String receipt, BigDecimal amount, long lease) {
        }
        Row r = jdbc.sql("select receipt_number, amount, lease_id from payment where id = ?").param(paymentId)
                .query((rs, n) -> new Row(rs.getString(1), rs.getBigDecimal(2), rs.getLong(3))).single();
        List<Allocation> allocations = jdbc.sql("select bill_id, amount from payment_allocation where payment_id = ? order by id")
                .param(paymentId).query((rs, n) -> new Allocation((Long) rs.getObject(1), rs.getBigDecimal(2))).list();
        return new Result(paymentId, r.receipt(), r.amount(), allocations, ledger.creditBalance(r.lease()), replayed);
    }

    private void allocate(long paymentId, long leaseId, Long billId, BigDecimal amount, Timestamp at) {
        jdbc.sql("insert into payment_allocation (payment_id, lease_id, bill_id, amount, created_at) values (?, ?, ?, ?, ?)")
                .params(paymentId, leaseId, billId, amount, at).update();
    }

    /** Serialises everything that moves a lease's money, across nodes, until the transaction ends. */
    static void lockLease(JdbcClient jdbc, long leaseId) {
        jdbc.sql("select pg_advisory_xact_lock(?, ?)").params(LEASE_LOCK_SPACE, (int) leaseId).query((rs, n) -> 1).list();
    }

    private static final int LEASE_LOCK_SPACE = 0x52454e54; // "RENT"

    static String label(Channel c) {
        return switch (c) {
            case CASH -> "现金";
            case POS -> "POS刷卡";
            case BANK_TRANSFER -> "银行转账";
            case ONLINE -> "线上支付";
        };
    }
}
