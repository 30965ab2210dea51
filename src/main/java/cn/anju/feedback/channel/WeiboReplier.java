package cn.anju.feedback.channel;

import cn.anju.feedback.Channel;
import cn.anju.feedback.ChannelReplier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import java.util.Map;

/**
 * Answers a Weibo case by direct message (私信) to the sender's uid, never by a public comment or repost: the case,
 * its number and its tracking code are the tenant's, not the timeline's.
 */
@Component
@ConditionalOnProperty(prefix = "anju.feedback.weibo", name = "enabled", havingValue = "true")
class WeiboReplier implements ChannelReplier {

    private final WeiboProperties properties;
    private final ProviderHttp http;

    WeiboReplier(WeiboProperties properties, ProviderHttp http) {
        this.properties = properties;
        this.http = http;
    }

    @Override
    public Channel channel() {
        return Channel.WEIBO;
    }

    @Override
    public void send(Outgoing message) throws Exception {
        // an error is a 4xx with {"error_code": …}, which ProviderHttp throws: the outbox tries again
        http.postForm(ProviderHttp.uri(properties.apiBase(), "/2/direct_messages/new.json", Map.of()),
                Map.of("access_token", properties.accessToken(), "uid", message.to(), "text", message.text()));
    }
}
