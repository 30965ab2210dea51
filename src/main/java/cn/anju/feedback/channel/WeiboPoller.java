package cn.anju.feedback.channel;

import cn.anju.feedback.Channel;
import cn.anju.feedback.FeedbackIntake;
import cn.anju.feedback.Inbound;
import cn.anju.shared.web.ProblemException;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the account's Weibo mentions (@) and direct messages every {@code anju.feedback.weibo.poll-every}; each new one
 * becomes a case. Each list's since_id is kept in the database and moves on only after its items went through the
 * intake, so a crash reads them again and the intake's (channel, externalId) finds the cases it made.
 */
@Component
@ConditionalOnProperty(prefix = "anju.feedback.weibo", name = "enabled", havingValue = "true")
class WeiboPoller {

    static final String MENTIONS = "WEIBO_MENTIONS";
    static final String DIRECT_MESSAGES = "WEIBO_DM";
    static final int PAGE_SIZE = 100;
    /** Pages read per list and poll: enough for a district account; the rest comes next poll. */
    static final int MAX_PAGES = 10;
    private static final DateTimeFormatter CREATED_AT = DateTimeFormatter.ofPattern("EEE MMM dd HH:mm:ss Z yyyy", Locale.US);
    private static final Logger log = LoggerFactory.getLogger(WeiboPoller.class);

    private record Feed(String cursor, String path, String field, String prefix, String senderField) {
    }

    private static final List<Feed> FEEDS = List.of(
            new Feed(MENTIONS, "/2/statuses/mentions.json", "statuses", "status:", "user"),
            new Feed(DIRECT_MESSAGES, "/2/direct_messages.json", "direct_messages", "dm:", "sender"));

    private final WeiboProperties properties;
    private final ProviderHttp http;
    private final ChannelCursors cursors;
    private final FeedbackIntake intake;
    private final Clock clock;

    WeiboPoller(WeiboProperties properties, ProviderHttp http, ChannelCursors cursors, FeedbackIntake intake, Clock clock) {
        this.properties = properties;
        this.http = http;
        this.cursors = cursors;
        this.intake = intake;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${anju.feedback.weibo.poll-every:120s}", initialDelayString = "${anju.feedback.weibo.poll-every:120s}")
    @SchedulerLock(name = "feedback-weibo-poll", lockAtMostFor = "PT10M")
    void pollScheduled() {
        try {
            poll();
        } catch (IOException e) {
            log.warn("Weibo poll failed, next poll tries again: {}", e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Reads both lists once; returns how many new cases were made. */
    int poll() throws IOException, InterruptedException {
        int made = 0;
        for (Feed feed : FEEDS) {
            made += read(feed);
        }
        return made;
    }

    private int read(Feed feed) throws IOException, InterruptedException {
        long since = cursors.read(feed.cursor()).map(Long::parseLong).orElse(0L);
        List<JsonNode> items = new ArrayList<>();
        for (int page = 1; page <= MAX_PAGES; page++) {
            Map<String, String> query = new LinkedHashMap<>();
            query.put("access_token", properties.accessToken());
            if (since > 0) {
                query.put("since_id", Long.toString(since));
            }
            query.put("count", Integer.toString(PAGE_SIZE));
            query.put("page", Integer.toString(page));
            JsonNode got = http.get(ProviderHttp.uri(properties.apiBase(), feed.path(), query)).path(feed.field());
            got.forEach(items::add);
            if (got.size() < PAGE_SIZE) {
                break;
            }
        }
        // Weibo lists newest first: take them oldest first, so the cursor only ever moves past what went in
        items.sort(Comparator.comparingLong(WeiboPoller::id));
        long newest = since;
        int made = 0;
        for (JsonNode item : items) {
            long id = id(item);
            if (id <= since) {
                continue;
            }
            String from = item.path(feed.senderField()).path("idstr").asString("");
            try {
                made += intake.receive(Inbound.of(Channel.WEIBO, feed.prefix() + id, receivedAt(item), from.isBlank() ? null : from,
                        item.path("text").asString(""), List.of())).created() ? 1 : 0;
            } catch (ProblemException e) {
                // an item the intake cannot take (a picture without words) must not hold up the ones after it
                log.warn("Weibo {}{} not taken as a case: {}", feed.prefix(), id, e.code());
            }
            newest = Math.max(newest, id);
        }
        if (newest > since) {
            cursors.save(feed.cursor(), Long.toString(newest));
        }
        return made;
    }

    private static long id(JsonNode item) {
        return Long.parseLong(item.path("idstr").asString(item.path("id").asString("0")));
    }

    private OffsetDateTime receivedAt(JsonNode item) {
        Instant now = clock.instant();
        try {
            Instant created = ZonedDateTime.parse(item.path("created_at").asString(""), CREATED_AT).toInstant();
            return OffsetDateTime.ofInstant(created.isAfter(now) ? now : created, clock.getZone());
        } catch (DateTimeParseException e) {
            return OffsetDateTime.ofInstant(now, clock.getZone());
        }
    }
}
