package cn.anju.shared;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.function.Supplier;

/**
 * The platform's clock, able to stand still at a past moment on one thread. A figure computed as of a past day (the
 * monitoring backfill) must read that day as "today" wherever a measure asks the clock — whether a deadline had passed,
 * which records were decided — or it would be a recomputation with today's eyes, not that day's figure. Requests and
 * jobs on other threads keep the real time. Every {@link Clock} bean is wrapped, in every profile.
 */
public final class AsOfClock extends Clock {

    private static final ThreadLocal<Instant> AT = new ThreadLocal<>();

    private final Clock base;

    AsOfClock(Clock base) {
        this.base = base;
    }

    /** Runs the action with this thread's clock at the moment, then returns to the time before (nesting allowed). */
    public static <T> T asOf(Instant at, Supplier<T> action) {
        Instant before = AT.get();
        AT.set(at);
        try {
            return action.get();
        } finally {
            if (before == null) {
                AT.remove();
            } else {
                AT.set(before);
            }
        }
    }

    @Override
    public ZoneId getZone() {
        return base.getZone();
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return new AsOfClock(base.withZone(zone));
    }

    @Override
    public Instant instant() {
        Instant at = AT.get();
        return at == null ? base.instant() : at;
    }

    @Configuration(proxyBeanMethods = false)
    static class Wiring {

        @Bean
        static BeanPostProcessor asOfClockWrapper() {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String beanName) {
                    return bean instanceof Clock clock && !(bean instanceof AsOfClock) ? new AsOfClock(clock) : bean;
                }
            };
        }
    }
}
