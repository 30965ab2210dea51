package cn.anju.demo;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.function.Supplier;

/**
 * The platform's clock as the demo sees it. A demo city starts with years of history, and that history is made by the
 * modules' own actions, which read "now" from the injected {@link Clock}. So in the {@code demo} profile every
 * {@code Clock} bean is wrapped in this one: it tells the time of the clock it wraps (the system clock, or the tests'
 * {@code TestClock}), except on a thread that is acting {@link #asOf as of} a past moment, where it tells that moment
 * (running on at real speed, so steps taken one after another keep their order). Only the demo's own thread travels:
 * requests, jobs and listeners on other threads keep the real time.
 */
final class DemoClock extends Clock {

    private record Shift(Instant at, long startedNanos) {
        Instant now() {
            return at.plusNanos(System.nanoTime() - startedNanos);
        }
    }

    private static final ThreadLocal<Shift> SHIFT = new ThreadLocal<>();

    private final Clock base;

    DemoClock(Clock base) {
        this.base = base;
    }

    /** Runs the action on this thread as of the moment, then returns to the time before (nesting allowed). */
    static <T> T asOf(Instant at, Supplier<T> action) {
        Shift before = SHIFT.get();
        SHIFT.set(new Shift(at, System.nanoTime()));
        try {
            return action.get();
        } finally {
            if (before == null) {
                SHIFT.remove();
            } else {
                SHIFT.set(before);
            }
        }
    }

    @Override
    public ZoneId getZone() {
        return base.getZone();
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return new DemoClock(base.withZone(zone));
    }

    @Override
    public Instant instant() {
        Shift shift = SHIFT.get();
        return shift == null ? base.instant() : shift.now();
    }

    /** Wraps every {@link Clock} bean, so that every module's clock follows the demo's thread into the past. */
    @Configuration(proxyBeanMethods = false)
    @Profile("demo")
    static class Wiring {

        @Bean
        static BeanPostProcessor demoClockWrapper() {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String beanName) {
                    return bean instanceof Clock clock && !(bean instanceof DemoClock) ? new DemoClock(clock) : bean;
                }
            };
        }
    }
}
