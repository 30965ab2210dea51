package cn.anju.support;

import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.core.io.ClassPathResource;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;

/**
 * The platform clock in tests. It starts at a pinned instant, not at the real date, so that no test passes or fails
 * by the day of the month it happens to run on; it then runs on at real speed (timeouts and lock expiry still work),
 * and a test may move it forward (idle timeouts, token expiry, due dates) instead of waiting, resetting it when done.
 *
 * <p>The start is read from the system property {@code anju.test.clock} or the environment variable
 * {@code ANJU_TEST_CLOCK}: an ISO date ({@code 2026-12-31}, taken at 10:00 in the city's zone) or an offset date-time
 * ({@code 2026-12-31T23:30:00+08:00}). Without either it is {@link #DEFAULT_START}. {@code docs/testing.md} shows
 * how the suite is run on the 1st, the 20th, the last day of a month and 31 December.
 */
public final class TestClock extends Clock {

    /** The city's zone as the platform is configured ({@code anju.zone} in {@code application.yml}), never a second copy. */
    public static final ZoneId ZONE = configuredZone();
    /** A Monday in the middle of a month, inside the year whose public holidays the demo calendar holds. */
    public static final String DEFAULT_START = "2026-11-16";
    /** Where the suite's time begins, fixed for the whole JVM. */
    public static final Instant START = parse(firstNonBlank(System.getProperty("anju.test.clock"), System.getenv("ANJU_TEST_CLOCK"), DEFAULT_START));
    private static final long STARTED_NANOS = System.nanoTime();

    private static volatile Duration offset = Duration.ZERO;
    private static final TestClock INSTANCE = new TestClock(ZONE);
    private final ZoneId zone;

    TestClock(ZoneId zone) {
        this.zone = zone;
    }

    /** The clock tests read "today" from: the same one the platform under test is given. */
    public static Clock clock() {
        return INSTANCE;
    }

    /** Today in the city's zone by the test clock. */
    public static LocalDate today() {
        return LocalDate.now(INSTANCE);
    }

    public static YearMonth thisMonth() {
        return YearMonth.now(INSTANCE);
    }

    public static void advance(Duration by) {
        offset = offset.plus(by);
    }

    public static void reset() {
        offset = Duration.ZERO;
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return new TestClock(zone);
    }

    @Override
    public Instant instant() {
        return START.plusNanos(System.nanoTime() - STARTED_NANOS).plus(offset);
    }

    private static ZoneId configuredZone() {
        YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
        yaml.setResources(new ClassPathResource("application.yml"));
        return ZoneId.of(yaml.getObject().getProperty("anju.zone"));
    }

    static Instant parse(String start) {
        String s = start.trim();
        if (s.length() == 10) {
            return LocalDate.parse(s).atTime(10, 0).atZone(ZONE).toInstant();
        }
        if (s.length() == 19) {
            return LocalDateTime.parse(s).atZone(ZONE).toInstant();
        }
        return OffsetDateTime.parse(s).toInstant();
    }

    private static String firstNonBlank(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        throw new IllegalStateException("no start instant");
    }

    @TestConfiguration(proxyBeanMethods = false)
    public static class Config {
        @Bean
        @Primary
        Clock testClock() {
            return INSTANCE;
        }
    }
}
