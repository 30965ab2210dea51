package cn.anju.rent;

import cn.anju.audit.AuditLog;
import cn.anju.audit.AuditOutcome;
import cn.anju.identity.CurrentUser;
import cn.anju.identity.DataScopes;
import cn.anju.identity.ScopeFilter;
import cn.anju.shared.Role;
import cn.anju.shared.state.StateChange;
import cn.anju.shared.state.StateChanges;
import cn.anju.shared.web.ProblemException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * Money the gateway confirmed for an order already paid (双重支付): recorded once per gateway transaction, kept out of
 * the rent ledger, shown on the reconciliation as money to refund, and refunded in four eyes: the operator's manager
 * requests, the district's finance approves, the manager records the refund's reference.
 */
@Service
public class GatewayExceptions {

    public record GatewayException(long id, String orderNo, String districtCode, long projectId, String paidTxn, String duplicateTxn,
                                   BigDecimal amount, OffsetDateTime receivedAt, RefundState refundState, String requestNote,
                                   String refundReference, OffsetDateTime refundedAt) {
        public String refundStateLabel() {
            return refundState.label();
        }
    }

    private final JdbcClient jdbc;
    private final DataScopes scopes;
    private final AuditLog audit;
    private final StateChanges changes;
    private final Clock clock;

    GatewayExceptions(JdbcClient jdbc, DataScopes scopes, AuditLog audit, StateChanges changes, Clock clock) {
        this.jdbc = jdbc;
        this.scopes = scopes;
        this.audit = audit;
        this.changes = changes;
        this.clock = clock;
    }

    /** A second transaction on a paid order; the same duplicate reported again is recorded once. */
    long record(long orderId, String paidTxn, String duplicateTxn, BigDecimal amount) {
        jdbc.sql("""
                        insert into gateway_exception (order_id, district_code, project_id, paid_txn, duplicate_txn, amount, received_at)
                        select o.id, l.district_code, l.project_id, ?, ?, ?, ? from online_order o
                          join lease_billing_basis l on l.lease_id = o.lease_id where o.id = ?
                        on conflict (duplicate_txn) do nothing""")
                .params(paidTxn, duplicateTxn, amount, Timestamp.from(clock.instant()), orderId).update();
        long id = jdbc.sql("select id from gateway_exception where duplicate_txn = ?").param(duplicateTxn).query(Long.class).single();
        // in the callback's own transaction (the gateway is no signed-in user): no second connection while the order is locked
        audit.record(RentAudit.GATEWAY_DUPLICATE_PAYMENT, "gateway_exception", id, AuditOutcome.SUCCESS,
                Map.of("order", orderId, "amount", amount.toPlainString()));
        return id;
    }

    public List<GatewayException> list(CurrentUser user) {
        Treasury.requireReader(user);
        ScopeFilter scope = scopes.filter(user, new ScopeFilter.Columns("g.district_code", "g.project_id", null));
        return jdbc.sql("""
                        select g.id, o.order_no, g.district_code, g.project_id, g.paid_txn, g.duplicate_txn, g.amount, g.received_at,
                               g.refund_state, g.request_note, g.refund_reference, g.refunded_at
                          from gateway_exception g join online_order o on o.id = g.order_id
                         where %s order by g.refund_state = 'REFUNDED', g.id desc limit 200""".formatted(scope.sql()))
                .params(scope.params())
                .query((rs, n) -> new GatewayException(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getString(5),
                        rs.getString(6), rs.getBigDecimal(7), rs.getObject(8, OffsetDateTime.class), RefundState.valueOf(rs.getString(9)),
                        rs.getString(10), rs.getString(11), rs.getObject(12, OffsetDateTime.class)))
                .list();
    }

    /** The operator's manager asks for the refund, saying why. */
    @Transactional
    public void requestRefund(CurrentUser actor, long id, String note) {
        if (!actor.has(Role.OPERATOR_MANAGER)) {
            throw ProblemException.forbidden("REFUND_REQUEST_MANAGER_ONLY", "退款由承接主体负责人申请。");
        }
        move(load(actor, id).request(actor.id(), clock.instant(), note == null ? "" : note.trim()));
    }

    /** The district's finance approves it. */
    @Transactional
    public void approveRefund(CurrentUser actor, long id) {
        if (!actor.has(Role.FINANCE)) {
            throw ProblemException.forbidden("REFUND_APPROVAL_FINANCE_ONLY", "退款由区县财政部门批准。");
        }
        move(load(actor, id).approve(actor.id(), clock.instant()));
    }

    /** The manager records the refund made through the gateway or the bank, with its reference number. */
    @Transactional
    public void recordRefund(CurrentUser actor, long id, String reference) {
        if (!actor.has(Role.OPERATOR_MANAGER)) {
            throw ProblemException.forbidden("REFUND_RECORD_MANAGER_ONLY", "退款结果由承接主体负责人登记。");
        }
        if (reference == null || reference.isBlank() || reference.trim().length() > 64) {
            throw ProblemException.badRequest("REFUND_REFERENCE_REQUIRED", "请填写退款流水号（支付平台或银行的退款单号，最多64个字符）。");
        }
        try {
            move(load(actor, id).refunded(actor.id(), clock.instant(), reference.trim()));
        } catch (DuplicateKeyException e) {
            throw ProblemException.conflict("REFUND_REFERENCE_TAKEN", "该退款流水号已登记在另一笔退款上，请核对。");
        }
    }

    private DuplicateRefund load(CurrentUser actor, long id) {
        return jdbc.sql("select id, district_code, project_id, refund_state, version from gateway_exception where id = ?").param(id)
                .query((rs, n) -> new DuplicateRefund(rs.getLong(1), rs.getString(2), rs.getLong(3), RefundState.valueOf(rs.getString(4)), rs.getInt(5)))
                .optional()
                .filter(x -> scopes.of(actor).coversProject(x.district(), x.project()))
                .orElseThrow(() -> ProblemException.notFound("GATEWAY_EXCEPTION_NOT_FOUND", "该重复支付记录不存在，或不在您的数据范围内。"));
    }

    private void move(StateChange<RefundState> change) {
        changes.apply(change, c -> audit.record(RentAudit.refundReached(c.to()), "gateway_exception", c.id(), AuditOutcome.SUCCESS,
                Map.of("from", c.from().name())));
    }
}
