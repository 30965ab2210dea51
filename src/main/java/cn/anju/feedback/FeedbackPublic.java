package cn.anju.feedback;

import cn.anju.shared.crypto.Crypto;
import cn.anju.shared.crypto.CryptoPurpose;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the public sees of a case: by its number and the code sent at acknowledgement, its state and the reply, never
 * who complained or what they wrote. Lookups are limited per caller (a number and a six-digit code would otherwise be
 * guessable), on top of the CAPTCHA the page asks for.
 */
@Service
public class FeedbackPublic {

    static final int LOOKUPS_PER_HOUR = 20;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();
    private final Crypto crypto;

    /** The code the public follows a case with, kept only as its digest (naming its algorithm; bare = SHA-256). */
    static final CryptoPurpose TRACKING_CODE = CryptoPurpose.stored("feedback-tracking-code");

    FeedbackPublic(JdbcClient jdbc, Clock clock, Crypto crypto) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.crypto = crypto;
    }

    private record Window(Instant start, int count) {
    }

    public record PublicCase(String caseNumber, String channel, String kind, String state, Instant receivedAt, Instant repliedAt,
                             String reply, Instant closedAt) {
    }

    /** Whether this caller may look again (and counts this look): at most {@value #LOOKUPS_PER_HOUR} an hour. */
    public boolean allow(String caller) {
        Instant now = clock.instant();
        Window w = windows.compute(caller, (k, old) -> old == null || old.start().plus(Duration.ofHours(1)).isBefore(now)
                ? new Window(now, 1) : new Window(old.start(), old.count() + 1));
        if (windows.size() > 10_000) {
            windows.entrySet().removeIf(e -> e.getValue().start().plus(Duration.ofHours(1)).isBefore(now));
        }
        return w.count() <= LOOKUPS_PER_HOUR;
    }

    public Optional<PublicCase> find(String caseNumber, String code) {
        if (caseNumber == null || code == null || !code.trim().matches("[0-9]{6}")) {
            return Optional.empty();
        }
        return jdbc.sql("""
                        select case_number, channel, kind, state, received_at, replied_at, reply, closed_at, tracking_code
                          from feedback_case where case_number = ?""")
                .param(caseNumber.trim().toUpperCase())
                .query((rs, n) -> crypto.matches(TRACKING_CODE, rs.getString(9), code.trim())
                        ? new PublicCase(rs.getString(1), Channel.valueOf(rs.getString(2)).label(), FeedbackKind.valueOf(rs.getString(3)).label(),
                        FeedbackState.valueOf(rs.getString(4)).label(), rs.getTimestamp(5).toInstant(), FeedbackQueries.instant(rs.getTimestamp(6)),
                        rs.getString(7), FeedbackQueries.instant(rs.getTimestamp(8))) : null)
                .optional();
    }
}
