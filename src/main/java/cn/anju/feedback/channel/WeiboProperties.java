package cn.anju.feedback.channel;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * The district's Weibo account: the OAuth access token of the account, read for mentions and direct messages every
 * {@code pollEvery}. Off unless enabled.
 */
@ConfigurationProperties("anju.feedback.weibo")
record WeiboProperties(boolean enabled, String accessToken, String apiBase, Duration pollEvery) {

    WeiboProperties {
        apiBase = apiBase == null || apiBase.isBlank() ? "https://api.weibo.com" : apiBase;
        pollEvery = pollEvery == null ? Duration.ofSeconds(120) : pollEvery;
    }
}
