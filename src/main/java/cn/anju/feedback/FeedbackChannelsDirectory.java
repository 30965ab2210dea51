package cn.anju.feedback;

import cn.anju.shared.Districts;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.modulith.NamedInterface;

import java.util.List;
import java.util.Map;

/**
 * Where the public reaches each district's service (seed 六(四)): the 24-hour hotline, the WeChat official account,
 * Weibo and e-mail, from configuration ({@code anju.feedback.contact}): the city-wide values, and a district's own
 * where it has them. Public: the contact page shows it, and the disclosure publishes it (服务渠道).
 */
@NamedInterface("api")
@ConfigurationProperties("anju.feedback.contact")
public record FeedbackChannelsDirectory(Contact city, Map<String, Contact> districts) {

    public record Contact(String hotline, String wechat, String weibo, String email) {

        Contact over(Contact base) {
            return new Contact(hotline != null ? hotline : base.hotline(), wechat != null ? wechat : base.wechat(),
                    weibo != null ? weibo : base.weibo(), email != null ? email : base.email());
        }
    }

    public FeedbackChannelsDirectory {
        city = city == null ? new Contact(null, null, null, null) : city;
        districts = districts == null ? Map.of() : Map.copyOf(districts);
    }

    public record Row(String districtCode, String districtName, Contact contact) {
    }

    /** Each district's channels: its own where configured, the city's otherwise. */
    public List<Row> all(Districts known) {
        return known.all().stream().map(d -> new Row(d.code(), d.name(),
                districts.getOrDefault(d.code(), new Contact(null, null, null, null)).over(city))).toList();
    }
}
