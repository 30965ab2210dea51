package cn.anju.disclosure;

import cn.anju.feedback.FeedbackChannelsDirectory;
import cn.anju.shared.Districts;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Service channels (服务渠道): each district's hotline, WeChat official account, Weibo and e-mail as the complaints
 * module is configured ({@code anju.feedback.contact}), with links to the contact page and to following a case. The
 * configuration has no change date: it takes effect when the platform starts, and the drafting job runs at start, so
 * an item is final on the day the platform first drafts those values. Its record is the district and the values
 * ({@link #sourceId}): when the configuration changes, the district gets a new item, final that day; the item of the
 * values before stays as it is until an officer withdraws it.
 */
@Component
class ChannelsSource implements DisclosureSource {

    static final String CONTACT_PAGE = "/public/contact";
    static final String CASES_PAGE = "/public/cases";

    private final FeedbackChannelsDirectory channels;
    private final Districts districts;
    private final Clock clock;

    ChannelsSource(FeedbackChannelsDirectory channels, Districts districts, Clock clock) {
        this.channels = channels;
        this.districts = districts;
        this.clock = clock;
    }

    @Override
    public DisclosureType type() {
        return DisclosureType.CHANNELS;
    }

    @Override
    public List<DisclosureDraft> drafts() {
        LocalDate today = LocalDate.now(clock);
        return channels.all(districts).stream().map(row -> {
            FeedbackChannelsDirectory.Contact c = row.contact();
            Map<String, Object> content = new LinkedHashMap<>();
            content.put("district", row.districtName());
            content.put("hotline", c.hotline());
            content.put("wechat", c.wechat());
            content.put("weibo", c.weibo());
            content.put("email", c.email());
            content.put("contactPage", CONTACT_PAGE);
            content.put("casesPage", CASES_PAGE);
            long sourceId = sourceId(row.districtCode(), c);
            // values drafted before keep their item and its day (draftAll skips them); values not seen before are final today
            return new DisclosureDraft(DisclosureType.CHANNELS, sourceId, row.districtCode(), row.districtName() + "公租房服务渠道",
                    today, content);
        }).toList();
    }

    /** One number per district and values: the district's code, then 9 digits of the values' SHA-256 (610802 → 610802xxxxxxxxx). */
    static long sourceId(String district, FeedbackChannelsDirectory.Contact c) {
        String values = String.join("\n", String.valueOf(c.hotline()), String.valueOf(c.wechat()), String.valueOf(c.weibo()),
                String.valueOf(c.email()));
        String sha = DisclosureContent.sha256(values);
        long digits = Long.parseLong(sha.substring(0, 8), 16) % 1_000_000_000L;
        return Long.parseLong(district) * 1_000_000_000L + digits;
    }
}
