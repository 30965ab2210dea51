package cn.anju.household;

import cn.anju.audit.AuditLog;
import cn.anju.audit.AuditOutcome;
import cn.anju.identity.CurrentUser;
import cn.anju.shared.web.ProblemException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * Searches by a whole ID number or mobile number, the one way to test a guess at a masked number: a masked ID with
 * the birth year leaves about 33 candidates, so trying them would rebuild it. Every such search is recorded and
 * audited, and an account that missed {@code anju.household.exact-search-misses-per-day} times within a day is refused
 * further ones (a clerk looking up the people in front of them finds them; someone guessing mostly misses).
 */
@Component
class ExactSearches {

    enum Kind { ID_NUMBER, PHONE }

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Clock clock;
    private final int missesPerDay;

    @Autowired
    ExactSearches(JdbcClient jdbc, AuditLog audit, Clock clock,
                  @Value("${anju.household.exact-search-misses-per-day:20}") int missesPerDay) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
        this.missesPerDay = missesPerDay;
    }

    /** Refuses the search when the account has used up its misses of the last 24 hours. */
    void admit(CurrentUser user, Kind kind) {
        long misses = jdbc.sql("select count(*) from exact_search where user_id = ? and not found and searched_at > ?")
                .params(user.id(), Timestamp.from(clock.instant().minus(Duration.ofDays(1)))).query(Long.class).single();
        if (misses >= missesPerDay) {
            audit.record(HouseholdAudit.HOUSEHOLD_EXACT_SEARCH, "app_user", user.id(), AuditOutcome.DENIED, Map.of("kind", kind.name()));
            throw new ProblemException(HttpStatus.TOO_MANY_REQUESTS, "EXACT_SEARCH_LIMIT", "24小时内按身份证号或手机号精确查询未找到已达"
                    + missesPerDay + "次，暂停此类查询：请核对号码，或按姓名查询；如确有需要，请联系本单位负责人。");
        }
    }

    /** Records a search that ran, and whether it found anyone. */
    void record(CurrentUser user, Kind kind, boolean found) {
        Instant now = clock.instant();
        jdbc.sql("insert into exact_search (user_id, kind, found, searched_at) values (?, ?, ?, ?)")
                .params(user.id(), kind.name(), found, Timestamp.from(now)).update();
        audit.record(HouseholdAudit.HOUSEHOLD_EXACT_SEARCH, "app_user", user.id(), AuditOutcome.SUCCESS, Map.of("kind", kind.name(), "found", found));
    }
}
