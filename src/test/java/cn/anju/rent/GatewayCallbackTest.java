package cn.anju.rent;

import cn.anju.support.PlatformTest;
import cn.anju.support.TestClock;
import cn.anju.support.WebClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway's callback from the outside, as the gateway sends it over HTTP with no session: a genuine one pays the
 * order once; a forged, replayed, stale or altered one is refused and changes nothing.
 */
@PlatformTest
class GatewayCallbackTest {

    static final String SECRET = "demo-gateway-secret-not-for-production"; // the demo profile's simulated gateway

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    record Sent(int status, String body) {
    }

    Sent send(String timestamp, String nonce, String signature, String body) {
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/gateway/callbacks/sim"))
                    .header("Content-Type", "application/json").header("Accept", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body));
            if (timestamp != null) {
                b.header("X-Gateway-Timestamp", timestamp);
            }
            if (nonce != null) {
                b.header("X-Gateway-Nonce", nonce);
            }
            if (signature != null) {
                b.header("X-Gateway-Signature", signature);
            }
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            return new Sent(r.statusCode(), r.body());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String sign(String secret, String timestamp, String nonce, String body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal((timestamp + "\n" + nonce + "\n" + body).getBytes(StandardCharsets.UTF_8)));
    }

    long payments() {
        return jdbc.sql("select count(*) from payment").query(Long.class).single();
    }

    long demoTenantLease() {
        return WebClient.json(WebClient.loggedIn(port, "tenant.demo").getJson("/api/v1/leases")).get("items").get(0).get("id").asLong();
    }

    /** The demo tenant opens an online payment order for its own lease; its number. */
    String openOrder(long lease, String amount) {
        var opened = WebClient.loggedIn(port, "tenant.demo").postJson("/api/v1/online-payments", "{\"leaseId\":" + lease + ",\"amount\":" + amount + "}");
        assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
        return WebClient.json(opened).get("orderNo").asString();
    }

    @Test
    void onlyAGenuineFreshCallbackPaysAndOnlyOnce() throws Exception {
        // the demo tenant opens an order for its own lease
        long lease = demoTenantLease();
        String orderNo = openOrder(lease, "88.80");
        assertThat(WebClient.loggedIn(port, "shenmu.op").postJson("/api/v1/online-payments", "{\"leaseId\":" + lease + ",\"amount\":1}")
                .statusCode()).as("not in another operator's scope").isEqualTo(404);

        String txn = "T" + UUID.randomUUID().toString().replace("-", "");
        String body = "{\"orderNo\":\"" + orderNo + "\",\"transactionId\":\"" + txn + "\",\"amount\":88.80,\"status\":\"PAID\"}";
        String now = Long.toString(TestClock.clock().instant().getEpochSecond());
        long before = payments();

        // forged: signed with another secret; unsigned; the body changed after signing
        String nonce1 = UUID.randomUUID().toString();
        assertThat(send(now, nonce1, sign("someone-elses-secret", now, nonce1, body), body).status()).isEqualTo(401);
        assertThat(send(null, null, null, body).status()).isEqualTo(401);
        String signed = sign(SECRET, now, nonce1, body);
        assertThat(send(now, nonce1, signed, body.replace("88.80", "8880.00")).status()).isEqualTo(401);
        // stale: signed correctly, but ten minutes old (or from the future)
        String old = Long.toString(TestClock.clock().instant().minusSeconds(600).getEpochSecond());
        String nonce2 = UUID.randomUUID().toString();
        Sent stale = send(old, nonce2, sign(SECRET, old, nonce2, body), body);
        assertThat(stale.status()).isEqualTo(401);
        assertThat(JsonMapper.builder().build().readTree(stale.body()).get("code").asString())
                .isEqualTo("GATEWAY_STALE");
        // a signed callback for the wrong amount
        String wrong = body.replace("88.80", "80.00");
        String nonce3 = UUID.randomUUID().toString();
        assertThat(send(now, nonce3, sign(SECRET, now, nonce3, wrong), wrong).status()).isEqualTo(422);
        assertThat(payments()).as("nothing refused changed anything").isEqualTo(before);
        assertThat(jdbc.sql("select status from online_order where order_no = ?").param(orderNo).query(String.class).single()).isEqualTo("PENDING");

        // genuine
        String nonce4 = UUID.randomUUID().toString();
        Sent ok = send(now, nonce4, sign(SECRET, now, nonce4, body), body);
        assertThat(ok.status()).as(ok.body()).isEqualTo(200);
        assertThat(payments()).isEqualTo(before + 1);
        // replayed word for word: refused
        assertThat(send(now, nonce4, sign(SECRET, now, nonce4, body), body).status()).isEqualTo(409);
        // the gateway retrying the same transaction with a fresh nonce: answered, not paid twice
        String nonce5 = UUID.randomUUID().toString();
        Sent retry = send(now, nonce5, sign(SECRET, now, nonce5, body), body);
        assertThat(retry.status()).isEqualTo(200);
        assertThat(retry.body()).contains("\"alreadyRecorded\":true");
        assertThat(payments()).isEqualTo(before + 1);
        assertThat(jdbc.sql("select channel || ':' || amount from payment where reference like ?").param("%" + txn)
                .query(String.class).single()).isEqualTo("ONLINE:88.80");
        assertThat(jdbc.sql("select status from online_order where order_no = ?").param(orderNo).query(String.class).single()).isEqualTo("PAID");
    }

    /** The gateway confirms one order twenty times at once, each with its own transaction: one payment, 19 refunds due. */
    @Test
    void twentyConcurrentCallbacksForOneOrderPayItOnceAndTheRestAreMoneyToRefund() throws Exception {
        long lease = demoTenantLease();
        String orderNo = openOrder(lease, "12.34");
        long orderId = jdbc.sql("select id from online_order where order_no = ?").param(orderNo).query(Long.class).single();
        String now = Long.toString(TestClock.clock().instant().getEpochSecond());

        CountDownLatch go = new CountDownLatch(1);
        List<Future<Sent>> sent = new ArrayList<>();
        try (var pool = Executors.newFixedThreadPool(20)) {
            for (int i = 0; i < 20; i++) {
                String body = "{\"orderNo\":\"" + orderNo + "\",\"transactionId\":\"C" + i + "-" + UUID.randomUUID() + "\",\"amount\":12.34,\"status\":\"PAID\"}";
                String nonce = UUID.randomUUID().toString();
                String signature = sign(SECRET, now, nonce, body);
                sent.add(pool.submit(() -> {
                    go.await();
                    return send(now, nonce, signature, body);
                }));
            }
            go.countDown();
            for (var f : sent) {
                Sent r = f.get();
                assertThat(r.status()).as(r.body()).isEqualTo(200);
            }
        }
        assertThat(jdbc.sql("select count(*) from payment where reference like '网关交易 C%' and lease_id = ? and amount = 12.34").param(lease)
                .query(Long.class).single()).as("one payment for the order").isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from online_order_payment where order_id = ?").param(orderId).query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from gateway_exception where order_id = ?").param(orderId).query(Long.class).single())
                .as("the other 19 are money to refund").isEqualTo(19);
        // a PAID callback of a duplicate sent again is still one exception
        long anException = jdbc.sql("select min(id) from gateway_exception where order_id = ?").param(orderId).query(Long.class).single();
        String dupTxn = jdbc.sql("select duplicate_txn from gateway_exception where id = ?").param(anException).query(String.class).single();
        String again = "{\"orderNo\":\"" + orderNo + "\",\"transactionId\":\"" + dupTxn + "\",\"amount\":12.34,\"status\":\"PAID\"}";
        String nonce = UUID.randomUUID().toString();
        assertThat(send(now, nonce, sign(SECRET, now, nonce, again), again).body()).contains("\"refundDue\":true");
        assertThat(jdbc.sql("select count(*) from gateway_exception where order_id = ?").param(orderId).query(Long.class).single()).isEqualTo(19);

        // the reconciliation shows them as money to refund, and the API lists them in scope only
        WebClient manager = WebClient.loggedIn(port, "anju.manager");
        String district = jdbc.sql("select district_code from gateway_exception where id = ?").param(anException).query(String.class).single();
        var rows = WebClient.json(manager.getJson("/api/v1/reconciliation?districtCode=" + district));
        BigDecimal toRefund = BigDecimal.ZERO;
        for (var r : rows) {
            toRefund = toRefund.add(r.get("toRefund").decimalValue());
        }
        assertThat(toRefund).isGreaterThanOrEqualTo(new BigDecimal("234.46")); // 19 × 12.34
        assertThat(manager.getJson("/api/v1/gateway-exceptions").body()).contains(orderNo);
        assertThat(WebClient.loggedIn(port, "shenmu.op").getJson("/api/v1/gateway-exceptions").body()).doesNotContain(orderNo);

        // refunded in four eyes: the manager requests, the district's finance approves, the manager records the reference
        String path = "/api/v1/gateway-exceptions/" + anException;
        WebClient finance = WebClient.loggedIn(port, "yuyang.finance");
        var early = finance.postJson(path + "/refund-approval", "{}");
        assertThat(early.statusCode()).as("nothing requested yet").isEqualTo(409);
        assertThat(WebClient.json(early).get("code").asString()).isEqualTo("ILLEGAL_TRANSITION");
        assertThat(finance.postJson(path + "/refund-request", "{}").statusCode()).isEqualTo(403);
        assertThat(manager.postJson(path + "/refund-request", "{\"note\":\"重复扣款\"}").statusCode()).isEqualTo(204);
        assertThat(manager.postJson(path + "/refund-approval", "{}").statusCode()).isEqualTo(403);
        assertThat(manager.postJson(path + "/refund", "{\"reference\":\"TK001\"}").statusCode()).as("not approved yet").isEqualTo(409);
        assertThat(district).as("tenant.demo lives in 榆阳区, whose finance is yuyang.finance").isEqualTo("610802");
        assertThat(finance.postJson(path + "/refund-approval", "{}").statusCode()).isEqualTo(204);
        var blank = manager.postJson(path + "/refund", "{\"reference\":\" \"}");
        assertThat(blank.statusCode()).isEqualTo(400);
        assertThat(blank.body()).contains("REFUND_REFERENCE_REQUIRED");
        String reference = "TK" + System.nanoTime();
        assertThat(manager.postJson(path + "/refund", "{\"reference\":\"" + reference + "\"}").statusCode()).isEqualTo(204);
        assertThat(jdbc.sql("select refund_state || ':' || refund_reference from gateway_exception where id = ?").param(anException)
                .query(String.class).single()).isEqualTo("REFUNDED:" + reference);
    }
}
