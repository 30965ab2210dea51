package cn.anju.feedback.channel;

import cn.anju.shared.crypto.Crypto;
import cn.anju.shared.crypto.CryptoPurpose;
import cn.anju.shared.crypto.HashAlgorithm;
import cn.anju.feedback.Channel;
import cn.anju.feedback.FeedbackIntake;
import cn.anju.feedback.Inbound;
import cn.anju.shared.web.ProblemException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.stream.Stream;

/**
 * The official account's server URL (服务器地址), called by WeChat's servers: the GET that proves we hold the token,
 * and the POST of each message a follower writes. Every call carries WeChat's signature (SHA-1 of token, timestamp and
 * nonce sorted and joined) and is refused unless it matches and the timestamp is within five minutes (a replayed call
 * is refused). A text message becomes a case; WeChat sends a message again when it has no answer within 5 s, and the
 * same MsgId finds the same case. The answer is always "success": the acknowledgement goes later, by the outbox.
 */
@RestController
@Tag(name = "投诉建议渠道 Feedback channels")
class WeChatEndpoint {

    static final String PATH = "/api/v1/feedback/wechat";
    static final Duration REPLAY_WINDOW = Duration.ofMinutes(5);
    private static final Logger log = LoggerFactory.getLogger(WeChatEndpoint.class);

    private final WeChatProperties properties;
    private final FeedbackIntake intake;
    private final Clock clock;

    WeChatEndpoint(WeChatProperties properties, FeedbackIntake intake, Clock clock) {
        this.properties = properties;
        this.intake = intake;
        this.clock = clock;
    }

    @GetMapping(PATH)
    @Operation(summary = "微信公众号服务器地址验证（微信服务器调用；签名或时间戳不符一律 403）")
    ResponseEntity<String> verify(@RequestParam(required = false) String signature, @RequestParam(required = false) String timestamp,
                                  @RequestParam(required = false) String nonce, @RequestParam(required = false) String echostr) {
        check(signature, timestamp, nonce);
        return text(echostr == null ? "" : echostr);
    }

    @PostMapping(PATH)
    @Operation(summary = "接收微信公众号消息（微信服务器调用；文本消息立案，按 MsgId 去重；签名或时间戳不符一律 403，不入库）")
    ResponseEntity<String> receive(@RequestParam(required = false) String signature, @RequestParam(required = false) String timestamp,
                                   @RequestParam(required = false) String nonce, @RequestBody(required = false) String body) {
        check(signature, timestamp, nonce);
        WeChatMessage m = WeChatMessage.parse(body == null ? "" : body);
        if (m.isText()) {
            // a CreateTime ahead of our clock would be refused by the intake: the message is here now at the latest
            Instant created = Instant.ofEpochSecond(m.createTime());
            Instant at = created.isAfter(clock.instant()) ? clock.instant() : created;
            try {
                intake.receive(Inbound.of(Channel.WECHAT, m.msgId(), OffsetDateTime.ofInstant(at, clock.getZone()), m.fromUser(),
                        m.content(), List.of()));
            } catch (ProblemException e) {
                // answering an error would only make WeChat retry the same message and tell the follower the account is down
                log.warn("WeChat message {} not taken as a case: {}", m.msgId(), e.code());
            }
        }
        return text("success");
    }

    private void check(String signature, String timestamp, String nonce) {
        if (!properties.enabled() || properties.token() == null || properties.token().isBlank()) {
            throw ProblemException.notFound("WECHAT_OFF", "本平台未开通微信公众号渠道。");
        }
        if (signature == null || timestamp == null || nonce == null) {
            throw refused();
        }
        long seconds;
        try {
            seconds = Long.parseLong(timestamp);
        } catch (NumberFormatException e) {
            throw refused();
        }
        if (Duration.between(Instant.ofEpochSecond(seconds), clock.instant()).abs().compareTo(REPLAY_WINDOW) > 0) {
            throw refused();
        }
        if (!Crypto.same(sign(properties.token(), timestamp, nonce), signature.toLowerCase())) {
            throw refused();
        }
    }

    /** WeChat's documented server signature: SHA-1 of token, timestamp and nonce sorted as strings and joined. */
    static String sign(String token, String timestamp, String nonce) {
        String joined = String.join("", Stream.of(token, timestamp, nonce).sorted().toList());
        return Crypto.digestPinned(SIGNATURE, joined.getBytes(StandardCharsets.UTF_8)).hex();
    }

    /** WeChat's protocol prescribes SHA-1: it does not change with our suite. */
    static final CryptoPurpose SIGNATURE = CryptoPurpose.pinned("wechat-signature", HashAlgorithm.SHA1);

    private static ProblemException refused() {
        return ProblemException.forbidden("WECHAT_SIGNATURE", "微信签名或时间戳校验未通过。");
    }

    private static ResponseEntity<String> text(String body) {
        return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8)).body(body);
    }
}
