package cn.anju.household;

import cn.anju.audit.AuditLog;
import cn.anju.identity.CurrentUser;
import cn.anju.identity.OrganisationType;
import cn.anju.identity.TestAccounts;
import cn.anju.shared.Role;
import cn.anju.shared.privacy.ChineseIdNumber;
import cn.anju.shared.web.ProblemException;
import cn.anju.support.PlatformTest;
import cn.anju.support.TestClock;
import cn.anju.support.WebClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A masked ID number with the birth year leaves about 33 candidates; the exact search is the one way to test them.
 * Each such search is recorded and audited, and an account with too many misses in a day is refused more.
 */
@PlatformTest
class ExactSearchesTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    AuditLog audit;
    @Autowired
    TestAccounts identity;

    long searches(long user) {
        return jdbc.sql("select count(*) from exact_search where user_id = ? and kind = 'ID_NUMBER' and not found")
                .param(user).query(Long.class).single();
    }

    @Test
    void aSearchByIdNumberThatFindsNobodyIsRecordedAsAMiss() {
        long staff = identity.userId("anju.staff");
        long before = searches(staff);
        String nobody = "61080219900101001" + ChineseIdNumber.checkCharacter("61080219900101001");
        var answer = WebClient.loggedIn(port, "anju.staff").getJson("/api/v1/households?idNumber=" + nobody);
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(searches(staff)).isEqualTo(before + 1);
    }

    @Test
    void anAccountThatMissedTooOftenInADayIsRefusedUntilTheDayHasPassed() {
        // its own account and clock, far from the shared test clock, so no other test's searches count here
        long user = identity.userId("evaluator");
        CurrentUser who = new CurrentUser(user, "evaluator", "评价员", null, "评价机构", OrganisationType.EVALUATOR,
                null, Set.of(Role.EVALUATOR), Set.of(), false, null);
        Instant t = TestClock.clock().instant().plus(Duration.ofDays(400));
        ExactSearches searches = new ExactSearches(jdbc, audit, Clock.fixed(t, TestClock.clock().getZone()), 3);
        ExactSearches later = new ExactSearches(jdbc, audit, Clock.fixed(t.plus(Duration.ofHours(25)), TestClock.clock().getZone()), 3);
        for (int i = 0; i < 5; i++) {
            searches.admit(who, ExactSearches.Kind.ID_NUMBER);
            searches.record(who, ExactSearches.Kind.ID_NUMBER, true); // finding people costs nothing
        }
        for (int i = 0; i < 3; i++) {
            searches.admit(who, ExactSearches.Kind.ID_NUMBER);
            searches.record(who, ExactSearches.Kind.PHONE, false);
        }
        assertThatThrownBy(() -> searches.admit(who, ExactSearches.Kind.ID_NUMBER))
                .isInstanceOfSatisfying(ProblemException.class, p -> {
                    assertThat(p.status().value()).isEqualTo(429);
                    assertThat(p.code()).isEqualTo("EXACT_SEARCH_LIMIT");
                    assertThat(p.getMessage()).contains("未找到已达3次");
                });
        later.admit(who, ExactSearches.Kind.ID_NUMBER); // a day on, the misses no longer count
    }
}
