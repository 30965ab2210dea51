package cn.anju.support;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/**
 * The platform clock in tests: real time plus an offset a test may move forward (idle timeouts, lock expiry,
 * token expiry) instead of waiting. Tests that move it reset it when done.
 */
public final class TestClock extends Clock {

    private static volatile Duration offset = Duration.ZERO;
    private final ZoneId zone;

    TestClock(ZoneId zone) {
        this.zone = zone;
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
        return Instant.now().plus(offset);
    }

    @TestConfiguration(proxyBeanMethods = false)
    public static class Config {
        @Bean
        @Primary
        Clock testClock() {
            return new TestClock(ZoneId.of("Asia/Shanghai"));
        }
    }
}
