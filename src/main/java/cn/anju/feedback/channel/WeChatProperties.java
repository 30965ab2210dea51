package cn.anju.feedback.channel;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The WeChat official account (微信公众号), plaintext mode: the server URL's token, and the app id and secret that get
 * the access token for customer-service messages. Off unless enabled.
 *
 * @param token   the token entered in the account's server configuration (服务器配置), to check signatures
 * @param apiBase the WeChat API (a test points it at a local server)
 */
@ConfigurationProperties("anju.feedback.wechat")
record WeChatProperties(boolean enabled, String token, String appId, String appSecret, String apiBase) {

    WeChatProperties {
        apiBase = apiBase == null || apiBase.isBlank() ? "https://api.weixin.qq.com" : apiBase;
    }
}
