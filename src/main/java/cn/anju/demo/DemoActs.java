package cn.anju.demo;

import cn.anju.identity.CurrentUser;
import cn.anju.identity.CurrentUsers;
import cn.anju.identity.DemoAccounts;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * How the demo acts: as a demo account signed in with its published password (the same check the login page makes),
 * on a given day and hour, through the modules' own services. The account is the signed-in user for the step, so the
 * audit log names it; the {@link DemoClock} makes the step happen on that day.
 */
@Component
@Profile("demo")
class DemoActs {

    private final DemoAccounts accounts;
    private final Clock clock;
    private final TransactionTemplate tx;
    private final JdbcClient jdbc;
    private final Map<String, Authentication> signedIn = new ConcurrentHashMap<>();

    DemoActs(DemoAccounts accounts, Clock clock, TransactionTemplate tx, JdbcClient jdbc) {
        this.accounts = accounts;
        this.clock = clock;
        this.tx = tx;
        this.jdbc = jdbc;
    }

    /** Today in the city, by the platform's clock (or the day a step is acting on). */
    LocalDate today() {
        return LocalDate.now(clock);
    }

    /** Now, by the platform's clock. */
    Instant instant() {
        return clock.instant();
    }

    /** The moment, or now if it would be later (a step of "today" never happens in the future). */
    Instant notAfterNow(Instant at) {
        Instant now = clock.instant();
        return at.isAfter(now) ? now : at;
    }

    /**
     * The day the demo city started using the platform: its housing stock and waiting households were entered then,
     * and its oldest leases (five years, ending within the next months) were signed soon after.
     */
    LocalDate platformStart() {
        return today().minusMonths(62).withDayOfMonth(1);
    }

    /** A moment of a day in the city's zone (the clock's), whatever zone the JVM runs in. */
    Instant at(LocalDate day, int hour) {
        return day.atTime(hour, 0).atZone(clock.getZone()).toInstant();
    }

    Instant at(LocalDateTime time) {
        return time.atZone(clock.getZone()).toInstant();
    }

    /** Does the step as the signed-in account, at the moment. */
    <T> T at(Instant when, String username, Function<CurrentUser, T> step) {
        return DemoClock.asOf(when, () -> as(username, u -> step.apply(u.orElseThrow())));
    }

    void run(Instant when, String username, Consumer<CurrentUser> step) {
        at(when, username, u -> {
            step.accept(u);
            return null;
        });
    }

    /** Does the step at the moment with nobody signed in: a member of the public on the public pages. */
    <T> T anonymously(Instant when, Supplier<T> step) {
        return DemoClock.asOf(when, () -> tx.execute(status -> {
            asyncCommit(status);
            return step.get();
        }));
    }

    /** Does the step now, as the signed-in account. */
    <T> T now(String username, Function<CurrentUser, T> step) {
        return as(username, u -> step.apply(u.orElseThrow()));
    }

    /**
     * One transaction per step, as a request would have, committed without waiting for the disk (the demo's tens of
     * thousands of small steps would otherwise wait for as many flushes; a crash half way is started afresh anyway).
     */
    private <T> T as(String username, Function<Optional<CurrentUser>, T> step) {
        return tx.execute(status -> {
            asyncCommit(status);
            return signedIn(username, step);
        });
    }

    /**
     * Several steps in one transaction (a household's registration and decisions, a lease's way from allocation to
     * move-in): the steps still happen on their own days, only their commit is shared, which saves the database a
     * round of work per step.
     */
    <T> T together(Supplier<T> steps) {
        return tx.execute(status -> {
            asyncCommit(status);
            return steps.get();
        });
    }

    private void asyncCommit(TransactionStatus status) {
        if (status.isNewTransaction()) {
            jdbc.sql("set local synchronous_commit = off").update();
        }
    }

    private <T> T signedIn(String username, Function<Optional<CurrentUser>, T> step) {
        SecurityContext before = SecurityContextHolder.getContext();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(signedIn.computeIfAbsent(username, accounts::signIn));
        SecurityContextHolder.setContext(context);
        try {
            return step.apply(CurrentUsers.current());
        } finally {
            SecurityContextHolder.setContext(before);
        }
    }
}
