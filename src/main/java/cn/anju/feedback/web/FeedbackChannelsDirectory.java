package cn.anju.feedback.web;

import cn.anju.shared.Districts;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.List;
import java.util.Map;

/**
 * Where the public reaches each district's service (seed 六(四)): the 24-hour hotline, the WeChat official account,
 * Weibo and e-mail, from configuration ({@code anju.feedback.contact}): the city-wide values, and a district's own
 * where it has them.
 */
@ConfigurationProperties("anju.feedback.contact")
record FeedbackChannelsDirectory(Contact city, Map<String, Contact> districts) {

    record Contact(String hotline, String wechat, String weibo, String email) {

        Contact over(Contact base) {
            return new Contact(hotline != null ? hotline : base.hotline(), wechat != null ? wechat : base.wechat(),
                    weibo != null ? weibo : base.weibo(), email != null ? email : base.email());
        }
    }

    FeedbackChannelsDirectory {
        city = city == null ? new Contact(null, null, null, null) : city;
        districts = districts == null ? Map.of() : Map.copyOf(districts);
    }

    record Row(String districtCode, String districtName, Contact contact) {
    }

    List<Row> all(Districts known) {
        return known.all().stream().map(d -> new Row(d.code(), d.name(),
                districts.getOrDefault(d.code(), new Contact(null, null, null, null)).over(city))).toList();
    }
}
