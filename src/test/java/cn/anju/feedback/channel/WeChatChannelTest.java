package cn.anju.feedback.channel;

import cn.anju.feedback.FeedbackOutbox;
import cn.anju.support.ChannelApis;
import cn.anju.support.PlatformTest;
import cn.anju.support.TestClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The WeChat official account over HTTP, as WeChat's servers call it: signed with the token, XML in, "success" out;
 * the acknowledgement goes back as a customer-service message through {@link ChannelApis}, WeChat's API on a local
 * server.
 */
@PlatformTest
class WeChatChannelTest {

    static final String TOKEN = "test-wechat-token";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    FeedbackOutbox outbox;
    final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aSignedTextMessageBecomesOneCaseHoweverOftenWeChatRetriesIt() throws Exception {
        String msgId = msgId();
        String openid = openid();
        for (int i = 0; i < 3; i++) {
            var r = post(text(openid, msgId, "3号楼电梯坏了三天没人修"), now(), null);
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.body()).isEqualTo("success");
        }
        assertThat(cases(msgId)).isEqualTo(1);
        assertThat(jdbc.sql("""
                        select c.text from feedback_case c join feedback_message m on m.case_id = c.id
                         where m.direction = 'IN' and m.channel = 'WECHAT' and m.external_id = ?""")
                .param(msgId).query(String.class).single()).isEqualTo("3号楼电梯坏了三天没人修");
    }

    @Test
    void aBadSignatureOrAStaleTimestampIsRefusedAndWritesNothing() throws Exception {
        String wrong = msgId();
        assertThat(post(text(openid(), wrong, "伪造的消息"), now(), "0".repeat(40)).statusCode()).isEqualTo(403);
        String unsigned = msgId();
        var r = http.send(HttpRequest.newBuilder(URI.create(base() + "?timestamp=" + now() + "&nonce=1"))
                .POST(HttpRequest.BodyPublishers.ofString(text(openid(), unsigned, "没有签名"))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(403);
        // a message signed correctly but six minutes old: a replay
        String replayed = msgId();
        assertThat(post(text(openid(), replayed, "重放的消息"), now() - 360, null).statusCode()).isEqualTo(403);
        for (String id : List.of(wrong, unsigned, replayed)) {
            assertThat(cases(id)).as(id).isZero();
        }
    }

    @Test
    void theServerUrlVerificationEchoesOnlyWithTheToken() throws Exception {
        long ts = now();
        String echo = "echo" + UUID.randomUUID();
        var ok = http.send(HttpRequest.newBuilder(URI.create(base() + "?signature=" + WeChatEndpoint.sign(TOKEN, Long.toString(ts), "n1")
                + "&timestamp=" + ts + "&nonce=n1&echostr=" + echo)).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.body()).isEqualTo(echo);
        var refused = http.send(HttpRequest.newBuilder(URI.create(base() + "?signature=" + WeChatEndpoint.sign("another-token",
                Long.toString(ts), "n1") + "&timestamp=" + ts + "&nonce=n1&echostr=" + echo)).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).doesNotContain(echo);
    }

    @Test
    void eventsAndOtherTypesAreAnsweredWithoutACase() throws Exception {
        long before = jdbc.sql("select count(*) from feedback_case where channel = 'WECHAT'").query(Long.class).single();
        String subscribe = "<xml><ToUserName><![CDATA[gh_anju]]></ToUserName><FromUserName><![CDATA[" + openid()
                + "]]></FromUserName><CreateTime>" + now() + "</CreateTime><MsgType><![CDATA[event]]></MsgType><Event><![CDATA[subscribe]]></Event></xml>";
        String image = "<xml><ToUserName><![CDATA[gh_anju]]></ToUserName><FromUserName><![CDATA[" + openid() + "]]></FromUserName><CreateTime>"
                + now() + "</CreateTime><MsgType><![CDATA[image]]></MsgType><PicUrl><![CDATA[http://mmbiz.qpic.cn/x]]></PicUrl>"
                + "<MediaId><![CDATA[media1]]></MediaId><MsgId>" + msgId() + "</MsgId></xml>";
        for (String xml : List.of(subscribe, image)) {
            var r = post(xml, now(), null);
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.body()).isEqualTo("success");
        }
        assertThat(jdbc.sql("select count(*) from feedback_case where channel = 'WECHAT'").query(Long.class).single()).isEqualTo(before);
    }

    @Test
    void aDoctypeIsRefusedBeforeAnyEntityIsRead() throws Exception {
        String msgId = msgId();
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE xml [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><xml><ToUserName>a</ToUserName>"
                + "<FromUserName>" + openid() + "</FromUserName><CreateTime>" + now() + "</CreateTime><MsgType>text</MsgType>"
                + "<Content>&e;</Content><MsgId>" + msgId + "</MsgId></xml>";
        var r = post(xxe, now(), null);
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).doesNotContain("root:");
        assertThat(cases(msgId)).isZero();
    }

    @Test
    void theAcknowledgementGoesAsACustomerServiceMessageToTheOpenid() throws Exception {
        int from = ChannelApis.calls().size();
        String first = openid();
        String second = openid();
        assertThat(post(text(first, msgId(), "楼下噪音扰民"), now(), null).body()).isEqualTo("success");
        assertThat(post(text(second, msgId(), "建议增加充电桩"), now(), null).body()).isEqualTo("success");
        outbox.deliver();
        List<ChannelApis.Call> calls = ChannelApis.calls().subList(from, ChannelApis.calls().size());
        var sends = calls.stream().filter(c -> c.path().equals("/cgi-bin/message/custom/send")).toList();
        for (String openid : List.of(first, second)) {
            var sent = sends.stream().filter(c -> c.json().path("touser").asString().equals(openid)).toList();
            assertThat(sent).as(openid).hasSize(1);
            assertThat(sent.getFirst().json().path("msgtype").asString()).isEqualTo("text");
            assertThat(sent.getFirst().json().path("text").path("content").asString()).contains("案件编号 TS").contains("查询码");
            assertThat(ChannelApis.issued(sent.getFirst().query().get("access_token"))).isTrue();
        }
        // the token is kept between sends, not fetched for each (WeChat limits how often it may be fetched)
        assertThat(calls.stream().filter(c -> c.path().equals("/cgi-bin/token")).count()).isLessThanOrEqualTo(1);
        assertThat(ChannelApis.calls().stream().filter(c -> c.path().equals("/cgi-bin/token")).count()).isPositive();
    }

    @Test
    void anExpiredTokenIsFetchedAgainAndTheMessageGoesOnTheRetry() throws Exception {
        String msgId = msgId();
        try {
            // a first acknowledgement leaves a token in the platform's cache; then WeChat declares it expired
            assertThat(post(text(openid(), msgId(), "小区路灯不亮"), now(), null).body()).isEqualTo("success");
            outbox.deliver();
            ChannelApis.expireWeChatTokens();
            assertThat(post(text(openid(), msgId, "小区门禁坏了"), now(), null).body()).isEqualTo("success");
            int from = ChannelApis.calls().size();
            outbox.deliver();
            TestClock.advance(Duration.ofMinutes(2));
            outbox.deliver();
            var ack = jdbc.sql("""
                            select o.status, o.attempts from feedback_message o join feedback_message i on i.case_id = o.case_id
                             where i.direction = 'IN' and i.external_id = ? and o.direction = 'OUT'""")
                    .param(msgId).query((rs, n) -> rs.getString(1) + "/" + rs.getInt(2)).single();
            assertThat(ack).isEqualTo("SENT/2");
            assertThat(ChannelApis.calls().subList(from, ChannelApis.calls().size()).stream()
                    .filter(c -> c.path().equals("/cgi-bin/token")).count()).isEqualTo(1);
        } finally {
            TestClock.reset();
        }
    }

    private long cases(String msgId) {
        return jdbc.sql("select count(distinct case_id) from feedback_message where direction = 'IN' and channel = 'WECHAT' and external_id = ?")
                .param(msgId).query(Long.class).single();
    }

    private HttpResponse<String> post(String xml, long timestamp, String signature) throws Exception {
        String nonce = Long.toString(System.nanoTime());
        String sig = signature != null ? signature : WeChatEndpoint.sign(TOKEN, Long.toString(timestamp), nonce);
        return http.send(HttpRequest.newBuilder(URI.create(base() + "?signature=" + sig + "&timestamp=" + timestamp + "&nonce=" + nonce
                        + "&openid=x")).header("Content-Type", "text/xml")
                .POST(HttpRequest.BodyPublishers.ofString(xml, StandardCharsets.UTF_8)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A text message in WeChat's documented plaintext XML. */
    private static String text(String openid, String msgId, String content) {
        return "<xml><ToUserName><![CDATA[gh_anju]]></ToUserName><FromUserName><![CDATA[" + openid + "]]></FromUserName>"
                + "<CreateTime>" + now() + "</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[" + content
                + "]]></Content><MsgId>" + msgId + "</MsgId></xml>";
    }

    private String base() {
        return "http://localhost:" + port + "/api/v1/feedback/wechat";
    }

    private static long now() {
        return TestClock.clock().instant().getEpochSecond();
    }

    private static String msgId() {
        return Long.toString(23_000_000_000_000_000L + Math.floorMod(UUID.randomUUID().getMostSignificantBits(), 1_000_000_000_000_000L));
    }

    private static String openid() {
        return "oTest" + UUID.randomUUID().toString().replace("-", "").substring(0, 23);
    }
}
