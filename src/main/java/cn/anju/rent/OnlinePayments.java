package cn.anju.rent;

import cn.anju.shared.crypto.Crypto;
import cn.anju.shared.crypto.CryptoPurpose;
import cn.anju.shared.crypto.HashAlgorithm;
import cn.anju.audit.AuditLog;
import cn.anju.audit.AuditOutcome;
import cn.anju.identity.CurrentUser;
import cn.anju.lease.LeaseQueries;
import cn.anju.shared.Money;
import cn.anju.shared.web.ProblemException;
import cn.anju.shared.web.TextInput;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Paying online: the household (or a clerk for it) opens an order; the household pays it on the gateway's page; the
 * gateway confirms with a callback that is signed (HMAC-SHA256 over timestamp, nonce and body with the shared
 * secret), timestamped (accepted within {@code anju.gateway.max-skew}) and carries a nonce used once. A callback that
 * fails any check changes nothing. A genuine retry of the same transaction with a new nonce is answered with the
 * payment already recorded (the gateway transaction is the payment's idempotency key).
 */
@Service
public class OnlinePayments {

    public record Order(long id, String orderNo, long leaseId, BigDecimal amount, String status, Long paymentId) {
    }

    /**
     * What the gateway is told: the order's one payment; {@code alreadyRecorded} for a retry of the transaction that
     * paid it; {@code refundDue} when this transaction paid an order already paid by another (recorded as money to
     * refund, {@link GatewayExceptions}).
     */
    public record Confirmed(String orderNo, long paymentId, String receiptNumber, boolean alreadyRecorded, boolean refundDue) {
    }

    private final JdbcClient jdbc;
    private final LeaseQueries leases;
    private final Payments payments;
    private final GatewayExceptions exceptions;
    private final AuditLog audit;
    private final JsonMapper json;
    private final Clock clock;
    private final byte[] secret;
    private final Duration maxSkew;
    private final Optional<PaymentGateway> gateway;
    private final Crypto crypto;

    /** The gateway's protocol prescribes HMAC-SHA256: it does not change with our suite. */
    static final CryptoPurpose CALLBACK_SIGNATURE = CryptoPurpose.pinned("gateway-callback-signature", HashAlgorithm.SHA256);

    OnlinePayments(JdbcClient jdbc, LeaseQueries leases, Payments payments, GatewayExceptions exceptions, AuditLog audit, JsonMapper json, Clock clock,
                   @Value("${anju.gateway.secret}") String secret, @Value("${anju.gateway.max-skew:5m}") Duration maxSkew,
                   Optional<PaymentGateway> gateway, Crypto crypto) {
        this.crypto = crypto;
        this.gateway = gateway;
        this.jdbc = jdbc;
        this.leases = leases;
        this.payments = payments;
        this.exceptions = exceptions;
        this.audit = audit;
        this.json = json;
        this.clock = clock;
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
        this.maxSkew = maxSkew;
    }

    /** Online payment is open when a gateway is contracted and its callbacks can be verified. */
    public boolean available() {
        return gateway.isPresent() && secret.length > 0;
    }

    /** Where the household pays this order. */
    public String checkoutUrl(Order order) {
        return gateway.orElseThrow().checkoutUrl(order);
    }

    /** A tenant for its own lease, or a clerk in scope. */
    @Transactional
    public Order open(CurrentUser user, long leaseId, BigDecimal amount) {
        if (!available()) {
            throw new ProblemException(HttpStatus.SERVICE_UNAVAILABLE, "GATEWAY_NOT_CONFIGURED", "线上支付未开通，请到收费台缴费。");
        }
        LeaseQueries.LeaseRow lease = leases.get(user, leaseId);
        if (!Money.isAmount(amount, Money.Sign.POSITIVE)) {
            throw ProblemException.badRequest("PAYMENT_AMOUNT", "支付金额应大于0，最多两位小数（元）。");
        }
        String orderNo = "WX" + lease.leaseNumber().substring(0, 6) + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toUpperCase();
        long id = jdbc.sql("""
                        insert into online_order (order_no, lease_id, amount, status, created_by, created_at)
                        values (?, ?, ?, 'PENDING', ?, ?) returning id""")
                .params(orderNo, leaseId, amount, user.id(), Timestamp.from(clock.instant())).query(Long.class).single();
        return new Order(id, orderNo, leaseId, amount, "PENDING", null);
    }

    public Order order(String orderNo) {
        return order(orderNo, "");
    }

    /** With {@code " for update"}: the callbacks of one order read it one after another. */
    private Order order(String orderNo, String lock) {
        return jdbc.sql("select id, order_no, lease_id, amount, status, payment_id from online_order where order_no = ?" + lock).param(orderNo)
                .query((rs, n) -> new Order(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getBigDecimal(4), rs.getString(5),
                        (Long) rs.getObject(6)))
                .optional().orElseThrow(() -> ProblemException.notFound("ORDER_NOT_FOUND", "支付订单不存在。"));
    }

    /** The signature the gateway puts on a callback: hex HMAC-SHA256(secret, timestamp \n nonce \n body). */
    public String sign(String timestamp, String nonce, String body) {
        return crypto.hmac(CALLBACK_SIGNATURE, secret, (timestamp + "\n" + nonce + "\n" + body).getBytes(StandardCharsets.UTF_8)).hex();
    }

    /**
     * The gateway's callback. Checks, in order, before anything is written: the signature, the timestamp, the
     * nonce (recorded in this transaction, so a callback refused later leaves it unused), the order and its amount.
     */
    @Transactional
    public Confirmed callback(String timestamp, String nonce, String signature, String body) {
        if (secret.length == 0) {
            throw new ProblemException(HttpStatus.SERVICE_UNAVAILABLE, "GATEWAY_NOT_CONFIGURED", "线上支付未开通（未配置支付平台密钥）。");
        }
        if (timestamp == null || nonce == null || signature == null || body == null || nonce.length() < 16 || nonce.length() > 100) {
            throw refused("GATEWAY_SIGNATURE_INVALID", "回调缺少签名、时间戳或随机串。");
        }
        if (!Crypto.same(sign(timestamp, nonce, body), signature.toLowerCase())) {
            throw refused("GATEWAY_SIGNATURE_INVALID", "回调签名不正确。");
        }
        Instant at;
        try {
            at = Instant.ofEpochSecond(Long.parseLong(timestamp));
        } catch (NumberFormatException e) {
            throw refused("GATEWAY_STALE", "回调时间戳格式不正确。");
        }
        if (Duration.between(at, clock.instant()).abs().compareTo(maxSkew) > 0) {
            throw refused("GATEWAY_STALE", "回调时间戳过期或超前，已拒绝。");
        }
        int fresh = jdbc.sql("insert into gateway_nonce (nonce, received_at) values (?, ?) on conflict do nothing")
                .params(nonce, Timestamp.from(clock.instant())).update();
        if (fresh == 0) {
            audit.recordAnonymous(RentAudit.GATEWAY_CALLBACK_REPLAY, "gateway_nonce", nonce, AuditOutcome.DENIED, Map.of());
            throw ProblemException.conflict("GATEWAY_REPLAY", "该回调已处理过（随机串重复），已拒绝重放。");
        }
        JsonNode c = json.readTree(body);
        String orderNo = c.path("orderNo").asString("");
        String txn = c.path("transactionId").asString("");
        BigDecimal amount = c.path("amount").isNumber() ? c.path("amount").decimalValue() : null;
        if (!"PAID".equals(c.path("status").asString("")) || txn.isBlank() || amount == null) {
            throw ProblemException.unprocessable("GATEWAY_CALLBACK_INVALID", "回调内容不完整：须有订单号、交易号、金额和 PAID 状态。");
        }
        // the body is read here, not bound, so the one check every bound JSON string passes is applied by hand
        if (TextInput.unstorable(orderNo) || TextInput.unstorable(txn)) {
            throw TextInput.refusal(TextInput.unstorable(txn) ? "transactionId" : "orderNo");
        }
        // callbacks for one order wait for each other here, so exactly one of them pays it
        Order order = order(orderNo, " for update");
        if (order.amount().compareTo(amount) != 0) {
            throw ProblemException.unprocessable("GATEWAY_AMOUNT_MISMATCH", "回调金额与订单金额不一致，未入账。");
        }
        record Paid(long paymentId, String txn) {
        }
        var paid = jdbc.sql("select payment_id, gateway_txn from online_order_payment where order_id = ?").param(order.id())
                .query((rs, n) -> new Paid(rs.getLong(1), rs.getString(2))).optional();
        if (paid.isPresent() && !paid.get().txn().equals(txn)) {
            exceptions.record(order.id(), paid.get().txn(), txn, amount);
            return new Confirmed(orderNo, paid.get().paymentId(), payments.result(paid.get().paymentId(), true).receiptNumber(), false, true);
        }
        String leaseNumber = jdbc.sql("select lease_number from lease_billing_basis where lease_id = ?").param(order.leaseId())
                .query(String.class).single();
        Payments.Result r = payments.recordOnline("gw:" + txn, order.leaseId(), leaseNumber, amount, "网关交易 " + txn);
        if (paid.isEmpty()) {
            // the primary key on the order is the last word: a second payment for it cannot be written
            jdbc.sql("insert into online_order_payment (order_id, payment_id, gateway_txn) values (?, ?, ?)")
                    .params(order.id(), r.paymentId(), txn).update();
            jdbc.sql("update online_order set status = 'PAID', gateway_txn = ?, payment_id = ?, paid_at = ? where id = ?")
                    .params(txn, r.paymentId(), Timestamp.from(clock.instant()), order.id()).update();
        }
        return new Confirmed(orderNo, r.paymentId(), r.receiptNumber(), r.replayed(), false);
    }

    private ProblemException refused(String code, String message) {
        audit.recordAnonymous(RentAudit.GATEWAY_CALLBACK_REFUSED, "online_order", null, AuditOutcome.DENIED, Map.of("code", code));
        return new ProblemException(HttpStatus.UNAUTHORIZED, code, message);
    }
}
