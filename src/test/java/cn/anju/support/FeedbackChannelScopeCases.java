package cn.anju.support;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The channels' server-to-server URLs: no session and no CSRF token are asked, so a session does not open them
 * either; nothing passes without the provider's signature, whoever calls.
 */
final class FeedbackChannelScopeCases {

    private FeedbackChannelScopeCases() {
    }

    static void addTo(Map<String, ScopeCase> cases) {
        cases.put("GET /api/v1/feedback/wechat", port -> {
            String path = "/api/v1/feedback/wechat?signature=0&timestamp=0&nonce=1&echostr=hello";
            for (WebClient client : new WebClient[] {new WebClient(port), WebClient.loggedIn(port, "anju.manager")}) {
                var r = client.getJson(path);
                assertThat(r.statusCode()).isEqualTo(403);
                assertThat(r.body()).contains("WECHAT_SIGNATURE").doesNotContain("hello");
            }
        });
        cases.put("POST /api/v1/feedback/wechat", port -> {
            String xml = "<xml><MsgType>text</MsgType><Content>x</Content><MsgId>1</MsgId></xml>";
            var anonymous = new WebClient(port).postJson("/api/v1/feedback/wechat", xml, (String) null);
            var manager = WebClient.loggedIn(port, "anju.manager").postJson("/api/v1/feedback/wechat", xml);
            for (var r : List.of(anonymous, manager)) {
                assertThat(r.statusCode()).isEqualTo(403);
                assertThat(r.body()).contains("WECHAT_SIGNATURE");
            }
        });
    }
}
