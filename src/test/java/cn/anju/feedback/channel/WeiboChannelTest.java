package cn.anju.feedback.channel;

import cn.anju.feedback.FeedbackOutbox;
import cn.anju.support.ChannelApis;
import cn.anju.support.PlatformTest;
import cn.anju.support.TestClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Weibo mentions and direct messages become cases by polling {@link ChannelApis}, Weibo's API on a local server; the
 * since_id of each list is kept in the database; the acknowledgement goes by direct message, never in public.
 */
@PlatformTest
class WeiboChannelTest {

    @Autowired
    WeiboPoller poller;
    @Autowired
    FeedbackOutbox outbox;
    @Autowired
    JdbcClient jdbc;

    @Test
    void mentionsAndDirectMessagesBecomeCasesOnceAndAreAnsweredByDirectMessage() throws Exception {
        long base = Math.max(cursor(WeiboPoller.MENTIONS), cursor(WeiboPoller.DIRECT_MESSAGES)) + 1000;
        Instant now = TestClock.clock().instant();
        ChannelApis.mention(base + 1, "1000000001", "@榆林市住建局 金沙苑5号楼下水道堵了一周", now.minus(Duration.ofMinutes(30)));
        ChannelApis.mention(base + 2, "1000000002", "@榆林市住建局 小区绿化很好，点赞", now.minus(Duration.ofMinutes(20)));
        ChannelApis.directMessage(base + 3, "1000000003", "您好，我家租金这个月多扣了一次", now.minus(Duration.ofMinutes(10)));
        int from = ChannelApis.calls().size();

        assertThat(poller.poll()).isEqualTo(3);
        assertThat(cases("status:" + (base + 1), "status:" + (base + 2), "dm:" + (base + 3))).isEqualTo(3);
        assertThat(cursor(WeiboPoller.MENTIONS)).isEqualTo(base + 2);
        assertThat(cursor(WeiboPoller.DIRECT_MESSAGES)).isEqualTo(base + 3);

        // the next poll asks from where the last one stopped, and a new mention is the only new case
        ChannelApis.mention(base + 4, "1000000001", "@榆林市住建局 下水道还是没人来修", now.minus(Duration.ofMinutes(5)));
        int second = ChannelApis.calls().size();
        assertThat(poller.poll()).isEqualTo(1);
        var asked = ChannelApis.calls().subList(second, ChannelApis.calls().size());
        assertThat(asked).filteredOn(c -> c.path().equals("/2/statuses/mentions.json"))
                .allSatisfy(c -> assertThat(c.query().get("since_id")).isEqualTo(Long.toString(base + 2))).isNotEmpty();
        assertThat(asked).filteredOn(c -> c.path().equals("/2/direct_messages.json"))
                .allSatisfy(c -> assertThat(c.query().get("since_id")).isEqualTo(Long.toString(base + 3))).isNotEmpty();
        assertThat(cases("status:" + (base + 1), "status:" + (base + 2), "dm:" + (base + 3), "status:" + (base + 4))).isEqualTo(4);
        assertThat(poller.poll()).isZero();

        // the scheduled outbox may be sending some of them right now (rows locked, skipped here): wait for every answer
        long until = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (!answeredAll(from, List.of("1000000001", "1000000002", "1000000003")) && System.nanoTime() < until) {
            outbox.deliver();
            Thread.sleep(200);
        }
        var calls = ChannelApis.calls().subList(from, ChannelApis.calls().size());
        var dms = calls.stream().filter(c -> c.path().equals("/2/direct_messages/new.json")).toList();
        for (String uid : List.of("1000000001", "1000000002", "1000000003")) {
            var to = dms.stream().filter(c -> uid.equals(c.form().get("uid"))).toList();
            assertThat(to).as(uid).isNotEmpty();
            assertThat(to).allSatisfy(c -> assertThat(c.form().get("text")).contains("案件编号 TS").contains("查询码"));
        }
        // never a public comment, repost or post: the case number and code are the tenant's alone
        assertThat(calls).noneSatisfy(c -> assertThat(c.path()).containsAnyOf("comments", "repost", "statuses/update", "statuses/share"));
        // (the outbox also sends other channels' pending messages, WeChat's among them: only Weibo's API is checked here)
        assertThat(calls).filteredOn(c -> c.method().equals("POST") && c.path().startsWith("/2/")).allSatisfy(c -> assertThat(c.path()).isEqualTo("/2/direct_messages/new.json"));
    }

    private static boolean answeredAll(int from, List<String> uids) {
        var calls = List.copyOf(ChannelApis.calls().subList(from, ChannelApis.calls().size()));
        return uids.stream().allMatch(uid -> calls.stream()
                .anyMatch(c -> c.path().equals("/2/direct_messages/new.json") && uid.equals(c.form().get("uid"))));
    }

    private long cursor(String key) {
        return jdbc.sql("select cursor from feedback_channel_cursor where channel = ?").param(key).query(String.class).optional()
                .map(Long::parseLong).orElse(0L);
    }

    private long cases(String... externalIds) {
        return jdbc.sql("select count(distinct case_id) from feedback_message where direction = 'IN' and channel = 'WEIBO' and external_id in (:ids)")
                .param("ids", List.of(externalIds)).query(Long.class).single();
    }
}
